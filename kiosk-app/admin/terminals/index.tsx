// 终端与配对: every paired terminal with last-seen, pack version and device health; create a pairing code.
import { useEffect, useState } from 'preact/hooks';
import { ApiPaths, TerminalListResponse, type TerminalView } from '../../../hall-server/api/index.ts';
import { api, HallApiError } from '../../shared/hall/api.ts';
import type { AdminPageProps } from '../nav.ts';
import { PairingForm } from './PairingForm.tsx';
import { TerminalsTable } from './TerminalsTable.tsx';

export default function Terminals({ stream }: AdminPageProps) {
  const [terminals, setTerminals] = useState<TerminalView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = async () => {
    try {
      setTerminals((await api(ApiPaths.terminals, undefined, { response: TerminalListResponse })).terminals);
      setError(null);
    } catch (err) {
      setError(err instanceof HallApiError ? err.message : '终端列表获取失败');
    }
  };
  useEffect(() => {
    void load();
    const off = stream.onEvent((e) => {
      if (e.type === 'terminal.seen') void load();
    });
    const timer = setInterval(() => void load(), 15_000);
    return () => {
      off();
      clearInterval(timer);
    };
  }, [stream]);
  return (
    <div>
      <h1>终端与配对</h1>
      <PairingForm windows={stream.snapshot.value ? windowsOf(stream) : []} onCreated={() => void load()} />
      <section aria-labelledby="terminals-title">
        <h2 id="terminals-title">已配对终端</h2>
        {error && <p role="alert" class="admin-error"><span aria-hidden="true">⚠ </span>{error}</p>}
        {terminals === null ? <p role="status">正在加载…</p> : <TerminalsTable terminals={terminals} />}
      </section>
    </div>
  );
}

function windowsOf(stream: AdminPageProps['stream']): Array<{ number: number; name: string }> {
  const queue = stream.snapshot.value?.modules['queue'] as { windows?: Array<{ number: number; name: string }> } | null | undefined;
  return queue?.windows?.map((w) => ({ number: w.number, name: w.name })) ?? [];
}
