// Terminals, pairing codes, tokens and console sessions in SQLite. Tokens and codes are stored only as SHA-256 hashes.
import type Database from 'better-sqlite3';
import { createHash, randomBytes, randomInt, randomUUID } from 'node:crypto';
import type { DeviceHealth, TerminalHeartbeat, TerminalRole, TerminalView } from '../../protocol/hall/index.ts';
import type { StaffRole } from '../../protocol/hall/accounts.ts';
import { throttleExpiryMigration, throttleMigration } from '../accounts/throttle-store.ts';
import type { Migration, Principal, Role } from '../core/module.ts';
import { SeenEventCoalescer } from './heartbeat.ts';

export const terminalMigrations: Migration[] = [
  {
    id: '001-terminals',
    sql: `CREATE TABLE terminals (id TEXT PRIMARY KEY, role TEXT NOT NULL, window INTEGER, name TEXT NOT NULL,
            token_hash TEXT NOT NULL UNIQUE, paired_at TEXT NOT NULL, expires_at TEXT, last_seen TEXT, pack_version INTEGER,
            devices TEXT NOT NULL DEFAULT '[]', revoked INTEGER NOT NULL DEFAULT 0);
          CREATE TABLE pairing_codes (code_hash TEXT PRIMARY KEY, role TEXT NOT NULL, window INTEGER, name TEXT NOT NULL,
            expires_at TEXT NOT NULL, used_at TEXT);
          CREATE TABLE admin_password (id INTEGER PRIMARY KEY CHECK (id = 1), hash TEXT NOT NULL, set_at TEXT NOT NULL);`,
  },
  throttleMigration,
  throttleExpiryMigration,
  {
    // The hourly retention purge finds expired pairing codes through this index.
    id: '004-pairing-codes-expiry',
    sql: 'CREATE INDEX pairing_codes_expires ON pairing_codes (expires_at);',
  },
];

export const PAIRING_CODE_TTL_MS = 15 * 60 * 1000;
export const ADMIN_SESSION_MS = 12 * 60 * 60 * 1000;

interface TerminalRow {
  id: string;
  role: Role;
  window: number | null;
  name: string;
  paired_at: string;
  expires_at: string | null;
  last_seen: string | null;
  pack_version: number | null;
  devices: string;
  revoked: number;
  /** Console sessions: the account's role, null when the account is gone or disabled. */
  staff_role?: StaffRole | null;
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export class TerminalStore {
  /** token → principal, so authenticating a request neither hashes nor hits SQLite. Only in memory: the database
   * keeps hashes alone. */
  private cache = new Map<string, { principal: Principal; expiresAt: number | null }>();
  /** Prepared on first use: the store exists before the migrations have made its table. */
  private byTokenHash: Database.Statement | null = null;
  /** Which heartbeats become `terminal.seen` events (in memory: after a restart the first beat of each is published). */
  readonly seenEvents = new SeenEventCoalescer();

  constructor(
    private readonly db: Database.Database,
    private readonly now: () => Date,
  ) {}

  authenticate(token: string): Principal | null {
    let hit = this.cache.get(token);
    if (!hit) {
      this.byTokenHash ??= this.db.prepare(
        `SELECT t.*, a.role AS staff_role FROM terminals t LEFT JOIN staff_accounts a ON a.id = t.account_id AND a.disabled = 0
          WHERE t.token_hash = ? AND t.revoked = 0`,
      );
      const row = this.byTokenHash.get(sha256(token)) as TerminalRow | undefined;
      if (!row) return null;
      // A console session stands for its account: none (or a disabled one), no access.
      if (row.role === 'admin' && !row.staff_role) return null;
      hit = { principal: toPrincipal(row), expiresAt: row.expires_at ? Date.parse(row.expires_at) : null };
      this.cache.set(token, hit);
    }
    if (hit.expiresAt !== null && hit.expiresAt < this.now().getTime()) {
      this.cache.delete(token);
      return null;
    }
    return hit.principal;
  }

  /** Milliseconds left of the token's session on the hall's clock (0 when ended or unknown); null for a terminal,
   * whose pairing does not expire. */
  sessionLeftMs(token: string): number | null {
    if (!this.authenticate(token)) return 0;
    const expiresAt = this.cache.get(token)?.expiresAt ?? null;
    return expiresAt === null ? null : Math.max(0, expiresAt - this.now().getTime());
  }

  /** Creates a terminal and returns its token. */
  issue(role: Exclude<Role, 'admin'>, window: number | null, name: string): { token: string; principal: Principal } {
    return this.insert(role, window, name, null, null, null);
  }

  /** Opens a console session of an account for `ttlMs`. */
  openSession(account: { id: string; role: StaffRole }, name: string, ttlMs: number, address: string): { token: string; principal: Principal } {
    const opened = this.insert('admin', null, name, ttlMs, account.id, address);
    return { token: opened.token, principal: { ...opened.principal, staffRole: account.role } };
  }

  private insert(role: Role, window: number | null, name: string, ttlMs: number | null, accountId: string | null, address: string | null) {
    const token = randomBytes(32).toString('base64url');
    const id = role === 'admin' ? `admin:${randomUUID()}` : randomUUID();
    const now = this.now();
    this.db
      .prepare('INSERT INTO terminals (id, role, window, name, token_hash, paired_at, expires_at, account_id, address) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(id, role, window, name, sha256(token), now.toISOString(), ttlMs ? new Date(now.getTime() + ttlMs).toISOString() : null, accountId, address);
    return { token, principal: { id, role, window, name } as Principal };
  }

  createPairingCode(role: TerminalRole, window: number | null, name: string): { code: string; expiresAt: string } {
    const code = String(randomInt(0, 100_000_000)).padStart(8, '0');
    const expiresAt = new Date(this.now().getTime() + PAIRING_CODE_TTL_MS).toISOString();
    this.db
      .prepare('INSERT OR REPLACE INTO pairing_codes (code_hash, role, window, name, expires_at) VALUES (?, ?, ?, ?, ?)')
      .run(sha256(code), role, window, name, expiresAt);
    return { code, expiresAt };
  }

  /** Uses a pairing code once; null when it is unknown, used or expired. */
  redeem(code: string): { role: TerminalRole; window: number | null; name: string } | null {
    const row = this.db.prepare('SELECT * FROM pairing_codes WHERE code_hash = ?').get(sha256(code)) as
      | { role: TerminalRole; window: number | null; name: string; expires_at: string; used_at: string | null }
      | undefined;
    if (!row || row.used_at || Date.parse(row.expires_at) < this.now().getTime()) return null;
    this.db.prepare('UPDATE pairing_codes SET used_at = ? WHERE code_hash = ?').run(this.now().toISOString(), sha256(code));
    return { role: row.role, window: row.window, name: row.name };
  }

  revoke(id: string): boolean {
    const changed = this.db.prepare('UPDATE terminals SET revoked = 1 WHERE id = ?').run(id).changes > 0;
    for (const [token, hit] of this.cache) if (hit.principal.id === id) this.cache.delete(token);
    this.seenEvents.forget(id);
    return changed;
  }

  recordHeartbeat(id: string, hb: TerminalHeartbeat): void {
    this.db
      .prepare('UPDATE terminals SET last_seen = ?, pack_version = ?, devices = ? WHERE id = ?')
      .run(this.now().toISOString(), hb.packVersion, JSON.stringify(hb.devices), id);
  }

  touch(id: string): void {
    this.db.prepare('UPDATE terminals SET last_seen = ? WHERE id = ?').run(this.now().toISOString(), id);
  }

  list(online: Set<string>): TerminalView[] {
    const rows = this.db
      .prepare("SELECT * FROM terminals WHERE role != 'admin' ORDER BY role, window, name")
      .all() as TerminalRow[];
    return rows.map((r) => toView(r, online.has(r.id)));
  }

  view(id: string, online: boolean): TerminalView | null {
    const row = this.db.prepare('SELECT * FROM terminals WHERE id = ?').get(id) as TerminalRow | undefined;
    return row ? toView(row, online) : null;
  }
}

function toPrincipal(row: TerminalRow): Principal {
  const principal: Principal = { id: row.id, role: row.role, window: row.window, name: row.name };
  if (row.staff_role) principal.staffRole = row.staff_role;
  return principal;
}

function toView(row: TerminalRow, online: boolean): TerminalView {
  return {
    id: row.id,
    role: row.role,
    window: row.window,
    name: row.name,
    pairedAt: row.paired_at,
    lastSeen: row.last_seen,
    online,
    packVersion: row.pack_version,
    devices: JSON.parse(row.devices) as DeviceHealth[],
    revoked: row.revoked === 1,
  };
}
