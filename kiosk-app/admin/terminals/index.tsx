// 终端与配对: every paired terminal with last-seen, pack version and device health; create a pairing code; revoke a
// lost or stolen terminal (after a confirm step; the server closes its connection).
import { useEffect, useRef, useState } from 'preact/hooks';
import { TerminalEndpoints, type TerminalView } from '../../../protocol/hall/index.ts';
import { call, HallApiError } from '../../shared/hall/api.ts';
import type { AdminPageProps } from '../page.ts';
import { PairingForm } from './PairingForm.tsx';
import { RevokeDialog } from './RevokeDialog.tsx';
import { TerminalsTable } from './TerminalsTable.tsx';
import './terminals.css';

export default function Terminals({ stream }: AdminPageProps) {
  const [terminals, setTerminals] = useState<TerminalView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [revoking, setRevoking] = useState<TerminalView | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const noticeRef = useRef<HTMLParagraphElement>(null);
  const load = async () => {
    try {
      setTerminals((await call(TerminalEndpoints.list)).terminals);
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
  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);

  const revoked = (t: TerminalView) => {
    setRevoking(null);
    setNotice(`已吊销 ${t.name}，它的连接已断开，需重新配对才能使用。`);
    void load();
  };
  return (
    <div>
      <h1>终端与配对</h1>
      <PairingForm windows={stream.snapshot.value ? windowsOf(stream) : []} onCreated={() => void load()} />
      <section aria-labelledby="terminals-title">
        <h2 id="terminals-title">已配对终端</h2>
        <p class="admin-summary">终端丢失或被盗时，请立即吊销：吊销后它不能再连接大厅服务器，找回后需重新配对。</p>
        {notice && <p ref={noticeRef} tabIndex={-1} role="status" class="admin-ok terminals-notice">✔ {notice}</p>}
        {error && <p role="alert" class="admin-error"><span aria-hidden="true">⚠ </span>{error}</p>}
        {terminals === null ? <p role="status">正在加载…</p> : <TerminalsTable terminals={terminals} onRevoke={(t) => { setNotice(null); setRevoking(t); }} />}
      </section>
      {revoking && <RevokeDialog terminal={revoking} onRevoked={() => revoked(revoking)} onCancel={() => setRevoking(null)} />}
    </div>
  );
}

function windowsOf(stream: AdminPageProps['stream']): Array<{ number: number; name: string }> {
  const queue = stream.snapshot.value?.modules['queue'] as { windows?: Array<{ number: number; name: string }> } | null | undefined;
  return queue?.windows?.map((w) => ({ number: w.number, name: w.name })) ?? [];
}
