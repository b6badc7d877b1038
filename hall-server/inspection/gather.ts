// Reads what the inspection judges from the tables of the ratings, queue, terminals and packs modules and from the
// event log, for one hall month. Read-only; report.ts calls it for the endpoint and for the publisher.
import type { Database } from 'better-sqlite3';
import type { InspectionInput, Served, TidalEpisode } from './indicators.ts';
import type { MonthRange } from './month.ts';

const CLOSED = `('已反馈办结', '申诉撤销')`;

function served(db: Database, column: string, range: MonthRange): Served[] {
  return db
    .prepare(
      `SELECT CAST(${column} AS TEXT) AS key, sum(finished) AS finished, sum(rated) AS rated
       FROM rating_daily WHERE day BETWEEN ? AND ? GROUP BY 1 ORDER BY 1`,
    )
    .all(range.firstDay, range.lastDay) as Served[];
}

/** The first event at or after `iso`: the log is in time order, so a binary search on seq finds it without a scan. */
function firstSeqFrom(db: Database, iso: string): number {
  const next = db.prepare('SELECT seq, at FROM events WHERE seq >= ? ORDER BY seq LIMIT 1');
  const last = (db.prepare('SELECT max(seq) AS seq FROM events').get() as { seq: number | null }).seq ?? 0;
  let lo = 0;
  let hi = last + 1;
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    const row = next.get(mid) as { seq: number; at: string } | undefined;
    if (row && row.at < iso) lo = row.seq + 1;
    else hi = mid;
  }
  return lo;
}

function tidalEpisodes(db: Database, range: MonthRange): TidalEpisode[] {
  const rows = db
    .prepare(`SELECT type, at, data FROM events WHERE seq >= ? AND type IN ('tidal.alert', 'tidal.cleared') ORDER BY seq`)
    .all(firstSeqFrom(db, range.fromIso)) as Array<{ type: string; at: string; data: string }>;
  const open = new Map<string, TidalEpisode>();
  const episodes: TidalEpisode[] = [];
  for (const row of rows) {
    const data = JSON.parse(row.data) as { group: string; since?: string; reason?: TidalEpisode['reason'] };
    if (row.type === 'tidal.alert') {
      if (open.has(data.group) || row.at >= range.untilIso) continue;
      const episode: TidalEpisode = { group: data.group, since: data.since ?? row.at, clearedAt: null, reason: null };
      open.set(data.group, episode);
      episodes.push(episode);
    } else {
      const episode = open.get(data.group);
      if (!episode) continue;
      episode.clearedAt = row.at;
      episode.reason = data.reason ?? null;
      open.delete(data.group);
    }
  }
  return episodes;
}

export function gatherInspection(
  db: Database,
  range: MonthRange,
  today: string,
  pack: { packId: string; version: number },
): Omit<InspectionInput, 'month' | 'pack' | 'utcOffsetMinutes'> {
  const ratings = db
    .prepare(`SELECT coalesce(sum(rated), 0) AS rated, coalesce(sum(bad), 0) AS bad FROM rating_daily WHERE day BETWEEN ? AND ?`)
    .get(range.firstDay, range.lastDay) as { rated: number; bad: number };
  const cases = db
    .prepare(
      `SELECT
         coalesce(sum(CASE WHEN state NOT IN ${CLOSED} AND due_on < ? THEN 1 ELSE 0 END), 0) AS openOverdue,
         coalesce(sum(CASE WHEN state = '已反馈办结' THEN 1 ELSE 0 END), 0) AS due,
         coalesce(sum(CASE WHEN state = '已反馈办结' AND closed_on <= due_on THEN 1 ELSE 0 END), 0) AS closedOnTime,
         coalesce(sum(CASE WHEN state = '已反馈办结' AND closed_on > due_on THEN 1 ELSE 0 END), 0) AS closedLate
       FROM rating_cases WHERE due_on BETWEEN ? AND ?`,
    )
    .get(today, range.firstDay, range.lastDay) as InspectionInput['cases'];
  const padWindows = (
    db.prepare(`SELECT DISTINCT window FROM terminals WHERE role = 'pad' AND revoked = 0 AND window IS NOT NULL`).all() as Array<{ window: number }>
  ).map((r) => r.window);
  const activated = db
    .prepare(`SELECT min(at) AS at FROM pack_history WHERE action = 'activated' AND pack_id = ? AND version = ?`)
    .get(pack.packId, pack.version) as { at: string | null };
  return {
    ratings,
    served: { items: served(db, 'service_code', range), windows: served(db, 'window', range), staff: served(db, 'staff_id', range) },
    padWindows,
    cases,
    tidal: tidalEpisodes(db, range),
    activatedAt: activated.at,
  };
}
