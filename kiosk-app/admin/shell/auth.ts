// Console sign-in: first run creates the 大厅负责人 account with the hall's one-time setup code; later runs log in with
// 工号 and password. The token is kept in the "admin" session scope; signing out ends the session on the server too.
import { signal } from '@preact/signals';
import { AccountEndpoints, TerminalEndpoints, type AdminSetupRequest } from '../../../protocol/hall/index.ts';
import { call, HallApiError } from '../../shared/hall/api.ts';
import { saveSession, session, useSessionScope } from '../../shared/hall/session.ts';

export type AuthState = 'checking' | 'setup' | 'login' | 'ready' | 'unreachable';
export const authState = signal<AuthState>('checking');

export async function checkAuth(): Promise<void> {
  useSessionScope('admin');
  try {
    if (session.value?.principal.role === 'admin') {
      try {
        await call(TerminalEndpoints.whoami);
        authState.value = 'ready';
        return;
      } catch (err) {
        if (!(err instanceof HallApiError) || err.status !== 401) throw err;
        saveSession(null);
      }
    }
    const status = await call(AccountEndpoints.status, { token: null });
    authState.value = status.passwordSet ? 'login' : 'setup';
  } catch {
    authState.value = 'unreachable';
  }
}

/** Logs in. Throws HallApiError with a Chinese message on failure. */
export async function signIn(staffNo: string, password: string): Promise<void> {
  const res = await call(AccountEndpoints.login, { body: { staffNo, password }, token: null });
  saveSession({ token: res.token, principal: res.principal, demo: false });
  authState.value = 'ready';
}

/** First run: creates the 大厅负责人 account and signs in as it. */
export async function setUp(request: AdminSetupRequest): Promise<void> {
  const res = await call(AccountEndpoints.setup, { body: request, token: null });
  saveSession({ token: res.token, principal: res.principal, demo: false });
  authState.value = 'ready';
}

/** Ends the session on the server (best effort: it ends by itself at expiry) and forgets it here. */
export async function signOut(): Promise<void> {
  if (session.value) {
    try {
      await call(AccountEndpoints.logout);
    } catch {
      // Unreachable or already ended: forgetting the token here is what remains to do.
    }
  }
  saveSession(null);
  authState.value = 'login';
}

/** The session ended elsewhere (revoked, expired): forget it without calling the server. */
export function sessionEnded(): void {
  saveSession(null);
  authState.value = 'login';
}
