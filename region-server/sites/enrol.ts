// Enrolment of a hall as a site: the region console creates the site and a one-time code; the hall redeems the code with
// the public half of its Ed25519 key, which from then on signs every batch it pushes.
import { createHash, randomInt } from 'node:crypto';
import type { Pool } from 'pg';
import { SITE_LEVEL_LABELS, type EnrolRequest, type EnrolResponse, type SiteLevel } from '../../protocol/region/sync.ts';
import { audit } from '../db/audit.ts';
import { withTransaction } from '../db/transaction.ts';
import { RegionError } from '../http/errors.ts';

const CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
export const ENROL_CODE_TTL_MS = 24 * 3600_000;

function hashCode(code: string): string {
  return createHash('sha256').update(code).digest('hex');
}

export function newEnrolmentCode(): string {
  const group = (): string => Array.from({ length: 4 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
  return `${group()}-${group()}-${group()}`;
}

export async function createSite(pool: Pool, site: { id: string; name: string; level: SiteLevel }, actor: string): Promise<void> {
  if (!/^[a-z0-9][a-z0-9-]{1,39}$/.test(site.id)) throw new RegionError(400, 'invalid_site_id', '站点编号只能用小写字母、数字和短横线');
  await withTransaction(pool, async (client) => {
    const inserted = await client.query('INSERT INTO sites (id, name, level) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING', [
      site.id,
      site.name,
      site.level,
    ]);
    if (inserted.rowCount === 0) throw new RegionError(409, 'site_exists', `站点编号 ${site.id} 已存在`);
    await audit(client, { actor, action: 'site.created', siteId: site.id, details: { name: site.name, level: site.level } });
  });
}

/** A fresh one-time code for the site (any earlier unused code stays valid until it expires); `code` lets the demo
 * hand the hall its code before the region is up. */
export async function createEnrolmentCode(pool: Pool, siteId: string, actor: string, now = new Date(), code = newEnrolmentCode()): Promise<string> {
  await withTransaction(pool, async (client) => {
    const site = await client.query('SELECT 1 FROM sites WHERE id = $1', [siteId]);
    if (site.rowCount === 0) throw new RegionError(404, 'no_site', '没有这个站点');
    await client.query('INSERT INTO enrolment_codes (code_hash, site_id, created_at, expires_at) VALUES ($1, $2, $3, $4)', [
      hashCode(code),
      siteId,
      now,
      new Date(now.getTime() + ENROL_CODE_TTL_MS),
    ]);
    await audit(client, { actor, action: 'site.enrolment_code', siteId, details: {} });
  });
  return code;
}

export async function redeemEnrolment(pool: Pool, request: EnrolRequest, now = new Date()): Promise<EnrolResponse> {
  return withTransaction(pool, async (client) => {
    const found = await client.query<{ site_id: string; expires_at: Date; used_at: Date | null }>(
      'SELECT site_id, expires_at, used_at FROM enrolment_codes WHERE code_hash = $1 FOR UPDATE',
      [hashCode(request.code)],
    );
    const code = found.rows[0];
    if (!code || code.used_at !== null || code.expires_at.getTime() < now.getTime()) {
      throw new RegionError(403, 'bad_enrolment_code', '注册码无效、已使用或已过期，请向区域管理员索取新的注册码');
    }
    await client.query('UPDATE enrolment_codes SET used_at = $2 WHERE code_hash = $1', [hashCode(request.code), now]);
    const site = await client.query<{ name: string; level: SiteLevel; held_through: string; public_key: string | null }>(
      'SELECT name, level, held_through, public_key FROM sites WHERE id = $1 FOR UPDATE',
      [code.site_id],
    );
    const row = site.rows[0]!;
    await client.query('UPDATE sites SET public_key = $2, enrolled_at = $3 WHERE id = $1', [code.site_id, request.publicKey, now]);
    await audit(client, {
      actor: `hall:${code.site_id}`,
      action: row.public_key ? 'site.re_enrolled' : 'site.enrolled',
      siteId: code.site_id,
      details: { hallName: request.hallName, level: SITE_LEVEL_LABELS[row.level] },
    });
    return { siteId: code.site_id, siteName: row.name, level: row.level, heldThrough: Number(row.held_through) };
  });
}
