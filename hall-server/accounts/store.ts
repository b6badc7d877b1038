// Console accounts in SQLite (password as an scrypt hash only). A console session is a row of the terminals table with
// role 'admin' and the account's id, so the audit trail, which names the actor by that row, names the person.
import type Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import type { AccountView, SessionView, StaffRole } from '../../protocol/hall/accounts.ts';
import type { Migration } from '../core/module.ts';

export const MIGRATED_OWNER_STAFF_NO = 'admin';

export const accountMigrations: Migration[] = [
  {
    // A hall that had the one shared manager password keeps it as the 大厅负责人 account with 工号 "admin"; the sessions
    // opened with the shared password end (they named nobody).
    id: '001-accounts',
    sql: `CREATE TABLE staff_accounts (id TEXT PRIMARY KEY, name TEXT NOT NULL, staff_no TEXT NOT NULL UNIQUE COLLATE NOCASE,
            role TEXT NOT NULL CHECK (role IN ('owner', 'shift_lead', 'callback')), password_hash TEXT NOT NULL,
            disabled INTEGER NOT NULL DEFAULT 0, created_at TEXT NOT NULL, created_by TEXT);
          INSERT INTO staff_accounts (id, name, staff_no, role, password_hash, created_at, created_by)
            SELECT 'migrated-owner', '大厅负责人', '${MIGRATED_OWNER_STAFF_NO}', 'owner', hash, set_at, NULL FROM admin_password WHERE id = 1;
          ALTER TABLE terminals ADD COLUMN account_id TEXT;
          ALTER TABLE terminals ADD COLUMN address TEXT;
          UPDATE terminals SET revoked = 1 WHERE role = 'admin';`,
  },
];

export interface AccountRow {
  id: string;
  name: string;
  staff_no: string;
  role: StaffRole;
  password_hash: string;
  disabled: number;
  created_at: string;
  created_by: string | null;
}

export function sessionName(account: { name: string; staff_no: string }): string {
  return `${account.name}（工号 ${account.staff_no}）`;
}

export class AccountStore {
  constructor(
    private readonly db: Database.Database,
    private readonly now: () => Date,
  ) {}

  count(): number {
    return this.db.prepare('SELECT COUNT(*) FROM staff_accounts').pluck().get() as number;
  }

  byStaffNo(staffNo: string): AccountRow | null {
    return (this.db.prepare('SELECT * FROM staff_accounts WHERE staff_no = ?').get(staffNo) as AccountRow | undefined) ?? null;
  }

  byId(id: string): AccountRow | null {
    return (this.db.prepare('SELECT * FROM staff_accounts WHERE id = ?').get(id) as AccountRow | undefined) ?? null;
  }

  create(a: { name: string; staffNo: string; role: StaffRole; passwordHash: string; createdBy: string | null }): AccountRow {
    const id = randomUUID();
    this.db
      .prepare('INSERT INTO staff_accounts (id, name, staff_no, role, password_hash, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(id, a.name, a.staffNo, a.role, a.passwordHash, this.now().toISOString(), a.createdBy);
    return this.byId(id)!;
  }

  update(id: string, change: { role?: StaffRole; disabled?: boolean; passwordHash?: string }): void {
    if (change.role !== undefined) this.db.prepare('UPDATE staff_accounts SET role = ? WHERE id = ?').run(change.role, id);
    if (change.disabled !== undefined) this.db.prepare('UPDATE staff_accounts SET disabled = ? WHERE id = ?').run(change.disabled ? 1 : 0, id);
    if (change.passwordHash !== undefined) this.db.prepare('UPDATE staff_accounts SET password_hash = ? WHERE id = ?').run(change.passwordHash, id);
  }

  activeOwners(): number {
    return this.db.prepare("SELECT COUNT(*) FROM staff_accounts WHERE role = 'owner' AND disabled = 0").pluck().get() as number;
  }

  list(): AccountView[] {
    const rows = this.db.prepare('SELECT * FROM staff_accounts ORDER BY created_at, staff_no').all() as AccountRow[];
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      staffNo: r.staff_no,
      role: r.role,
      disabled: r.disabled === 1,
      createdAt: r.created_at,
      createdBy: r.created_by,
    }));
  }

  /** Open console sessions (not revoked, not expired), newest first; only the account's own when `accountId` is given. */
  sessions(currentSessionId: string, accountId: string | null): SessionView[] {
    const rows = this.db
      .prepare(
        `SELECT t.id, t.account_id, t.paired_at, t.expires_at, t.last_seen, t.address, a.name, a.staff_no, a.role
           FROM terminals t JOIN staff_accounts a ON a.id = t.account_id
          WHERE t.role = 'admin' AND t.revoked = 0 AND t.expires_at > ? AND (? IS NULL OR t.account_id = ?)
          ORDER BY t.paired_at DESC`,
      )
      .all(this.now().toISOString(), accountId, accountId) as Array<{
      id: string; account_id: string; paired_at: string; expires_at: string; last_seen: string | null; address: string | null;
      name: string; staff_no: string; role: StaffRole;
    }>;
    return rows.map((r) => ({
      id: r.id,
      accountId: r.account_id,
      name: r.name,
      staffNo: r.staff_no,
      role: r.role,
      startedAt: r.paired_at,
      expiresAt: r.expires_at,
      lastSeen: r.last_seen,
      address: r.address,
      current: r.id === currentSessionId,
    }));
  }

  sessionAccount(sessionId: string): string | null {
    return (this.db.prepare("SELECT account_id FROM terminals WHERE id = ? AND role = 'admin'").pluck().get(sessionId) as string | null | undefined) ?? null;
  }

  openSessionIds(accountId: string): string[] {
    return this.db.prepare("SELECT id FROM terminals WHERE role = 'admin' AND revoked = 0 AND account_id = ?").pluck().all(accountId) as string[];
  }
}
