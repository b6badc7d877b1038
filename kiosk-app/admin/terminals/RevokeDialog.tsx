// The confirm step before revoking a terminal: a modal dialog naming it; Esc or 取消 closes it without change.
import { useEffect, useRef, useState } from 'preact/hooks';
import { TerminalEndpoints, type TerminalView } from '../../../protocol/hall/index.ts';
import { call, HallApiError } from '../../shared/hall/api.ts';

export function RevokeDialog({ terminal, onRevoked, onCancel }: { terminal: TerminalView; onRevoked: () => void; onCancel: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  const revoke = async () => {
    setBusy(true);
    try {
      await call(TerminalEndpoints.revoke, { params: { id: terminal.id } });
      onRevoked();
    } catch (err) {
      setError(err instanceof HallApiError ? err.message : '吊销失败，请稍后再试');
      setBusy(false);
    }
  };

  return (
    <dialog ref={ref} class="admin-dialog" role="alertdialog" aria-labelledby="revoke-title" aria-describedby="revoke-text"
      onCancel={(e) => { e.preventDefault(); onCancel(); }}>
      <h2 id="revoke-title">吊销终端</h2>
      <p id="revoke-text">吊销后该终端需重新配对，确定吊销 {terminal.name} 吗？</p>
      {error && <p role="alert" class="admin-error"><span aria-hidden="true">⚠ </span>{error}</p>}
      <div class="admin-dialog-actions">
        <button type="button" class="admin-danger" disabled={busy} onClick={() => void revoke()}>确定吊销</button>
        <button type="button" class="admin-secondary" onClick={onCancel}>取消</button>
      </div>
    </dialog>
  );
}
