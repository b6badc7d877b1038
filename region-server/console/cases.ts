// Every 差评 case of every site with its working-day deadline: overdue first (most overdue on top), then by deadline.
// Working days are counted with the region's calendar (the one its packs carry), weekends only before one is set.
import type { Pool } from 'pg';
import type { CaseState } from '../../protocol/hall/cases.ts';
import type { RegionCase } from '../../protocol/region/console.ts';
import { workingDaysBetween, type CompiledCalendar } from '../../protocol/rules/workdays.ts';
import { regionCalendar } from '../catalogue/calendar.ts';
import { hallDate } from '../../protocol/rules/hall-time.ts';

const CLOSED: readonly CaseState[] = ['已反馈办结', '申诉撤销'];

interface Row {
  site_id: string;
  site_name: string;
  case_id: string;
  rating_id: string;
  state: CaseState;
  opened_on: string;
  due_on: string;
  closed_on: string | null;
  service_name: string | null;
  staff_name: string | null;
  score: number | null;
  reasons: string[] | null;
  masked_comment: string | null;
}

/** Pure: the case as the console shows it on `today`. */
export function caseView(r: Row, today: string, cal: CompiledCalendar): RegionCase {
  const closed = CLOSED.includes(r.state) || r.closed_on !== null;
  const left = closed ? null : workingDaysBetween(today, r.due_on, cal);
  return {
    siteId: r.site_id,
    siteName: r.site_name,
    caseId: r.case_id,
    ratingId: r.rating_id,
    state: r.state,
    openedOn: r.opened_on,
    dueOn: r.due_on,
    closedOn: r.closed_on,
    serviceName: r.service_name ?? '',
    staffName: r.staff_name ?? '',
    score: r.score,
    reasons: r.reasons ?? [],
    maskedComment: r.masked_comment ?? '',
    workingDaysLeft: left,
    overdue: !closed && today > r.due_on,
  };
}

/** Overdue first (longest overdue on top), then open by deadline, then closed (newest first). */
export function caseOrder(a: RegionCase, b: RegionCase): number {
  const rank = (c: RegionCase) => (c.overdue ? 0 : c.workingDaysLeft !== null ? 1 : 2);
  if (rank(a) !== rank(b)) return rank(a) - rank(b);
  if (rank(a) === 2) return (b.closedOn ?? '').localeCompare(a.closedOn ?? '');
  return a.dueOn.localeCompare(b.dueOn) || a.siteId.localeCompare(b.siteId);
}

export async function regionCases(pool: Pool, now = new Date(), siteId: string | null = null, openedOn: string | null = null): Promise<{ today: string; cases: RegionCase[] }> {
  // Follow-up deadlines are calendar dates (working days from the day the case was opened), as at the hall.
  const today = hallDate(now);
  const cal = await regionCalendar(pool);
  const rows = await pool.query<Row>(
    `SELECT c.site_id, s.name AS site_name, c.case_id, c.rating_id, c.state, to_char(c.opened_on, 'YYYY-MM-DD') AS opened_on,
       to_char(c.due_on, 'YYYY-MM-DD') AS due_on, to_char(c.closed_on, 'YYYY-MM-DD') AS closed_on,
       r.service_name, r.staff_name, r.score, r.reasons, r.masked_comment
     FROM site_cases c JOIN sites s ON s.id = c.site_id
     LEFT JOIN site_ratings r ON r.site_id = c.site_id AND r.rating_id = c.rating_id
     WHERE ($1::varchar IS NULL OR c.site_id = $1) AND ($2::date IS NULL OR c.opened_on = $2)`,
    [siteId, openedOn],
  );
  return { today, cases: rows.rows.map((r) => caseView(r, today, cal)).sort(caseOrder) };
}
