// GET /api/citizen/sites/:siteId — a site "now" for the citizen's phone (the public page at /s/<siteId>): its name and
// level, hours (open now, or when it opens next), windows open and waiting per item, so a citizen in the 15-minute
// service circle can choose the less busy station. Served by the region (from what the sites push) and by a hall for
// itself. Public: counts only, nothing personal. The page checks answers with `readSiteNow` (no zod: it stays small).

export const SITE_NOW_PATH = '/api/citizen/sites/:siteId';
export const siteNowPath = (siteId: string): string => `/api/citizen/sites/${encodeURIComponent(siteId)}`;
/** The public page of a site. */
export const sitePagePath = (siteId: string): string => `/s/${encodeURIComponent(siteId)}`;
/** A site id as the region and the packs write it. */
export const SITE_ID_PATTERN = /^[a-z0-9][a-z0-9-]{1,39}$/;
/** The id a hall without a region link answers its own page under (`/s/hall` on the hall's Wi-Fi). */
export const OWN_HALL_SITE_ID = 'hall';

/** A site whose hall has pushed nothing for this long is shown as silent, with the time of its last report: a live
 * hall pushes within seconds of a change and at least every 10 minutes (its terminals' heartbeats). */
export const SILENT_AFTER_MS = 15 * 60_000;

export interface ItemWaiting {
  itemName: string;
  waiting: number;
}

export interface NeighbourLink {
  siteId: string;
  name: string;
}

export interface SiteNow {
  siteId: string;
  name: string;
  /** The level in the 1+21+N network, in words: 市医疗保障服务中心, 镇街医保服务站… */
  levelName: string;
  address: string | null;
  /** Opening hours as the site shows them, one line each. */
  hours: string[];
  open: boolean;
  /** While open: when the current session ends (ISO). */
  closesAt: string | null;
  /** While closed: when it opens next (ISO); null when not known. */
  opensAt: string | null;
  /** The site's hall reported within SILENT_AFTER_MS: the counts are current. */
  live: boolean;
  /** When the site's hall last reported (ISO); null: never. */
  lastReportAt: string | null;
  /** Windows open now; null unless live. */
  windowsOpen: number | null;
  /** Waiting now per item of today's tickets (0 included); empty unless live. */
  waiting: ItemWaiting[];
  /** Nearby sites whose own page the citizen may compare (nearest first). */
  neighbours: NeighbourLink[];
  /** When this answer was made (ISO). */
  at: string;
}

/** The 404 body's message for an unknown site. */
export const UNKNOWN_SITE_MESSAGE = '没有找到这个服务站点';

const isNat = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;
const isText = (v: unknown): v is string => typeof v === 'string';
const isTextOrNull = (v: unknown): v is string | null => v === null || typeof v === 'string';

function readList<T>(value: unknown, read: (item: Record<string, unknown>) => T | null): T[] | null {
  if (!Array.isArray(value)) return null;
  const out: T[] = [];
  for (const item of value) {
    const read1 = typeof item === 'object' && item !== null ? read(item as Record<string, unknown>) : null;
    if (read1 === null) return null;
    out.push(read1);
  }
  return out;
}

/** The site in an answer, or null when the answer is not one. */
export function readSiteNow(value: unknown): SiteNow | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  if (!isText(v['siteId']) || !isText(v['name']) || !isText(v['levelName']) || !isTextOrNull(v['address'])) return null;
  if (typeof v['open'] !== 'boolean' || typeof v['live'] !== 'boolean' || !isText(v['at'])) return null;
  if (!isTextOrNull(v['closesAt']) || !isTextOrNull(v['opensAt']) || !isTextOrNull(v['lastReportAt'])) return null;
  if (v['windowsOpen'] !== null && !isNat(v['windowsOpen'])) return null;
  const hoursOk = Array.isArray(v['hours']) && (v['hours'] as unknown[]).every(isText);
  const waiting = readList(v['waiting'], (i) => (isText(i['itemName']) && isNat(i['waiting']) ? { itemName: i['itemName'], waiting: i['waiting'] } : null));
  const neighbours = readList(v['neighbours'], (n) => (isText(n['siteId']) && isText(n['name']) ? { siteId: n['siteId'], name: n['name'] } : null));
  if (!hoursOk || !waiting || !neighbours) return null;
  return {
    siteId: v['siteId'], name: v['name'], levelName: v['levelName'], address: v['address'], hours: v['hours'] as string[],
    open: v['open'], closesAt: v['closesAt'], opensAt: v['opensAt'], live: v['live'], lastReportAt: v['lastReportAt'],
    windowsOpen: v['windowsOpen'] as number | null, waiting, neighbours, at: v['at'],
  };
}
