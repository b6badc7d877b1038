// Pairing a terminal: exchange an 8-digit code from the admin console, or (demo hall only) pair automatically.
import { TerminalEndpoints, type DemoPairRequest } from '../../../protocol/hall/index.ts';
import type { z } from 'zod';
import { call } from './api.ts';
import { saveSession, session, useSessionScope, type Session } from './session.ts';

export type TerminalWanted = z.infer<typeof DemoPairRequest>;

export function scopeOf(wanted: TerminalWanted): string {
  return wanted.window === undefined ? wanted.role : `${wanted.role}-${wanted.window}`;
}

/** Exchanges a pairing code; call `useSessionScope(scopeOf(…))` first so the token is kept for the right screen. */
export async function pairWithCode(code: string): Promise<Session> {
  const res = await call(TerminalEndpoints.pair, { body: { code }, token: null });
  const next = { token: res.token, principal: res.principal, demo: res.demo };
  saveSession(next);
  return next;
}

/** Returns the session when the stored one fits `wanted`, or pairs automatically in a demo hall; null otherwise. */
export async function ensurePaired(wanted: TerminalWanted): Promise<Session | null> {
  useSessionScope(scopeOf(wanted));
  const current = session.value;
  if (current && current.principal.role === wanted.role && current.principal.window === (wanted.window ?? null)) return current;
  const info = await call(TerminalEndpoints.pairingInfo, { token: null });
  if (!info.demo) return null;
  const res = await call(TerminalEndpoints.demoPair, { body: wanted, token: null });
  const next = { token: res.token, principal: res.principal, demo: true };
  saveSession(next);
  return next;
}

export type PairingOutcome = 'paired' | 'unpaired' | 'stopped';

/** `ensurePaired`, retried with backoff (1 s doubling to 10 s) while the hall-server cannot be reached: a terminal
 * switched on before the server comes up pairs by itself once it does. */
export async function ensurePairedWithRetry(wanted: TerminalWanted, isStopped: () => boolean): Promise<PairingOutcome> {
  for (let attempt = 0; ; attempt++) {
    if (isStopped()) return 'stopped';
    try {
      return (await ensurePaired(wanted)) ? 'paired' : 'unpaired';
    } catch {
      await new Promise((resolve) => setTimeout(resolve, Math.min(10_000, 1000 * 2 ** attempt)));
    }
  }
}
