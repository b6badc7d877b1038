import { signal, type ReadonlySignal } from '@preact/signals';
import { watchedIdlePhase, type IdlePhase, type IdlePolicy } from './idle.ts';

export interface IdleWatch {
  phase: ReadonlySignal<IdlePhase>;
  /** Any touch or key press: back to active. */
  touch(): void;
  /** Stops listening (component unmount). */
  stop(): void;
}

/** Watches touches on the document and drives `idlePhase`; calls `onExpire` once when the countdown reaches zero. */
export function watchIdle(opts: {
  policy: () => IdlePolicy;
  onExpire: () => void;
  /** While true the terminal counts as touched (an open help request: staff are coming to this citizen). */
  held?: () => boolean;
  doc?: Document;
  now?: () => number;
  tickMs?: number;
}): IdleWatch {
  const now = opts.now ?? (() => Date.now());
  const doc = opts.doc ?? document;
  let lastTouchAt = now();
  const phase = signal<IdlePhase>({ phase: 'active' });
  const touch = () => {
    lastTouchAt = now();
    if (phase.peek().phase !== 'active') phase.value = { phase: 'active' };
  };
  const tick = () => {
    if (opts.held?.()) {
      touch();
      return;
    }
    const current = phase.peek();
    const watched = watchedIdlePhase(current, lastTouchAt, now(), opts.policy());
    lastTouchAt = watched.lastTouchAt;
    const next = watched.phase;
    if (next.phase === 'expired') {
      lastTouchAt = now();
      phase.value = { phase: 'active' };
      opts.onExpire();
      return;
    }
    const changed =
      current.phase !== next.phase || (next.phase === 'countdown' && current.phase === 'countdown' && current.secondsLeft !== next.secondsLeft);
    if (changed) phase.value = next;
  };
  const events = ['pointerdown', 'keydown', 'touchstart'] as const;
  for (const type of events) doc.addEventListener(type, touch, { capture: true, passive: true });
  const timer = setInterval(tick, opts.tickMs ?? 250);
  return {
    phase,
    touch,
    stop() {
      clearInterval(timer);
      for (const type of events) doc.removeEventListener(type, touch, { capture: true });
    },
  };
}
