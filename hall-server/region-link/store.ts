// The region link's persisted state: enrolment, the push cursor (what the region last said it holds), the next batch id,
// a fence or stop, and the region pack taken. Every write is one small UPDATE of the single row.
import type { Database, Statement } from 'better-sqlite3';
import type { SealingPublicKey } from '../../protocol/region/records.ts';
import type { SiteLevel } from '../../protocol/region/sync.ts';

export interface LinkRow {
  region_url: string;
  site_id: string;
  site_name: string;
  level: SiteLevel;
  public_key: string;
  sealing_key_id: string | null;
  sealing_public_key: string | null;
  enrolled_at: string;
  held_through: number;
  next_batch_id: number;
  last_push_at: string | null;
  fenced_at: string | null;
  /** Why pushing stopped: 'site_fenced', 'bad_signature' or 'unknown_site'; null while pushing. */
  stop_code: string | null;
  stop_message: string | null;
  pack_version: number;
  pack_refusal: string | null;
  /** The region's pack-signing key (raw base64url), null from a region without a key file. */
  pack_signing_key: string | null;
}

export interface Enrolment {
  regionUrl: string;
  siteId: string;
  siteName: string;
  level: SiteLevel;
  publicKey: string;
  sealingKey: SealingPublicKey | null;
  packSigningKey: string | null;
  heldThrough: number;
  at: string;
}

export class LinkStore {
  /** Read on every rating (is there a region key to seal for?): prepared once, on first use. */
  private selectLink: Statement | null = null;

  constructor(private readonly db: Database) {}

  get(): LinkRow | null {
    this.selectLink ??= this.db.prepare('SELECT * FROM region_link WHERE id = 1');
    return (this.selectLink.get() as LinkRow | undefined) ?? null;
  }

  /** A first enrolment, or a new one (another code, e.g. after a fence was lifted): pushing starts again from what
   * the region holds. The next batch id only goes up. */
  enrol(e: Enrolment): void {
    this.db
      .prepare(
        `INSERT INTO region_link (id, region_url, site_id, site_name, level, public_key, sealing_key_id, sealing_public_key,
           enrolled_at, held_through, pack_signing_key)
         VALUES (1, @regionUrl, @siteId, @siteName, @level, @publicKey, @keyId, @sealKey, @at, @heldThrough, @packSigningKey)
         ON CONFLICT (id) DO UPDATE SET region_url = excluded.region_url, site_id = excluded.site_id,
           site_name = excluded.site_name, level = excluded.level, public_key = excluded.public_key,
           sealing_key_id = excluded.sealing_key_id, sealing_public_key = excluded.sealing_public_key,
           enrolled_at = excluded.enrolled_at, held_through = excluded.held_through,
           pack_signing_key = excluded.pack_signing_key, fenced_at = NULL, stop_code = NULL,
           stop_message = NULL`,
      )
      .run({ ...e, keyId: e.sealingKey?.keyId ?? null, sealKey: e.sealingKey?.publicKey ?? null });
  }

  /** Takes the next batch id, persisted before the batch is sent: never below the hall's clock in milliseconds, so a
   * hall restored from an older backup does not reuse an id the region has seen (it is then fenced for its rewound
   * log, not refused as a replay). */
  takeBatchId(nowMs: number): number {
    const row = this.get();
    if (!row) throw new Error('region link not enrolled');
    const id = Math.max(row.next_batch_id, nowMs);
    this.db.prepare('UPDATE region_link SET next_batch_id = ? WHERE id = 1').run(id + 1);
    return id;
  }

  held(heldThrough: number, at: string): void {
    this.db.prepare('UPDATE region_link SET held_through = ?, last_push_at = ? WHERE id = 1').run(heldThrough, at);
  }

  /** The region refused this hall for good (fenced, or it no longer knows the hall's key): pushing stops. */
  stop(code: string, message: string, at: string): void {
    this.db
      .prepare('UPDATE region_link SET stop_code = ?, stop_message = ?, fenced_at = CASE WHEN ? = \'site_fenced\' THEN ? ELSE fenced_at END WHERE id = 1')
      .run(code, message, code, at);
  }

  sealingKey(): SealingPublicKey | null {
    const row = this.get();
    return row?.sealing_key_id && row.sealing_public_key ? { keyId: row.sealing_key_id, publicKey: row.sealing_public_key } : null;
  }

  setSealingKey(key: SealingPublicKey): void {
    this.db.prepare('UPDATE region_link SET sealing_key_id = ?, sealing_public_key = ? WHERE id = 1').run(key.keyId, key.publicKey);
  }

  packTaken(version: number): void {
    this.db.prepare('UPDATE region_link SET pack_version = ?, pack_refusal = NULL WHERE id = 1').run(version);
  }

  packRefused(version: number, why: string): void {
    this.db.prepare('UPDATE region_link SET pack_version = ?, pack_refusal = ? WHERE id = 1').run(version, why);
  }
}
