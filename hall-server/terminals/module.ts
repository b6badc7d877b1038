// Pairing, tokens, admin password and login, terminal list and heartbeats.
import {
  AdminLoginRequest,
  AdminSetupRequest,
  ApiPaths,
  CreatePairingCodeRequest,
  DemoPairRequest,
  PairRequest,
  TerminalHeartbeat,
  type TerminalRole,
  type TokenResponse,
} from '../../protocol/hall/index.ts';
import { ApiError, type HallApp, type HallModule, type Principal } from '../core/module.ts';
import { FailureLimiter } from './limiter.ts';
import { hashPassword, verifyPassword } from './password.ts';
import { ADMIN_SESSION_MS, terminalMigrations, type TerminalStore } from './store.ts';

const ROLE_NAMES: Record<TerminalRole, string> = { kiosk: '取号机', pad: '评价器', counter: '叫号面板', board: '叫号大屏' };

export function defaultTerminalName(role: TerminalRole, window: number | null): string {
  return window === null ? ROLE_NAMES[role] : `${window}号窗口${ROLE_NAMES[role]}`;
}

export interface Presence {
  online(): Set<string>;
  /** Closes the sockets of a terminal (after its token was revoked). */
  disconnect(terminalId: string): void;
}

/** 10 wrong passwords or pairing codes within 5 minutes lock that door for the rest of the 5 minutes. */
const MAX_FAILURES = 10;
const FAILURE_WINDOW_MS = 5 * 60_000;

function failure(status: number, code: string, message: string) {
  return { status, body: { error: { code, message } } };
}

function guard(limiter: FailureLimiter, nowMs: number): void {
  const wait = limiter.blockedFor(nowMs);
  if (wait > 0) throw new ApiError(429, 'too_many_attempts', `尝试次数过多，请 ${Math.ceil(wait / 60_000)} 分钟后再试`);
}

export function terminalsModule(store: TerminalStore, presence: Presence): HallModule {
  const loginFailures = new FailureLimiter(MAX_FAILURES, FAILURE_WINDOW_MS);
  const pairingFailures = new FailureLimiter(MAX_FAILURES, FAILURE_WINDOW_MS);
  return {
    name: 'terminals',
    migrations: terminalMigrations,
    register(app: HallApp) {
      const hallName = () => {
        try {
          return app.pack().manifest.hall.name;
        } catch {
          return '医保经办大厅';
        }
      };
      const tokenFor = (role: Principal['role'], window: number | null, name: string, demo: boolean): TokenResponse => {
        const issued = app.tx(() => {
          const t = store.issue(role, window, name, role === 'admin' ? ADMIN_SESSION_MS : null);
          app.audit(t.principal, role === 'admin' ? 'admin.login' : demo ? 'terminal.demo_paired' : 'terminal.paired', { name, window });
          return t;
        });
        return { token: issued.token, principal: issued.principal, demo };
      };

      app.route({
        method: 'GET', path: ApiPaths.pairingInfo, roles: 'public',
        handle: () => ({ body: { demo: app.demo, hallName: hallName() } }),
      });
      app.route({
        method: 'POST', path: ApiPaths.pair, roles: 'public', body: PairRequest,
        handle: ({ body }) => {
          guard(pairingFailures, app.now().getTime());
          const grant = app.tx(() => store.redeem(body.code));
          if (!grant) {
            pairingFailures.fail(app.now().getTime());
            app.audit(null, 'terminal.pairing_failed', {});
            // Answered, not thrown: a thrown error would roll back the audit record with the request.
            return failure(404, 'pairing_code_invalid', '配对码无效或已过期，请在管理台重新生成');
          }
          return { body: tokenFor(grant.role, grant.window, grant.name, false) };
        },
      });
      app.route({
        method: 'POST', path: ApiPaths.demoPair, roles: 'public', body: DemoPairRequest,
        handle: ({ body }) => {
          if (!app.demo) throw new ApiError(403, 'demo_only', '本大厅不是演示大厅，请使用管理台生成的配对码');
          const window = body.window ?? null;
          if (window !== null) requireWindow(app, window);
          return { body: tokenFor(body.role, window, '演示' + defaultTerminalName(body.role, window), true) };
        },
      });
      app.route({
        method: 'POST', path: ApiPaths.pairingCodes, roles: ['admin'], body: CreatePairingCodeRequest,
        handle: ({ body, principal }) => {
          const window = body.window ?? null;
          if (window !== null) requireWindow(app, window);
          const code = app.tx(() => {
            app.audit(principal, 'pairing_code.created', { role: body.role, window, name: body.name });
            return store.createPairingCode(body.role, window, body.name);
          });
          return { status: 201, body: code };
        },
      });
      app.route({
        method: 'GET', path: ApiPaths.adminStatus, roles: 'public',
        handle: () => ({ body: { passwordSet: store.passwordHash() !== null } }),
      });
      app.route({
        method: 'POST', path: ApiPaths.adminSetup, roles: 'public', body: AdminSetupRequest,
        handle: ({ body }) => {
          const hash = hashPassword(body.password);
          app.tx(() => {
            if (store.passwordHash() !== null) throw new ApiError(409, 'password_already_set', '管理员密码已经设置过，请直接登录');
            store.setPasswordHash(hash);
            app.audit(null, 'admin.password_set', {});
          });
          return { body: tokenFor('admin', null, '大厅管理员', false) };
        },
      });
      app.route({
        method: 'POST', path: ApiPaths.adminLogin, roles: 'public', body: AdminLoginRequest,
        handle: ({ body }) => {
          const stored = store.passwordHash();
          if (stored === null) throw new ApiError(409, 'password_not_set', '尚未设置管理员密码，请先设置');
          guard(loginFailures, app.now().getTime());
          if (!verifyPassword(body.password, stored)) {
            loginFailures.fail(app.now().getTime());
            app.audit(null, 'admin.login_failed', {});
            return failure(401, 'wrong_password', '密码不正确，请重新输入');
          }
          return { body: tokenFor('admin', null, '大厅管理员', false) };
        },
      });
      app.route({
        method: 'GET', path: ApiPaths.whoami, roles: ['admin', 'kiosk', 'pad', 'counter', 'board'],
        handle: ({ principal }) => ({ body: { principal } }),
      });
      app.route({
        method: 'GET', path: ApiPaths.terminals, roles: ['admin'],
        handle: () => ({ body: { terminals: store.list(presence.online()) } }),
      });
      app.route({
        method: 'POST', path: `${ApiPaths.terminals}/:id/revoke`, roles: ['admin'],
        handle: ({ params, principal }) => {
          const id = params['id'] ?? '';
          const done = app.tx(() => {
            const ok = store.revoke(id);
            if (ok) app.audit(principal, 'terminal.revoked', { terminal: id });
            return ok;
          });
          if (!done) throw new ApiError(404, 'terminal_not_found', '没有这个终端');
          presence.disconnect(id);
          return { body: { ok: true } };
        },
      });
      app.route({
        method: 'POST', path: ApiPaths.heartbeat, roles: ['kiosk', 'pad', 'counter', 'board'], body: TerminalHeartbeat,
        handle: ({ body, principal }) => {
          recordHeartbeat(app, store, presence, principal!, body);
          return { body: { ok: true } };
        },
      });
    },
  };
}

export function recordHeartbeat(app: HallApp, store: TerminalStore, presence: Presence, who: Principal, hb: TerminalHeartbeat): void {
  app.tx(() => {
    store.recordHeartbeat(who.id, hb);
    const view = store.view(who.id, presence.online().has(who.id));
    if (view && store.seenEvents.shouldPublish(view, app.now().getTime())) app.events.publish('terminal.seen', { terminal: view }, { roles: ['admin'] });
  });
}

function requireWindow(app: HallApp, window: number): void {
  const known = app.pack().windows.some((w) => w.number === window);
  if (!known) throw new ApiError(404, 'unknown_window', `没有 ${window} 号窗口`);
}
