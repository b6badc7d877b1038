// Admin login: first run sets the password; later runs log in. The token is kept in the "admin" session scope.
import { signal } from '@preact/signals';
import { AdminStatusResponse, ApiPaths, TokenResponse } from '../../../protocol/hall/index.ts';
import { api, HallApiError } from '../../shared/hall/api.ts';
import { saveSession, session, useSessionScope } from '../../shared/hall/session.ts';

export type AuthState = 'checking' | 'setup' | 'login' | 'ready' | 'unreachable';
export const authState = signal<AuthState>('checking');

export async function checkAuth(): Promise<void> {
  useSessionScope('admin');
  try {
    if (session.value?.principal.role === 'admin') {
      try {
        await api(ApiPaths.whoami);
        authState.value = 'ready';
        return;
      } catch (err) {
        if (!(err instanceof HallApiError) || err.status !== 401) throw err;
        saveSession(null);
      }
    }
    const status = await api(ApiPaths.adminStatus, undefined, { response: AdminStatusResponse, token: null });
    authState.value = status.passwordSet ? 'login' : 'setup';
  } catch {
    authState.value = 'unreachable';
  }
}

/** Logs in (or sets the first password). Throws HallApiError with a Chinese message on failure. */
export async function signIn(password: string, firstRun: boolean): Promise<void> {
  const res = await api(firstRun ? ApiPaths.adminSetup : ApiPaths.adminLogin, { password }, { response: TokenResponse, token: null });
  saveSession({ token: res.token, principal: res.principal, demo: false });
  authState.value = 'ready';
}

export function signOut(): void {
  saveSession(null);
  authState.value = 'login';
}
