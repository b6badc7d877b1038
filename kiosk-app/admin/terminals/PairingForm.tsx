// Creates an 8-digit pairing code for a terminal role (and window for pads and counters).
import { useState } from 'preact/hooks';
import { TerminalEndpoints, type TerminalRole } from '../../../protocol/hall/index.ts';
import { call, HallApiError } from '../../shared/hall/api.ts';
import { formatTime, ROLE_LABELS } from '../labels.ts';

const ROLES: TerminalRole[] = ['kiosk', 'pad', 'counter', 'board'];

export function PairingForm({ windows, onCreated }: { windows: Array<{ number: number; name: string }>; onCreated: () => void }) {
  const [role, setRole] = useState<TerminalRole>('kiosk');
  const [window, setWindow] = useState<number>(windows[0]?.number ?? 1);
  const [name, setName] = useState('');
  const [code, setCode] = useState<{ code: string; expiresAt: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const needsWindow = role === 'pad' || role === 'counter';

  const submit = async (e: Event) => {
    e.preventDefault();
    setError(null);
    try {
      const label = name.trim() || (needsWindow ? `${window}号窗口${ROLE_LABELS[role]}` : ROLE_LABELS[role]!);
      const res = await call(TerminalEndpoints.createPairingCode, { body: { role, name: label, ...(needsWindow ? { window } : {}) } });
      setCode(res);
      onCreated();
    } catch (err) {
      setError(err instanceof HallApiError ? err.message : '配对码生成失败');
    }
  };

  return (
    <section aria-labelledby="pairing-title">
      <h2 id="pairing-title">生成配对码</h2>
      <form class="admin-form" onSubmit={submit}>
        <label for="pair-role">终端类型</label>
        <select id="pair-role" value={role} onChange={(e) => setRole(e.currentTarget.value as TerminalRole)}>
          {ROLES.map((r) => <option key={r} value={r}>{ROLE_LABELS[r]}</option>)}
        </select>
        {needsWindow && (
          <>
            <label for="pair-window">窗口</label>
            <select id="pair-window" value={window} onChange={(e) => setWindow(Number(e.currentTarget.value))}>
              {windows.map((w) => <option key={w.number} value={w.number}>{w.number}号 {w.name}</option>)}
            </select>
          </>
        )}
        <label for="pair-name">终端名称（可不填）</label>
        <input id="pair-name" value={name} maxLength={40} onInput={(e) => setName(e.currentTarget.value)} placeholder="例如：大厅入口取号机" />
        <button type="submit">生成配对码</button>
      </form>
      {error && <p role="alert" class="admin-error"><span aria-hidden="true">⚠ </span>{error}</p>}
      {code && (
        <p class="admin-code" role="status">
          配对码 <strong>{code.code.slice(0, 4)} {code.code.slice(4)}</strong>，请在 {formatTime(code.expiresAt)} 前在终端上输入，仅可使用一次。
        </p>
      )}
    </section>
  );
}
