/** Pure idle arithmetic for public terminals: after `idleMs` without a touch a countdown of `countdownMs` runs;
 * at zero the terminal resets. */
export interface IdlePolicy {
  idleMs: number;
  countdownMs: number;
}

export type IdlePhase = { phase: 'active' } | { phase: 'countdown'; secondsLeft: number } | { phase: 'expired' };

/** Both countdowns give at least the 20 s WCAG 2.2.1 asks for before a timeout. */
export const NORMAL_IDLE: IdlePolicy = { idleMs: 60_000, countdownMs: 20_000 };
export const SENIOR_IDLE: IdlePolicy = { idleMs: 120_000, countdownMs: 20_000 };

export function idlePolicyFor(senior: boolean): IdlePolicy {
  return senior ? SENIOR_IDLE : NORMAL_IDLE;
}

export function idlePhase(lastTouchAt: number, now: number, policy: IdlePolicy): IdlePhase {
  const idleFor = now - lastTouchAt;
  if (idleFor < policy.idleMs) return { phase: 'active' };
  const left = policy.idleMs + policy.countdownMs - idleFor;
  if (left <= 0) return { phase: 'expired' };
  return { phase: 'countdown', secondsLeft: Math.ceil(left / 1000) };
}

/** The next phase as a terminal watches it: like `idlePhase`, except that the citizen always sees the countdown before
 * a reset (WCAG 2.2.1) — when the screen was active and the time already says expired (the page was held up, its timers
 * throttled, or its clock jumped), the countdown starts in full now. Answers the touch time to keep. */
export function watchedIdlePhase(current: IdlePhase, lastTouchAt: number, now: number, policy: IdlePolicy): { phase: IdlePhase; lastTouchAt: number } {
  const next = idlePhase(lastTouchAt, now, policy);
  if (next.phase !== 'expired' || current.phase !== 'active') return { phase: next, lastTouchAt };
  const countdownFrom = now - policy.idleMs;
  return { phase: idlePhase(countdownFrom, now, policy), lastTouchAt: countdownFrom };
}

/** How long an answered help request keeps the terminal from resetting: staff are on their way to this citizen. Bounded,
 * so a request nobody closes cannot leave a citizen's screen up all day. */
export const HELP_HOLD_MS = 10 * 60_000;

/** Whether an open help request (sent at `sentAt`) holds off the idle reset at `now`. */
export function helpHoldsIdle(sentAt: number | null, now: number): boolean {
  return sentAt !== null && now - sentAt < HELP_HOLD_MS;
}
