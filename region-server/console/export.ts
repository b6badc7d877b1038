// The 12-column upstream export for the whole region (the hall's columns: server-shared/ratings/csv.ts). Personal
// fields are opened here only, through the injected `openSealed`, and every opening is audited (who, which site and
// rating). Ratings are read in pages of 500 so opening thousands of boxes never holds the event loop for long.
import type { Pool } from 'pg';
import { upstreamCsv, type UpstreamRow } from '../../server-shared/ratings/csv.ts';
import { SealedBox, type SealedPersonalFields } from '../../protocol/region/records.ts';
import { hallDate, hallDateTime } from '../../protocol/rules/hall-time.ts';
import { addWorkingDays, type CompiledCalendar } from '../../protocol/rules/workdays.ts';
import { loadCatalogue } from '../catalogue/store.ts';
import { regionCalendar } from '../catalogue/calendar.ts';
import type { RegionSealingKeys, SealedOpener } from './context.ts';

const PAGE = 500;

interface Row {
  site_id: string;
  rating_id: string;
  case_number: string;
  service_code: string;
  service_name: string;
  score: number;
  issued_at: Date;
  finished_at: Date;
  rated_at: Date;
  sealed: unknown;
}

type TimeLimit = { kind: 'immediate' } | { kind: 'working_days'; days: number };

/** 承诺/法定办结时间: the finish time for 即办 items, else 17:00 of the N-th working day after receipt. */
function limitTime(limit: TimeLimit | undefined, received: Date, finished: Date, cal: CompiledCalendar): string {
  if (!limit || limit.kind === 'immediate') return hallDateTime(finished.toISOString());
  return `${addWorkingDays(hallDate(received), limit.days, cal)} 17:00:00`;
}

/** A box no key of the region opens (or a damaged one) leaves the personal columns empty; the rating still counts. */
function openOrNull(opener: { openSealed: SealedOpener; keys: RegionSealingKeys }, box: SealedBox): SealedPersonalFields | null {
  try {
    return opener.openSealed(box, opener.keys);
  } catch {
    return null;
  }
}

export interface ExportResult {
  csv: string;
  rows: number;
  opened: number;
}

export async function exportUpstream(
  pool: Pool,
  range: { from: string; to: string },
  opener: { openSealed: SealedOpener; keys: RegionSealingKeys },
  actor: string,
): Promise<ExportResult> {
  const cal = await regionCalendar(pool);
  const limits = new Map((await loadCatalogue(pool)).map((item) => [item.service.code, item.service.guide.timeLimit as TimeLimit]));
  const lines: UpstreamRow[] = [];
  let opened = 0;
  let after: [string, string, string] = ['0001-01-01', '', ''];
  for (;;) {
    const page = await pool.query<Row & { day: string }>(
      `SELECT to_char(day, 'YYYY-MM-DD') AS day, site_id, rating_id, case_number, service_code, service_name, score, issued_at, finished_at, rated_at, sealed
       FROM site_ratings WHERE day BETWEEN $1 AND $2 AND counted AND (day, site_id, rating_id) > ($3::date, $4, $5)
       ORDER BY day, site_id, rating_id LIMIT ${PAGE}`,
      [range.from, range.to, ...after],
    );
    const openings: Array<{ site_id: string; rating_id: string }> = [];
    for (const r of page.rows) {
      const box = SealedBox.safeParse(r.sealed);
      const personal = box.success ? openOrNull(opener, box.data) : null;
      if (personal) openings.push({ site_id: r.site_id, rating_id: r.rating_id });
      const promised = limitTime(limits.get(r.service_code), r.issued_at, r.finished_at, cal);
      lines.push({
        caseNo: r.case_number,
        itemCode: r.service_code,
        itemName: r.service_name,
        // Only a ticket taken with an identity has them; the hall's own export leaves them empty likewise.
        idType: personal?.idType ?? '',
        idNumber: personal?.idNumber ?? '',
        name: personal?.name ?? '',
        phone: personal?.phone ?? '',
        receivedAt: hallDateTime(r.issued_at.toISOString()),
        promisedAt: promised,
        legalAt: promised,
        score: r.score,
        ratedAt: hallDateTime(r.rated_at.toISOString()),
      });
    }
    if (openings.length > 0) {
      opened += openings.length;
      await pool.query(
        `INSERT INTO region_audit (at, actor, action, site_id, details)
         SELECT now(), $1, 'sealed.opened', x.site_id, json_build_object('ratingId', x.rating_id, 'purpose', 'upstream_export')::jsonb
         FROM json_to_recordset($2::json) AS x(site_id text, rating_id text)`,
        [actor, JSON.stringify(openings)],
      );
    }
    if (page.rows.length < PAGE) break;
    const last = page.rows.at(-1)!;
    after = [last.day, last.site_id, last.rating_id];
  }
  return { csv: upstreamCsv(lines), rows: lines.length, opened };
}
