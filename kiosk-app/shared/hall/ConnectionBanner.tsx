// A banner while the hall link is down (text and an icon with a label, not colour alone), and on a terminal that a demo
// hall paired by itself, a small note saying so. Sized and placed per screen: a call board is read from across the hall,
// a pad or counter from arm's length, the admin console at a desk.
import type { Signal } from '@preact/signals';
import type { CSSProperties } from 'preact';
import { session } from './session.ts';
import type { ConnectionState } from './socket.ts';

/** `overlay` floats over the top of a full-screen page (covers its top edge while the link is down); `inline` takes its
 * own row where it is placed, pushing the page down instead of covering a header (board, admin console). */
export type BannerPlacement = 'overlay' | 'inline';
/** `compact`: 20 px text for counters and the admin console; `citizen`: the screen's body size (24 px, 36 px in
 * 长辈模式) where a citizen reads it, on the pad; `large`: 40 px bold for a 1920×1080 call board. */
export type BannerSize = 'compact' | 'citizen' | 'large';

export interface ConnectionBannerProps {
  state: Signal<ConnectionState>;
  /** Default `overlay`. */
  placement?: BannerPlacement;
  /** Default `compact`. */
  size?: BannerSize;
  /** How the screen names itself in the "not paired" text, e.g. "本大屏". Default "本终端". */
  terminal?: string;
  /** The corner note of a demo hall's automatic pairing; default: shown with `overlay` (the admin console says it itself). */
  demoNote?: boolean;
}

const SIZES: Record<BannerSize, CSSProperties> = {
  compact: { padding: '8px 16px', fontSize: '20px', lineHeight: 1.4 },
  citizen: { padding: '8px 16px', fontSize: 'var(--font-small)', lineHeight: 'var(--line-height)' },
  large: { padding: '12px 40px', fontSize: '40px', fontWeight: 800, lineHeight: 1.3 },
};

export function ConnectionBanner({ state, placement = 'overlay', size = 'compact', terminal = '本终端', demoNote }: ConnectionBannerProps) {
  const demo = (demoNote ?? placement === 'overlay') && session.value?.demo === true;
  return (
    <>
      <LinkStatus state={state} placement={placement} size={size} terminal={terminal} />
      {demo && <DemoPairingNote floating />}
    </>
  );
}

/** The banner's words for a link state, or null when there is nothing to say. */
export function linkStatusText(state: ConnectionState, terminal = '本终端'): string | null {
  switch (state) {
    case 'open':
    case 'closed':
      return null;
    case 'unauthorized':
      return `${terminal}尚未配对或配对已失效，请联系工作人员`;
    case 'connecting':
      return '正在连接大厅服务器…';
    case 'reconnecting':
      return '连接中断，正在重新连接…';
  }
}

function LinkStatus({ state, placement, size, terminal }: { state: Signal<ConnectionState>; placement: BannerPlacement; size: BannerSize; terminal: string }) {
  const text = linkStatusText(state.value, terminal);
  if (text === null) return null;
  return (
    <div
      role="status"
      aria-live="polite"
      data-testid="link-banner"
      data-size={size}
      style={{
        ...(placement === 'overlay' ? { position: 'fixed', top: 0, left: 0, right: 0, zIndex: 1000 } : { flex: 'none' }),
        ...SIZES[size],
        margin: 0,
        background: '#7a2e00', color: '#fff', textAlign: 'center',
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
