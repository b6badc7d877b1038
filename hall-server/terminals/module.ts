// Pairing, tokens, terminal list and heartbeats. (Console accounts and sessions: hall-server/accounts/.)
import { OK, TerminalEndpoints, type TerminalHeartbeat, type TerminalRole, type TokenResponse } from '../../protocol/hall/index.ts';
import { ApiError, routeOf, type HallApp, type HallModule, type Principal } from '../core/module.ts';
import { THROTTLE_RETENTION, ThrottleStore } from '../accounts/throttle-store.ts';
import { PAIRING_RULE, waitMessage } from '../../server-shared/accounts/throttle.ts';
import { terminalMigrations, type TerminalStore } from './store.ts';
import { deviceAlerts } from './device-alerts.ts';

const ROLE_NAMES: Record<TerminalRole, string> = { kiosk: '取号机', pad: '评价器', counter: '叫号面板', board: '叫号大屏' };

export function defaultTerminalName(role: TerminalRole, window: number | null): string {
  return window === null ? ROLE_NAMES[role] : `${window}号窗口${ROLE_NAMES[role]}`;
}

export interface Presence {
  online(): Set<string>;
  /** Closes the sockets of a terminal (after its token was revoked). */
  disconnect(terminalId: string): void;
}

function failure(status: number, code: string, message: string) {
  return { status, body: { error: { code, message } } };
}

/** 429 with Retry-After (answered, not thrown, like every refusal that goes with a write). */
export function throttled(waitMs: number) {
  return { status: 429, headers: { 'retry-after': String(Math.ceil(waitMs / 1000)) }, body: { error: { code: 'too_many_attempts', message: waitMessage(waitMs) } } };
}

export function terminalsModule(store: TerminalStore, presence: Presence): HallModule {
  return {
    name: 'terminals',
    migrations: terminalMigrations,
    register(app: HallApp) {
      // Wrong pairing codes slow down the address they come from, not the terminal that has the right code.
      const throttle = new ThrottleStore(app.db);
      for (const rule of THROTTLE_RETENTION) app.retainRows(rule);
      // A pairing code is shown once and lives 15 minutes; a day later nobody needs to know it existed.
      app.retainRows({ table: 'pairing_codes', column: 'expires_at', cutoff: (now) => new Date(now.getTime() - 86_400_000).toISOString() });
      const hallName = () => {
        try {
          return app.pack().manifest.hall.name;
        } catch {
          return '医保经办大厅';
        }
      };
      const tokenFor = (role: TerminalRole, window: number | null, name: string, demo: boolean): TokenResponse => {
        const issued = app.tx(() => {
          const t = store.issue(role, window, name);
          app.audit(t.principal, demo ? 'terminal.demo_paired' : 'terminal.paired', { name, window });
          return t;
        });
        return { token: issued.token, principal: issued.principal, demo };
      };

      app.route(routeOf(TerminalEndpoints.pairingInfo, {
        handle: () => ({ body: { demo: app.demo, hallName: hallName() } }),
      }));
      app.route(routeOf(TerminalEndpoints.pair, {
        handle: ({ body, remoteAddress }) => {
          const keys = [`pair:addr:${remoteAddress}`];
          const wait = throttle.waitFor(PAIRING_RULE, keys, app.now().getTime());
          if (wait > 0) return throttled(wait);
          const grant = app.tx(() => store.redeem(body.code));
          if (!grant) {
            throttle.fail(PAIRING_RULE, keys, app.now().getTime());
            app.audit(null, 'terminal.pairing_failed', {});
            // Answered, not thrown: a thrown error would roll back the audit record with the request.
            return failure(404, 'pairing_code_invalid', '配对码无效或已过期，请在管理台重新生成');
          }
          throttle.clear(keys);
          return { body: tokenFor(grant.role, grant.window, grant.name, false) };
        },
      }));
      app.route(routeOf(TerminalEndpoints.demoPair, {
        handle: ({ body }) => {
          if (!app.demo) throw new ApiError(403, 'demo_only', '本大厅不是演示大厅，请使用管理台生成的配对码');
          const window = body.window ?? null;
          if (window !== null) requireWindow(app, window);
          return { body: tokenFor(body.role, window, '演示' + defaultTerminalName(body.role, window), true) };
        },
      }));
      app.route(routeOf(TerminalEndpoints.createPairingCode, {
        handle: ({ body, principal }) => {
          const window = body.window ?? null;
          if (window !== null) requireWindow(app, window);
          const code = app.tx(() => {
            app.audit(principal, 'pairing_code.created', { role: body.role, window, name: body.name });
            return store.createPairingCode(body.role, window, body.name);
          });
          return { status: 201, body: code };
        },
      }));
      app.route(routeOf(TerminalEndpoints.whoami, {
        handle: ({ principal }) => ({ body: { principal: principal! } }),
      }));
      app.route(routeOf(TerminalEndpoints.list, {
        handle: () => ({ body: { terminals: store.list(presence.online()) } }),
      }));
      app.route(routeOf(TerminalEndpoints.revoke, {
        handle: ({ params, principal }) => {
          const id = params['id'] ?? '';
          const done = app.tx(() => {
            const ok = store.revoke(id);
            if (ok) app.audit(principal, 'terminal.revoked', { terminal: id });
            return ok;
          });
          if (!done) throw new ApiError(404, 'terminal_not_found', '没有这个终端');
          presence.disconnect(id);
          return { body: OK };
        },
      }));
      app.route(routeOf(TerminalEndpoints.heartbeat, {
        handle: ({ body, principal }) => {
          recordHeartbeat(app, store, presence, principal!, body);
          return { body: OK };
        },
      }));
    },
  };
}

export function recordHeartbeat(app: HallApp, store: TerminalStore, presence: Presence, who: Principal, hb: TerminalHeartbeat): void {
  app.tx(() => {
    const before = store.view(who.id, presence.online().has(who.id));
    store.recordHeartbeat(who.id, hb);
    const view = store.view(who.id, presence.online().has(who.id));
    for (const alert of deviceAlerts(before?.devices ?? [], hb.devices)) {
      app.events.publish('device.alert', { terminalId: who.id, terminalName: who.name, ...alert }, { roles: ['admin', 'counter'] });
    }
    if (view && store.seenEvents.shouldPublish(view, app.now().getTime())) app.events.publish('terminal.seen', { terminal: view }, { roles: ['admin'] });
  });
}

function requireWindow(app: HallApp, window: number): void {
  const known = app.pack().windows.some((w) => w.number === window);
  if (!known) throw new ApiError(404, 'unknown_window', `没有 ${window} 号窗口`);
}
