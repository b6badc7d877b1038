// The terminal's pairing token, kept in localStorage so a reboot does not unpair the terminal.
import { signal } from '@preact/signals';
import type { z } from 'zod';
import type { PrincipalSchema } from '../../../hall-server/api/index.ts';

export type Principal = z.infer<typeof PrincipalSchema>;

export interface Session {
  token: string;
  principal: Principal;
  /** Paired automatically by a demo hall (the page says so). */
  demo: boolean;
}

const STORAGE_KEY = 'yibao.hall.session';

function read(): Session | null {
  try {
    const raw = globalThis.localStorage?.getItem(STORAGE_KEY);
    return raw ? (JSON.parse(raw) as Session) : null;
  } catch {
    return null;
  }
}

/** The current session; null when the terminal is not paired (or the manager not logged in). */
export const session = signal<Session | null>(read());

export function saveSession(next: Session | null): void {
  session.value = next;
  if (next) globalThis.localStorage?.setItem(STORAGE_KEY, JSON.stringify(next));
  else globalThis.localStorage?.removeItem(STORAGE_KEY);
}
