// A small banner while the hall link is down (text and an icon with a label, not colour alone), and on a terminal that
// a demo hall paired by itself, a small note saying so.
import type { Signal } from '@preact/signals';
import { session } from './session.ts';
import type { ConnectionState } from './socket.ts';

/** `overlay` (default) floats over the top of a full-screen terminal page; `inline` takes its own row (admin console). */
export function ConnectionBanner({ state, placement = 'overlay' }: { state: Signal<ConnectionState>; placement?: 'overlay' | 'inline' }) {
  const demo = placement === 'overlay' && session.value?.demo === true;
  return (
    <>
      <LinkStatus state={state} placement={placement} />
      {demo && <DemoPairingNote floating />}
    </>
  );
}

function LinkStatus({ state, placement }: { state: Signal<ConnectionState>; placement: 'overlay' | 'inline' }) {
  if (state.value === 'open' || state.value === 'closed') return null;
  const text =
    state.value === 'unauthorized'
      ? '本终端尚未配对或配对已失效，请联系工作人员'
      : state.value === 'connecting'
        ? '正在连接大厅服务器…'
        : '连接中断，正在重新连接…';
  return (
    <div
      role="status"
      aria-live="polite"
      style={{
        ...(placement === 'overlay' ? { position: 'fixed', top: 0, left: 0, right: 0, zIndex: 1000 } : {}),
        padding: '8px 16px',
        background: '#7a2e00', color: '#fff', fontSize: '20px', textAlign: 'center',
      }}
    >
      <span aria-hidden="true">⚠ </span>
      {text}
    </div>
  );
}

/** Says that a demo hall paired this terminal by itself. `floating`: a corner label that never takes a tap. */
export function DemoPairingNote({ floating = false }: { floating?: boolean }) {
  return (
    <p
      role="note"
      style={{
        margin: 0, padding: '4px 12px', fontSize: '16px', background: '#fff4c2', color: '#3a2c00',
        ...(floating ? { position: 'fixed', left: 0, bottom: 0, zIndex: 999, pointerEvents: 'none', borderTopRightRadius: '8px' } : {}),
      }}
    >
      演示模式：本终端已由演示大厅自动配对
    </p>
  );
}
