// The catalogue, site profiles and region-wide content in PostgreSQL, and publishing a site's pack: built from them,
// compared with the last one built, and stored as a new signed version only when what the site receives changed (the
// build, signature and zip in a worker thread: region-server/catalogue/off-thread.ts).
import type { Pool, PoolClient } from 'pg';
import { calendarSchema, evaluationSchema, noticesFileSchema, type Manifest } from '../../content/schema/index.ts';
import { catalogueItemSchema, siteProfileSchema, type CatalogueItem, type SiteProfile } from '../../protocol/region/catalogue.ts';
import { audit } from '../db/audit.ts';
import { withTransaction } from '../db/transaction.ts';
import { RegionError } from '../http/errors.ts';
import type { RegionContent } from './build.ts';
import { runPackJobOffThread } from './off-thread.ts';

type Db = Pool | PoolClient;

export async function saveCatalogueItem(db: Db, item: CatalogueItem, position: number, actor: string): Promise<void> {
  const parsed = catalogueItemSchema.parse(item);
  await db.query(
    `INSERT INTO catalogue_items (code, position, item, updated_at, updated_by) VALUES ($1, $2, $3, now(), $4)
     ON CONFLICT (code) DO UPDATE SET position = EXCLUDED.position, item = EXCLUDED.item, updated_at = now(), updated_by = EXCLUDED.updated_by`,
    [parsed.service.code, position, JSON.stringify(parsed), actor],
  );
  await audit(db, { actor, action: 'catalogue.item_saved', details: { code: parsed.service.code, name: parsed.service.name } });
}

export async function loadCatalogue(db: Db): Promise<CatalogueItem[]> {
  const rows = await db.query<{ item: unknown }>('SELECT item FROM catalogue_items ORDER BY position, code');
  return rows.rows.map((r) => catalogueItemSchema.parse(r.item));
}

export async function saveSiteProfile(db: Db, profile: SiteProfile): Promise<void> {
  const parsed = siteProfileSchema.parse(profile);
  await db.query(
    `INSERT INTO site_profiles (site_id, profile, updated_at) VALUES ($1, $2, now())
     ON CONFLICT (site_id) DO UPDATE SET profile = EXCLUDED.profile, updated_at = now()`,
    [parsed.siteId, JSON.stringify(parsed)],
  );
}

export async function saveSiteFile(db: Db, siteId: string, path: string, bytes: Uint8Array): Promise<void> {
  await db.query(
    'INSERT INTO site_files (site_id, path, bytes) VALUES ($1, $2, $3) ON CONFLICT (site_id, path) DO UPDATE SET bytes = EXCLUDED.bytes',
    [siteId, path, Buffer.from(bytes)],
  );
}

export async function saveRegionContent(db: Db, content: RegionContent): Promise<void> {
  const named = { calendar: content.calendar, evaluation: content.evaluation, notices: content.notices, product: content.product, sample: content.sample };
  for (const [name, value] of Object.entries(named)) {
    await db.query('INSERT INTO region_content (name, content) VALUES ($1, $2) ON CONFLICT (name) DO UPDATE SET content = EXCLUDED.content', [
      name,
      JSON.stringify(value),
    ]);
  }
  for (const [path, bytes] of content.voice) {
    await db.query('INSERT INTO region_files (path, bytes) VALUES ($1, $2) ON CONFLICT (path) DO UPDATE SET bytes = EXCLUDED.bytes', [path, Buffer.from(bytes)]);
  }
}

async function loadRegionContent(db: Db): Promise<RegionContent> {
  const rows = await db.query<{ name: string; content: unknown }>('SELECT name, content FROM region_content');
  const named = new Map(rows.rows.map((r) => [r.name, r.content]));
  const files = await db.query<{ path: string; bytes: Buffer }>('SELECT path, bytes FROM region_files ORDER BY path');
  if (!named.has('calendar')) throw new RegionError(409, 'no_region_content', '区域中心尚未设置节假日日历、评价规则等共用内容');
  return {
    calendar: calendarSchema.parse(named.get('calendar')),
    evaluation: evaluationSchema.parse(named.get('evaluation')),
    notices: noticesFileSchema.parse(named.get('notices') ?? []),
    product: named.get('product') as Manifest['product'],
    sample: named.get('sample') === true,
    voice: new Map(files.rows.map((r) => [r.path, new Uint8Array(r.bytes)])),
  };
}

export interface PublishedPack {
  siteId: string;
  version: number;
  /** False when the site's content had not changed since the last version. */
  changed: boolean;
  /** The thread that built it: the pack worker's, never the event loop's. */
  builtOnThread: number;
}

/** Builds the site's pack from what the region holds now; stores a new signed version if its content changed. */
export async function publishSitePack(pool: Pool, siteId: string, regionKeyPem: string, actor: string, now = new Date()): Promise<PublishedPack> {
  return withTransaction(pool, async (client) => {
    await client.query('SELECT 1 FROM sites WHERE id = $1 FOR UPDATE', [siteId]);
    const profileRow = await client.query<{ profile: unknown }>('SELECT profile FROM site_profiles WHERE site_id = $1', [siteId]);
    if (!profileRow.rows[0]) throw new RegionError(409, 'no_profile', '该站点还没有站点资料（名称、地址、窗口、人员），无法生成内容包');
    const profile = siteProfileSchema.parse(profileRow.rows[0].profile);
    const photos = await client.query<{ path: string; bytes: Buffer }>('SELECT path, bytes FROM site_files WHERE site_id = $1', [siteId]);
    const request = {
      catalogue: await loadCatalogue(client),
      profile,
      region: await loadRegionContent(client),
      photos: new Map(photos.rows.map((r) => [r.path, new Uint8Array(r.bytes)])),
    };
    const latest = await client.query<{ version: number; content_hash: string }>(
      'SELECT version, content_hash FROM site_packs WHERE site_id = $1 ORDER BY version DESC LIMIT 1',
      [siteId],
    );
    const last = latest.rows[0];
    const version = (last?.version ?? 0) + 1;
    // Building, signing and zipping run in the pack worker; the site's row stays locked meanwhile.
    const built = await runPackJobOffThread({ request, lastHash: last?.content_hash ?? null, version, created: now.toISOString(), regionKeyPem });
    if (!built.zip) return { siteId, version: last!.version, changed: false, builtOnThread: built.builtOnThread };
    await client.query('INSERT INTO site_packs (site_id, version, content_hash, built_at, zip) VALUES ($1, $2, $3, $4, $5)', [
      siteId,
      version,
      built.hash,
      now,
      Buffer.from(built.zip.buffer, built.zip.byteOffset, built.zip.byteLength),
    ]);
    await audit(client, { actor, action: 'pack.published', siteId, details: { version } });
    return { siteId, version, changed: true, builtOnThread: built.builtOnThread };
  });
}

/** The newest pack of a site above `have`, or null. */
export async function latestSitePack(db: Db, siteId: string, have: number): Promise<{ version: number; zip: Buffer } | null> {
  const rows = await db.query<{ version: number; zip: Buffer }>(
    'SELECT version, zip FROM site_packs WHERE site_id = $1 AND version > $2 ORDER BY version DESC LIMIT 1',
    [siteId, have],
  );
  return rows.rows[0] ?? null;
}
