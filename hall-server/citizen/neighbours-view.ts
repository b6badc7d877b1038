// The kiosk's neighbours part (pure): the first NEIGHBOURS_SHOWN sites the pack names that the region knows, each with its waiting count from
// the region's last answer — only while that answer is recent and the site itself reports; otherwise 'none'
// (the kiosk says 暂无数据). Never an old number shown as current.
import type { SiteNow } from '../../protocol/citizen/site-now.ts';
import { NEIGHBOURS_SHOWN, type NeighboursSnapshot } from '../../protocol/hall/neighbours.ts';

/** The hall asks every minute; an answer older than this (the region unreachable since) is not shown. */
export const NEIGHBOURS_STALE_MS = 3 * 60_000;

export interface NeighboursFetch {
  atMs: number;
  sites: readonly SiteNow[];
}

export function neighbourViews(
  listed: ReadonlyArray<{ siteId: string; name: string }>,
  last: NeighboursFetch | null,
  nowMs: number,
): NeighboursSnapshot {
  if (last === null) return { sites: [] };
  const fresh = nowMs - last.atMs <= NEIGHBOURS_STALE_MS;
  // A site the region does not know (a pack naming a wrong id) is left out rather than shown as 暂无数据 forever.
  const known = listed.filter((n) => last.sites.some((s) => s.siteId === n.siteId));
  return {
    sites: known.slice(0, NEIGHBOURS_SHOWN).map(({ siteId, name }) => {
      const site = fresh ? last.sites.find((s) => s.siteId === siteId) : undefined;
      if (!site || !site.live) return { siteId, name, state: 'none' as const, waiting: null };
      const waiting = site.waiting.reduce((sum, i) => sum + i.waiting, 0);
      // Past the issuing hours the people already waiting are still served: their count stays; an empty closed site
      // says 现在不办理.
      if (!site.open && waiting === 0) return { siteId, name, state: 'closed' as const, waiting: null };
      return { siteId, name, state: 'waiting' as const, waiting };
    }),
  };
}
