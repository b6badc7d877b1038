/** Pure idle arithmetic for public terminals: after `idleMs` without a touch a countdown of `countdownMs` runs;
 * at zero the terminal resets. */
export interface IdlePolicy {
  idleMs: number;
  countdownMs: number;
}

export type IdlePhase = { phase: 'active' } | { phase: 'countdown'; secondsLeft: number } | { phase: 'expired' };

export const NORMAL_IDLE: IdlePolicy = { idleMs: 60_000, countdownMs: 15_000 };
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
