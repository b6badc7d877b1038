// Shared steps of the region-link tests: wait on the hall's view of its link, read what the region holds.
import type pg from 'pg';
import type { RegionLinkStatus } from '../../protocol/hall/region.ts';
import type { TestHall } from '../support/hall.ts';

/** Polls the console's region status until `until` holds; the test's own timeout bounds the wait. */
export async function waitForLink(hall: Pick<TestHall, 'api'>, adminToken: string, until: (s: RegionLinkStatus) => boolean): Promise<RegionLinkStatus> {
  for (;;) {
    const res = await hall.api<RegionLinkStatus>('GET', '/api/admin/region', undefined, adminToken);
    if (res.status === 200 && until(res.body)) return res.body;
    await new Promise((ok) => setTimeout(ok, 50));
  }
}

export async function regionHeldSeqs(pool: pg.Pool, siteId: string): Promise<number[]> {
  const rows = await pool.query<{ seq: string }>('SELECT seq FROM site_events WHERE site_id = $1 ORDER BY seq', [siteId]);
  return rows.rows.map((r) => Number(r.seq));
}
