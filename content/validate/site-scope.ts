// A key trusted for one site's packs only: the region's pack-signing key, learnt by a hall at enrolment. A pack it signed
// is good for that hall only when its manifest names the hall's own site and level (a region misconfigured, or a pack of
// another site copied over, is refused). Pure; the words are for the hall's manager.
import { SITE_LEVEL_LABELS } from '../../protocol/region/sync.ts';

export interface SiteScopedKey {
  /** Raw base64url Ed25519 public key. */
  key: string;
  siteId: string;
  level: string;
}

const levelLabel = (level: string): string => SITE_LEVEL_LABELS[level as keyof typeof SITE_LEVEL_LABELS] ?? level;

/** Why a region pack naming `site` is not for the hall `mine`, or null when it is. */
export function siteScopeProblem(site: { id: string; level: string } | undefined, mine: { siteId: string; level: string }): string | null {
  const hall = `${mine.siteId}（${levelLabel(mine.level)}）`;
  if (!site) return `内容包没有注明站点和级别，本大厅是 ${hall}，已拒收`;
  if (site.id !== mine.siteId || site.level !== mine.level) return `区域下发的内容包是为 ${site.id}（${levelLabel(site.level)}）生成的，本大厅是 ${hall}，已拒收`;
  return null;
}
