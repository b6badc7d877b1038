// First-run setup with the one-time code, login, logout, who am I, and accounts made by a 区域管理员. Passwords are
// checked by the hall's shared rules (protocol/rules/password-policy.ts) and hashed with scrypt on the libuv pool by the
// hall's rate-limited hasher; a wrong password or setup code slows the caller's address and account, never everyone.
import { timingSafeEqual } from 'node:crypto';
import type { Pool } from 'pg';
import { commonPasswords } from '../../server-shared/accounts/common-passwords.ts';
import { HasherBusyError, PasswordHasher } from '../../server-shared/accounts/hasher.ts';
import { newSetupCode } from '../../server-shared/accounts/setup-code.ts';
import { LOGIN_RULE, waitMessage } from '../../server-shared/accounts/throttle.ts';
import type { ConsoleSetupRequest, ConsoleTokenResponse, ConsoleUser, CreateConsoleAccountRequest, RegionRole } from '../../protocol/region/console.ts';
import { passwordProblem } from '../../protocol/rules/password-policy.ts';
import type { z } from 'zod';
import { audit } from '../db/audit.ts';
import { withTransaction } from '../db/transaction.ts';
import { RegionError } from '../http/errors.ts';
import { ROLE_PERMISSIONS } from './permissions.ts';
import * as store from './store.ts';

export const CONSOLE_SESSION_MS = 12 * 3600_000;
/** The password policy's "hall name" for the region console. */
const REGION_NAME = '区域医保服务网络中心';

export function userOf(row: store.AccountRow): ConsoleUser {
  return { id: row.id, name: row.name, staffNo: row.staff_no, role: row.role, permissions: [...ROLE_PERMISSIONS[row.role]] };
}

export function actorOf(user: Pick<ConsoleUser, 'name' | 'staffNo'>): string {
  return `${user.name}（工号 ${user.staffNo}）`;
}

export class ConsoleAccounts {
  private readonly hasher = new PasswordHasher();

  constructor(
    private readonly pool: Pool,
    private readonly sessionMs: number = CONSOLE_SESSION_MS,
  ) {}

  /** Makes (and stores the hash of) a fresh setup code while no account exists; null once one does. */
  async prepareSetupCode(): Promise<string | null> {
    if ((await store.accountCount(this.pool)) > 0) {
      await store.clearSetupCode(this.pool);
      return null;
    }
    const code = newSetupCode();
    await store.setSetupCode(this.pool, code);
    return code;
  }

  async isSetUp(): Promise<boolean> {
    return (await store.accountCount(this.pool)) > 0;
  }

  private checkPassword(password: string, name: string, staffNo: string): void {
    const problem = passwordProblem(password, commonPasswords(), { hallName: REGION_NAME, name, staffNo });
    if (problem) throw new RegionError(400, 'weak_password', problem);
  }

  private async hash(password: string): Promise<string> {
    try {
      return await this.hasher.hash(password);
    } catch (err) {
      if (err instanceof HasherBusyError) throw new RegionError(503, 'busy', '服务器正忙，请稍后再试');
      throw err;
    }
  }

  private async verify(password: string, stored: string | null): Promise<boolean> {
    try {
      if (stored === null) {
        await this.hasher.pretend();
        return false;
      }
      return await this.hasher.verify(password, stored);
    } catch (err) {
      if (err instanceof HasherBusyError) throw new RegionError(503, 'busy', '登录的人太多，请稍后再试');
      throw err;
    }
  }

  private async throttleCheck(keys: string[]): Promise<void> {
    const wait = await store.throttleWait(this.pool, LOGIN_RULE, keys, Date.now());
    if (wait > 0) throw new RegionError(429, 'throttled', waitMessage(wait), { retryAfterMs: wait });
  }

  private async open(row: store.AccountRow, address: string, action: string): Promise<ConsoleTokenResponse> {
    const session = await store.openSession(this.pool, row.id, address, this.sessionMs);
    const user = userOf(row);
    await audit(this.pool, { actor: actorOf(user), action, details: { role: row.role, address } });
    return { token: session.token, user, expiresAt: session.expiresAt.toISOString() };
  }

  async setup(body: ConsoleSetupRequest, address: string): Promise<ConsoleTokenResponse> {
    if (await this.isSetUp()) throw new RegionError(409, 'already_set_up', '区域中心已完成首次设置，请用工号和密码登录');
    const keys = [`setup:addr:${address}`];
    await this.throttleCheck(keys);
    const expected = await store.setupCodeHash(this.pool);
    const given = store.sha256(body.setupCode.toUpperCase().replace(/[^0-9A-Z]/g, '').replace(/(.{4})(?=.)/g, '$1-'));
    if (!expected || !timingSafeEqual(Buffer.from(expected), Buffer.from(given))) {
      await store.throttleFail(this.pool, LOGIN_RULE, keys, Date.now());
      await audit(this.pool, { actor: `address:${address}`, action: 'console.setup_failed', details: {} });
      throw new RegionError(403, 'setup_code_invalid', '设置码不正确。设置码打印在区域中心启动时的控制台上');
    }
    this.checkPassword(body.password, body.name, body.staffNo);
    const passwordHash = await this.hash(body.password);
    const row = await withTransaction(this.pool, async (client) => {
      await client.query('LOCK TABLE console_accounts IN EXCLUSIVE MODE');
      if ((await store.accountCount(client)) > 0) throw new RegionError(409, 'already_set_up', '区域中心已完成首次设置，请用工号和密码登录');
      const created = await store.insertAccount(client, { name: body.name, staffNo: body.staffNo, role: 'region_admin', passwordHash, createdBy: null });
      await store.clearSetupCode(client);
      return created;
    });
    await store.throttleClear(this.pool, keys);
    return this.open(row, address, 'console.setup');
  }

  async login(staffNo: string, password: string, address: string): Promise<ConsoleTokenResponse> {
    const keys = [`login:addr:${address}`, `login:acct-addr:${staffNo.toLowerCase()}@${address}`];
    await this.throttleCheck(keys);
    const row = await store.accountByStaffNo(this.pool, staffNo);
    const usable = row && !row.disabled ? row : null;
    if (!(await this.verify(password, usable?.password_hash ?? null)) || !usable) {
      await store.throttleFail(this.pool, LOGIN_RULE, keys, Date.now());
      await audit(this.pool, { actor: `address:${address}`, action: 'console.login_failed', details: { staffNo } });
      throw new RegionError(401, 'login_failed', '工号或密码不正确');
    }
    await store.throttleClear(this.pool, keys);
    return this.open(usable, address, 'console.login');
  }

  async userOfToken(token: string): Promise<ConsoleUser | null> {
    const row = await store.sessionAccount(this.pool, token);
    return row ? userOf(row) : null;
  }

  async logout(token: string, user: ConsoleUser): Promise<void> {
    await store.endSession(this.pool, token);
    await audit(this.pool, { actor: actorOf(user), action: 'console.logout', details: {} });
  }

  async create(body: z.infer<typeof CreateConsoleAccountRequest>, by: ConsoleUser) {
    if (await store.accountByStaffNo(this.pool, body.staffNo)) throw new RegionError(409, 'staff_no_taken', `工号 ${body.staffNo} 已有账号`);
    this.checkPassword(body.password, body.name, body.staffNo);
    const passwordHash = await this.hash(body.password);
    let row: store.AccountRow;
    try {
      row = await store.insertAccount(this.pool, { name: body.name, staffNo: body.staffNo, role: body.role, passwordHash, createdBy: by.id });
    } catch {
      throw new RegionError(409, 'staff_no_taken', `工号 ${body.staffNo} 已有账号`);
    }
    await audit(this.pool, { actor: actorOf(by), action: 'console.account_created', details: { staffNo: body.staffNo, role: body.role } });
    return viewOf(row);
  }

  async list() {
    return { accounts: (await store.listAccounts(this.pool)).map(viewOf) };
  }
}

function viewOf(row: store.AccountRow): { id: string; name: string; staffNo: string; role: RegionRole; disabled: boolean; createdAt: string } {
  return { id: row.id, name: row.name, staffNo: row.staff_no, role: row.role, disabled: row.disabled, createdAt: row.created_at.toISOString() };
}

/** A token as the console's pages send it: `Authorization: Bearer <43 base64url characters>`. */
export function bearerToken(header: string | undefined): string | null {
  const m = /^Bearer ([A-Za-z0-9_-]{43})$/.exec(header ?? '');
  return m ? m[1]! : null;
}

