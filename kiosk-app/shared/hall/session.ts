// The terminal's pairing token, kept in localStorage so a reboot does not unpair the terminal. Each screen keeps its
// own (scope "kiosk", "pad-3", "admin"…), so a demo browser showing several screens in tabs does not mix them up.
import { signal } from '@preact/signals';
import type { z } from 'zod';
import type { PrincipalSchema } from '../../../protocol/hall/index.ts';

export type Principal = z.infer<typeof PrincipalSchema>;

export interface Session {
  token: string;
  principal: Principal;
  /** Paired automatically by a demo hall (the page says so). */
  demo: boolean;
}

const STORAGE_PREFIX = 'yibao.hall.session.';
let scope = 'default';

function read(key: string): Session | null {
  try {
    const raw = globalThis.localStorage?.getItem(STORAGE_PREFIX + key);
    return raw ? (JSON.parse(raw) as Session) : null;
  } catch {
    return null;
  }
}

/** The current session; null when the terminal is not paired (or the manager not logged in). */
export const session = signal<Session | null>(null);

/** Selects which screen's session `session` holds (called by `ensurePaired` and the admin login). */
export function useSessionScope(next: string): void {
  scope = next;
  session.value = read(next);
}

export function saveSession(next: Session | null): void {
  session.value = next;
  if (next) globalThis.localStorage?.setItem(STORAGE_PREFIX + scope, JSON.stringify(next));
  else globalThis.localStorage?.removeItem(STORAGE_PREFIX + scope);
}
