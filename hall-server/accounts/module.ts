// Console accounts: first-run setup with the one-time code, login and logout, accounts made by the 大厅负责人, open
// sessions with revoke. Hashing runs in `prepare` (off the event loop, limited by the hasher); everything that can be
// answered without a hash (a claimed hall, a wrong setup code, a weak password, a throttled caller) is answered first.
import { AccountEndpoints, OK, type AccountView, type ErrorBody, type TokenResponse } from '../../protocol/hall/index.ts';
import { ApiError, routeOf, type HallApp, type HallModule, type Principal } from '../core/module.ts';
import { throttled } from '../terminals/module.ts';
import { commonPasswords } from '../../server-shared/accounts/common-passwords.ts';
import { HasherBusyError, PasswordHasher } from '../../server-shared/accounts/hasher.ts';
import { passwordProblem, type PasswordContext } from '../../protocol/rules/password-policy.ts';
import { ensureSetupCode, removeSetupCode, setupCodeMatches } from '../../server-shared/accounts/setup-code.ts';
import { accountMigrations, AccountStore, sessionName, type AccountRow } from './store.ts';
import { ACCOUNT_RULE, KNOWN_ADDRESS_MS, LOGIN_RULE } from '../../server-shared/accounts/throttle.ts';
import { ThrottleStore } from './throttle-store.ts';
import type { TerminalStore } from '../terminals/store.ts';

export const ADMIN_SESSION_MS = 12 * 60 * 60 * 1000;

export interface AccountsOptions {
  terminals: TerminalStore;
  /** Closes the event sockets of a session that ended. */
  disconnect(sessionId: string): void;
  /** Called with the setup code while the hall has no account (to print it). */
  onSetupCode(code: string | null, file: string | null): void;
  sessionMs?: number;
}

function refusal(status: number, code: string, message: string): { status: number; body: ErrorBody } {
  return { status, body: { error: { code, message } } };
}

export function accountsModule(options: AccountsOptions): HallModule {
  const hasher = new PasswordHasher();
  const sessionMs = options.sessionMs ?? ADMIN_SESSION_MS;
  return {
    name: 'accounts',
    migrations: accountMigrations,
    register(app: HallApp) {
      const accounts = new AccountStore(app.db, app.now);
      const throttle = new ThrottleStore(app.db);
      let setupCode: string | null = null;
      if (accounts.count() === 0) {
        const made = ensureSetupCode(app.dataDir);
        setupCode = made.code;
        options.onSetupCode(made.code, made.file);
      } else {
        removeSetupCode(app.dataDir);
        options.onSetupCode(null, null);
      }

      const hallName = () => {
        try {
          return app.pack().manifest.hall.name;
        } catch {
          return '';
        }
      };
      const checkPassword = (password: string, context: Omit<PasswordContext, 'hallName'>) => {
        const problem = passwordProblem(password, commonPasswords(), { hallName: hallName(), ...context });
        if (problem) throw new ApiError(400, 'weak_password', problem);
      };
      const hash = async (password: string) => {
        try {
          return await hasher.hash(password);
        } catch (err) {
          if (err instanceof HasherBusyError) throw new ApiError(503, 'busy', '服务器正忙，请稍后再试');
          throw err;
        }
      };
      /** Null `stored`: no such (enabled) account; the answer takes as long but costs no hash. */
      const verify = async (password: string, stored: string | null) => {
        try {
          if (stored === null) {
            await hasher.pretend();
            return false;
          }
          return await hasher.verify(password, stored);
        } catch (err) {
          if (err instanceof HasherBusyError) throw new ApiError(503, 'busy', '登录的人太多，请稍后再试');
          throw err;
        }
      };
      const open = (account: AccountRow, address: string, action: string): TokenResponse => {
        const opened = options.terminals.openSession(account, sessionName(account), sessionMs, address);
        app.audit(opened.principal, action, { staffNo: account.staff_no, role: account.role });
        return { token: opened.token, principal: opened.principal, demo: false };
      };
      const endSessions = (ids: string[]) => {
        for (const id of ids) {
          options.terminals.revoke(id);
          options.disconnect(id);
        }
      };
      /** The console's view of an account just written (in the same transaction, so it is there). */
      const viewOf = (id: string): AccountView => {
        const view = accounts.list().find((a) => a.id === id);
        if (!view) throw new Error(`account ${id} vanished within its own transaction`);
        return view;
      };
      const accountOf = (principal: Principal | null): AccountRow => {
        const id = principal ? accounts.sessionAccount(principal.id) : null;
        const account = id ? accounts.byId(id) : null;
        if (!account) throw new ApiError(401, 'unauthorized', '请先登录管理台');
        return account;
      };

      app.route(routeOf(AccountEndpoints.status, {
        handle: () => ({ body: { passwordSet: accounts.count() > 0 } }),
      }));

      app.route(routeOf(AccountEndpoints.setup, {
        async prepare({ body, remoteAddress }): Promise<{ hash: string } | { refused: 'code' } | { waitMs: number }> {
          if (accounts.count() > 0) throw new ApiError(409, 'already_set_up', '本大厅已完成首次设置，请用工号和密码登录');
          const wait = throttle.waitFor(LOGIN_RULE, [`setup:addr:${remoteAddress}`], app.now().getTime());
          if (wait > 0) return { waitMs: wait };
          if (!setupCode || !setupCodeMatches(setupCode, body.setupCode)) return { refused: 'code' };
          checkPassword(body.password, { name: body.name, staffNo: body.staffNo });
          return { hash: await hash(body.password) };
        },
        handle({ body, remoteAddress }, prepared) {
          const keys = [`setup:addr:${remoteAddress}`];
          if ('waitMs' in prepared) return throttled(prepared.waitMs);
          if ('refused' in prepared) {
            throttle.fail(LOGIN_RULE, keys, app.now().getTime());
            app.audit(null, 'admin.setup_failed', {});
            return refusal(403, 'setup_code_invalid', '设置码不正确。设置码显示在大厅服务启动时的控制台上，也保存在数据目录的 setup-code.txt 中');
          }
          if (accounts.count() > 0) throw new ApiError(409, 'already_set_up', '本大厅已完成首次设置，请用工号和密码登录');
          const account = accounts.create({ name: body.name, staffNo: body.staffNo, role: 'owner', passwordHash: prepared.hash, createdBy: null });
          throttle.clear(keys);
          throttle.succeeded(knownKey(body.staffNo, remoteAddress), app.now().getTime());
          setupCode = null;
          removeSetupCode(app.dataDir);
          options.onSetupCode(null, null);
          return { body: open(account, remoteAddress, 'admin.setup') };
        },
      }));

      app.route(routeOf(AccountEndpoints.login, {
        async prepare({ body, remoteAddress }): Promise<{ accountId: string | null } | { waitMs: number }> {
          if (accounts.count() === 0) throw new ApiError(409, 'not_set_up', '本大厅尚未完成首次设置');
          const now = app.now().getTime();
          const own = loginKeys(body.staffNo, remoteAddress);
          let wait = throttle.waitFor(LOGIN_RULE, own, now);
          // The account-wide count (guesses spread over many addresses) slows every address but its owner's.
          if (!throttle.knownWithin(knownKey(body.staffNo, remoteAddress), KNOWN_ADDRESS_MS, now)) {
            wait = Math.max(wait, throttle.waitFor(ACCOUNT_RULE, [accountKey(body.staffNo)], now));
          }
          if (wait > 0) return { waitMs: wait };
          const account = accounts.byStaffNo(body.staffNo);
          const ok = await verify(body.password, account && account.disabled === 0 ? account.password_hash : null);
          return { accountId: ok && account && account.disabled === 0 ? account.id : null };
        },
        handle({ body, remoteAddress }, prepared) {
          if ('waitMs' in prepared) return throttled(prepared.waitMs);
          const now = app.now().getTime();
          const own = loginKeys(body.staffNo, remoteAddress);
          const account = prepared.accountId ? accounts.byId(prepared.accountId) : null;
          if (!account || account.disabled === 1) {
            throttle.fail(LOGIN_RULE, own, now);
            throttle.fail(ACCOUNT_RULE, [accountKey(body.staffNo)], now);
            app.audit(null, 'admin.login_failed', { staffNo: body.staffNo });
            return refusal(401, 'wrong_credentials', '工号或密码不正确，请重新输入');
          }
          throttle.clear(own);
          throttle.succeeded(knownKey(body.staffNo, remoteAddress), now);
          return { body: open(account, remoteAddress, 'admin.login') };
        },
      }));

      app.route(routeOf(AccountEndpoints.logout, {
        handle({ principal }) {
          app.audit(principal, 'admin.logout', {});
          endSessions([principal!.id]);
          return { body: OK };
        },
      }));

      app.route(routeOf(AccountEndpoints.list, {
        handle: () => ({ body: { accounts: accounts.list() } }),
      }));

      app.route(routeOf(AccountEndpoints.create, {
        async prepare({ body }) {
          if (accounts.byStaffNo(body.staffNo)) throw new ApiError(409, 'staff_no_taken', `工号 ${body.staffNo} 已有账号`);
          checkPassword(body.password, { name: body.name, staffNo: body.staffNo });
          return { hash: await hash(body.password) };
        },
        handle({ body, principal }, prepared) {
          if (accounts.byStaffNo(body.staffNo)) throw new ApiError(409, 'staff_no_taken', `工号 ${body.staffNo} 已有账号`);
          const made = accounts.create({ name: body.name, staffNo: body.staffNo, role: body.role, passwordHash: prepared.hash, createdBy: principal!.name });
          app.audit(principal, 'account.created', { account: made.id, staffNo: made.staff_no, role: made.role });
          return { status: 201, body: viewOf(made.id) };
        },
      }));

      app.route(routeOf(AccountEndpoints.update, {
        async prepare({ body, params }) {
          const account = accounts.byId(params['id'] ?? '');
          if (!account) throw new ApiError(404, 'account_not_found', '没有这个账号');
          if (body.password === undefined) return { hash: null };
          checkPassword(body.password, { name: account.name, staffNo: account.staff_no });
          return { hash: await hash(body.password) };
        },
        handle({ body, params, principal }, prepared) {
          const account = accounts.byId(params['id'] ?? '');
          if (!account) throw new ApiError(404, 'account_not_found', '没有这个账号');
          const losesOwner = account.role === 'owner' && account.disabled === 0 && (body.disabled === true || (body.role !== undefined && body.role !== 'owner'));
          if (losesOwner && accounts.activeOwners() <= 1) {
            throw new ApiError(409, 'last_owner', '至少要保留一个在用的大厅负责人账号');
          }
          accounts.update(account.id, { ...(body.role ? { role: body.role } : {}), ...(body.disabled !== undefined ? { disabled: body.disabled } : {}), ...(prepared.hash ? { passwordHash: prepared.hash } : {}) });
          app.audit(principal, 'account.updated', {
            account: account.id, staffNo: account.staff_no,
            ...(body.role ? { role: body.role } : {}), ...(body.disabled !== undefined ? { disabled: body.disabled } : {}), ...(prepared.hash ? { passwordReset: true } : {}),
          });
          endSessions(accounts.openSessionIds(account.id));
          return { body: viewOf(account.id) };
        },
      }));

      app.route(routeOf(AccountEndpoints.changeOwnPassword, {
        async prepare({ body, principal }): Promise<{ hash: string } | { refused: true }> {
          const account = accountOf(principal);
          if (!(await verify(body.current, account.password_hash))) return { refused: true };
          checkPassword(body.password, { name: account.name, staffNo: account.staff_no });
          return { hash: await hash(body.password) };
        },
        handle({ principal }, prepared) {
          if ('refused' in prepared) return refusal(403, 'wrong_password', '当前密码不正确');
          const account = accountOf(principal);
          accounts.update(account.id, { passwordHash: prepared.hash });
          app.audit(principal, 'account.password_changed', {});
          endSessions(accounts.openSessionIds(account.id).filter((id) => id !== principal!.id));
          return { body: OK };
        },
      }));

      app.route(routeOf(AccountEndpoints.sessions, {
        handle({ principal }) {
          const mine = principal!.staffRole === 'owner' ? null : accountOf(principal).id;
          return { body: { sessions: accounts.sessions(principal!.id, mine) } };
        },
      }));

      app.route(routeOf(AccountEndpoints.revokeSession, {
        handle({ params, principal }) {
          const id = params['id'] ?? '';
          const owner = accounts.sessionAccount(id);
          if (!owner) throw new ApiError(404, 'session_not_found', '没有这个会话');
          if (principal!.staffRole !== 'owner' && owner !== accountOf(principal).id) {
            throw new ApiError(403, 'forbidden_for_role', '只能结束本人的会话');
          }
          app.audit(principal, 'admin.session_revoked', { session: id });
          endSessions([id]);
          return { body: OK };
        },
      }));
    },
  };
}

function loginKeys(staffNo: string, address: string): string[] {
  return [`login:addr:${address}`, `login:acct-addr:${staffNo.toLowerCase()}@${address}`];
}

function knownKey(staffNo: string, address: string): string {
  return `login:ok:${staffNo.toLowerCase()}@${address}`;
}

function accountKey(staffNo: string): string {
  return `login:acct:${staffNo.toLowerCase()}`;
}
