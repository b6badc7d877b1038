// The catalogue editor: an item's materials and conditions are changed in the one unified list, then publishing
// builds every site's pack again; only sites whose content changed (those offering the item) get a new version.
import type { Pool } from 'pg';
import type { CatalogueEntry, CatalogueResponse, EditItemRequest, PublishResponse } from '../../protocol/region/console.ts';
import type { SiteLevel } from '../../protocol/region/sync.ts';
import { catalogueItemSchema } from '../../protocol/region/catalogue.ts';
import { audit } from '../db/audit.ts';
import { withTransaction } from '../db/transaction.ts';
import { RegionError } from '../http/errors.ts';
import { publishSitePack } from '../catalogue/store.ts';

interface ItemRow {
  code: string;
  item: unknown;
  updated_at: Date;
  updated_by: string;
}

function entry(r: ItemRow): CatalogueEntry {
  const item = catalogueItemSchema.parse(r.item);
  return {
    code: item.service.code,
    name: item.service.name,
    levels: item.levels,
    materials: item.service.guide.materials,
    conditions: item.service.guide.conditions,
    updatedAt: r.updated_at.toISOString(),
    updatedBy: r.updated_by,
  };
}

export async function catalogueView(pool: Pool): Promise<CatalogueResponse> {
  const items = await pool.query<ItemRow>('SELECT code, item, updated_at, updated_by FROM catalogue_items ORDER BY position, code');
  const sites = await pool.query<{ id: string; name: string; level: SiteLevel; running: number | null; latest: number | null }>(
    `SELECT s.id, s.name, s.level, s.running_pack_version AS running, (SELECT max(version) FROM site_packs p WHERE p.site_id = s.id) AS latest
     FROM sites s ORDER BY s.id`,
  );
  return {
    items: items.rows.map(entry),
    sites: sites.rows.map((s) => ({ siteId: s.id, siteName: s.name, level: s.level, latestVersion: s.latest, runningVersion: s.running })),
  };
}

export async function editItem(pool: Pool, code: string, edit: EditItemRequest, actor: string): Promise<CatalogueEntry> {
  return withTransaction(pool, async (client) => {
    const found = await client.query<ItemRow>('SELECT code, item, updated_at, updated_by FROM catalogue_items WHERE code = $1 FOR UPDATE', [code]);
    if (!found.rows[0]) throw new RegionError(404, 'no_item', `统一事项清单中没有编码为 ${code} 的事项`);
    const item = catalogueItemSchema.parse(found.rows[0].item);
    const next = catalogueItemSchema.safeParse({ ...item, service: { ...item.service, guide: { ...item.service.guide, materials: edit.materials, conditions: edit.conditions } } });
    if (!next.success) throw new RegionError(400, 'invalid_item', `修改后的事项不符合办事指南要求：${next.error.issues[0]?.message ?? ''}`);
    const saved = await client.query<ItemRow>(
      'UPDATE catalogue_items SET item = $2, updated_at = now(), updated_by = $3 WHERE code = $1 RETURNING code, item, updated_at, updated_by',
      [code, JSON.stringify(next.data), actor],
    );
    await audit(client, { actor, action: 'catalogue.item_edited', details: { code, materials: edit.materials.length, conditions: edit.conditions.length } });
    return entry(saved.rows[0]!);
  });
}

/** Builds every site's pack; a site whose content did not change keeps its version. */
export async function publishAll(pool: Pool, signingKeyPem: string | null, actor: string): Promise<PublishResponse> {
  if (!signingKeyPem) throw new RegionError(409, 'no_signing_key', '区域中心没有配置内容包签名密钥，无法发布');
  const sites = await pool.query<{ id: string; has_profile: boolean }>(
    'SELECT s.id, EXISTS (SELECT 1 FROM site_profiles p WHERE p.site_id = s.id) AS has_profile FROM sites s ORDER BY s.id',
  );
  const packs: PublishResponse['packs'] = [];
  const skipped: string[] = [];
  for (const site of sites.rows) {
    if (!site.has_profile) {
      skipped.push(site.id);
      continue;
    }
    const { siteId, version, changed } = await publishSitePack(pool, site.id, signingKeyPem, actor);
    packs.push({ siteId, version, changed });
  }
  await audit(pool, { actor, action: 'catalogue.published', details: { changed: packs.filter((p) => p.changed).map((p) => p.siteId) } });
  return { packs, skipped };
}
