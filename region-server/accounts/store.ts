// Console accounts, sessions, throttle counters and the setup code in PostgreSQL. A session token is 32 random bytes;
// only its sha256 is stored, so a copy of the database opens no console.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Pool, PoolClient } from 'pg';
import type { RegionRole } from '../../protocol/region/console.ts';
import { afterFailure, waitFor, type FailureCount, type ThrottleRule } from '../../server-shared/accounts/throttle.ts';

type Db = Pool | PoolClient;

export interface AccountRow {
  id: string;
  name: string;
  staff_no: string;
  role: RegionRole;
  password_hash: string;
  disabled: boolean;
  created_at: Date;
}

export const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

export async function accountCount(db: Db): Promise<number> {
  return Number((await db.query<{ n: string }>('SELECT count(*) AS n FROM console_accounts')).rows[0]!.n);
}

export async function accountByStaffNo(db: Db, staffNo: string): Promise<AccountRow | null> {
  return (await db.query<AccountRow>('SELECT * FROM console_accounts WHERE lower(staff_no) = lower($1)', [staffNo])).rows[0] ?? null;
}

export async function listAccounts(db: Db): Promise<AccountRow[]> {
  return (await db.query<AccountRow>('SELECT * FROM console_accounts ORDER BY created_at, staff_no')).rows;
}

export async function insertAccount(
  db: Db,
  a: { name: string; staffNo: string; role: RegionRole; passwordHash: string; createdBy: string | null },
): Promise<AccountRow> {
  const row = await db.query<AccountRow>(
    `INSERT INTO console_accounts (id, name, staff_no, role, password_hash, created_at, created_by)
     VALUES ($1, $2, $3, $4, $5, now(), $6) ON CONFLICT DO NOTHING RETURNING *`,
    [randomUUID(), a.name, a.staffNo, a.role, a.passwordHash, a.createdBy],
  );
  if (!row.rows[0]) throw new Error('staff number taken');
  return row.rows[0];
}

export async function openSession(db: Db, accountId: string, address: string, ttlMs: number): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + ttlMs);
  await db.query('INSERT INTO console_sessions (token_hash, account_id, address, created_at, expires_at) VALUES ($1, $2, $3, now(), $4)', [
    sha256(token), accountId, address, expiresAt,
  ]);
  return { token, expiresAt };
}

/** The account of a live session, or null (unknown, ended, expired, or the account was disabled). */
export async function sessionAccount(db: Db, token: string): Promise<AccountRow | null> {
  const row = await db.query<AccountRow>(
    `SELECT a.* FROM console_sessions s JOIN console_accounts a ON a.id = s.account_id
     WHERE s.token_hash = $1 AND s.ended_at IS NULL AND s.expires_at > now() AND NOT a.disabled`,
    [sha256(token)],
  );
  return row.rows[0] ?? null;
}

export async function endSession(db: Db, token: string): Promise<void> {
  await db.query('UPDATE console_sessions SET ended_at = now() WHERE token_hash = $1 AND ended_at IS NULL', [sha256(token)]);
}

export async function setSetupCode(db: Db, code: string): Promise<void> {
  await db.query('INSERT INTO console_setup_code (id, code_hash) VALUES (1, $1) ON CONFLICT (id) DO UPDATE SET code_hash = EXCLUDED.code_hash', [sha256(code)]);
}

export async function setupCodeHash(db: Db): Promise<string | null> {
  return (await db.query<{ code_hash: string }>('SELECT code_hash FROM console_setup_code WHERE id = 1')).rows[0]?.code_hash ?? null;
}

export async function clearSetupCode(db: Db): Promise<void> {
  await db.query('DELETE FROM console_setup_code');
}

async function failureCount(db: Db, key: string): Promise<FailureCount | null> {
  const row = await db.query<{ failures: number; last_failure_ms: string }>('SELECT failures, last_failure_ms FROM console_throttle WHERE key = $1', [key]);
  const r = row.rows[0];
  return r ? { failures: r.failures, lastFailureMs: Number(r.last_failure_ms) } : null;
}

/** The longest wait any of the keys owes now. */
export async function throttleWait(db: Db, rule: ThrottleRule, keys: readonly string[], nowMs: number): Promise<number> {
  let wait = 0;
  for (const key of keys) wait = Math.max(wait, waitFor(rule, await failureCount(db, key), nowMs));
  return wait;
}

export async function throttleFail(db: Db, rule: ThrottleRule, keys: readonly string[], nowMs: number): Promise<void> {
  for (const key of keys) {
    const next = afterFailure(rule, await failureCount(db, key), nowMs);
    await db.query(
      `INSERT INTO console_throttle (key, failures, last_failure_ms) VALUES ($1, $2, $3)
       ON CONFLICT (key) DO UPDATE SET failures = EXCLUDED.failures, last_failure_ms = EXCLUDED.last_failure_ms`,
      [key, next.failures, next.lastFailureMs],
    );
  }
}

export async function throttleClear(db: Db, keys: readonly string[]): Promise<void> {
  await db.query('DELETE FROM console_throttle WHERE key = ANY($1)', [keys]);
}
