// A month's satisfaction by site, level, item and staff from the monthly roll-up, in one scan (GROUPING SETS), with
// 好差评 coverage (ratings per finished ticket) from the tickets' daily counts. The formulas are the hall's
// (protocol/rules/rating-stats.ts).
import type { Pool } from 'pg';
import { SITE_LEVEL_LABELS, SITE_LEVELS, type SiteLevel } from '../../protocol/region/sync.ts';
import type { SatisfactionResponse, SatisfactionRow } from '../../protocol/region/console.ts';
import { SATISFACTION_TARGET, rates } from '../../protocol/rules/rating-stats.ts';

export function monthRange(month: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}

interface Group {
  site_id: string | null;
  service_code: string | null;
  staff_id: string | null;
  g_site: number;
  g_item: number;
  g_staff: number;
  rated: string;
  bad: string;
  score_sum: string;
}

/** The month query: rated, bad and score sum per site, per item, per (site, staff), and for the region. */
export const MONTH_QUERY = `
  SELECT site_id, service_code, staff_id,
    GROUPING(site_id) AS g_site, GROUPING(service_code) AS g_item, GROUPING(staff_id) AS g_staff,
    sum(rated) AS rated, sum(bad) AS bad, sum(score_sum) AS score_sum
  FROM rating_monthly WHERE month = $1
  GROUP BY GROUPING SETS ((site_id), (service_code), (site_id, staff_id), ())`;

function row(key: string, label: string, rated: number, bad: number, scoreSum: number, finished: number | null, siteName?: string): SatisfactionRow {
  const r = rates({ finished: finished ?? 0, rated, bad, scoreSum, unrated: 0 }, { cases: 0, closed: 0, closedOnTime: 0 });
  return {
    key,
    label,
    ...(siteName === undefined ? {} : { siteName }),
    rated,
    bad,
    satisfaction: r.satisfaction,
    average: r.average,
    coverage: finished === null ? null : r.coverage,
    belowTarget: r.satisfaction !== null && r.satisfaction < SATISFACTION_TARGET,
  };
}

export async function monthSatisfaction(pool: Pool, month: string): Promise<SatisfactionResponse> {
  const { from, to } = monthRange(month);
  const [groups, finished, sites, services, staff] = await Promise.all([
    pool.query<Group>(MONTH_QUERY, [from]),
    pool.query<{ site_id: string | null; service_code: string | null; g_site: number; g_item: number; finished: string }>(
      `SELECT site_id, service_code, GROUPING(site_id) AS g_site, GROUPING(service_code) AS g_item, sum(finished) AS finished
       FROM ticket_daily WHERE day BETWEEN $1 AND $2 GROUP BY GROUPING SETS ((site_id), (service_code), ())`,
      [from, to],
    ),
    pool.query<{ id: string; name: string; level: SiteLevel }>('SELECT id, name, level FROM sites'),
    pool.query<{ service_code: string; name: string }>('SELECT service_code, name FROM service_names'),
    pool.query<{ site_id: string; staff_id: string; name: string }>('SELECT site_id, staff_id, name FROM site_staff'),
  ]);
  const site = new Map(sites.rows.map((s) => [s.id, s]));
  const serviceName = new Map(services.rows.map((s) => [s.service_code, s.name]));
  const staffName = new Map(staff.rows.map((s) => [`${s.site_id}\0${s.staff_id}`, s.name]));
  const finishedBySite = new Map<string, number>();
  const finishedByItem = new Map<string, number>();
  let finishedAll = 0;
  for (const f of finished.rows) {
    if (f.g_site === 0) finishedBySite.set(f.site_id!, Number(f.finished));
    else if (f.g_item === 0) finishedByItem.set(f.service_code!, Number(f.finished));
    else finishedAll = Number(f.finished);
  }
  const bySite: SatisfactionRow[] = [];
  const byItem: SatisfactionRow[] = [];
  const byStaff: SatisfactionRow[] = [];
  const levelSums = new Map<SiteLevel, { rated: number; bad: number; scoreSum: number; finished: number }>();
  let region = row('region', '全区域', 0, 0, 0, finishedAll);
  for (const g of groups.rows) {
    const rated = Number(g.rated);
    const bad = Number(g.bad);
    const scoreSum = Number(g.score_sum);
    if (g.g_site === 1 && g.g_item === 1) region = row('region', '全区域', rated, bad, scoreSum, finishedAll);
    else if (g.g_item === 0) byItem.push(row(g.service_code!, serviceName.get(g.service_code!) ?? g.service_code!, rated, bad, scoreSum, finishedByItem.get(g.service_code!) ?? 0));
    else if (g.g_staff === 0) {
      const name = staffName.get(`${g.site_id}\0${g.staff_id}`) ?? (g.staff_id || '（未登记工作人员）');
      byStaff.push(row(`${g.site_id}/${g.staff_id}`, name, rated, bad, scoreSum, null, site.get(g.site_id!)?.name ?? g.site_id!));
    } else {
      const s = site.get(g.site_id!);
      const fin = finishedBySite.get(g.site_id!) ?? 0;
      bySite.push(row(g.site_id!, s?.name ?? g.site_id!, rated, bad, scoreSum, fin));
      if (s) {
        const sum = levelSums.get(s.level) ?? { rated: 0, bad: 0, scoreSum: 0, finished: 0 };
        levelSums.set(s.level, { rated: sum.rated + rated, bad: sum.bad + bad, scoreSum: sum.scoreSum + scoreSum, finished: sum.finished + fin });
      }
    }
  }
  const byLevel = SITE_LEVELS.filter((l) => levelSums.has(l)).map((l) => {
    const s = levelSums.get(l)!;
    return row(l, SITE_LEVEL_LABELS[l], s.rated, s.bad, s.scoreSum, s.finished);
  });
  const worstFirst = (a: SatisfactionRow, b: SatisfactionRow) => (a.satisfaction ?? 2) - (b.satisfaction ?? 2) || a.key.localeCompare(b.key);
  return {
    month,
    target: SATISFACTION_TARGET,
    region,
    bySite: bySite.sort(worstFirst),
    byLevel,
    byItem: byItem.sort(worstFirst),
    byStaff: byStaff.sort(worstFirst),
  };
}
