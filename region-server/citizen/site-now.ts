// A site now, at the region (protocol/citizen/site-now.ts), from what the region already holds: the site and its
// profile, the projections of its pushed events (today's tickets, its windows), the catalogue's issuing hours for its
// level and the region's holiday calendar. A site whose hall has been silent for SILENT_AFTER_MS answers its last
// report time and no counts: stale numbers are never shown as live.
import type { Pool } from 'pg';
import { SILENT_AFTER_MS, type SiteNow } from '../../protocol/citizen/site-now.ts';
import { SITE_LEVEL_LABELS, type SiteLevel } from '../../protocol/region/sync.ts';
import { siteProfileSchema } from '../../protocol/region/catalogue.ts';
import { DEFAULT_HALL_DAY, hallDayOf } from '../../protocol/rules/hall-day.ts';
import { openingState, type TimeRange } from '../../protocol/rules/opening-hours.ts';
import type { CompiledCalendar } from '../../protocol/rules/workdays.ts';
import { regionCalendar } from '../catalogue/calendar.ts';

interface SiteRow {
  id: string;
  name: string;
  level: SiteLevel;
  last_seen_at: Date | null;
  profile: unknown;
}

/** Hours change with the catalogue or the calendar, rarely: one read per level every few minutes. */
const HOURS_CACHE_MS = 5 * 60_000;

export class SiteNowReader {
  private readonly hours = new Map<SiteLevel, { at: number; sessions: TimeRange[]; calendar: CompiledCalendar }>();

  constructor(private readonly pool: Pool) {}

  /** The sites asked for that the region knows, in the order asked. */
  async read(siteIds: readonly string[], now: Date): Promise<SiteNow[]> {
    if (siteIds.length === 0) return [];
    const found = await this.pool.query<SiteRow>(
      `SELECT s.id, s.name, s.level, s.last_seen_at, p.profile FROM sites s LEFT JOIN site_profiles p ON p.site_id = s.id WHERE s.id = ANY($1)`,
      [siteIds],
    );
    const byId = new Map(found.rows.map((r) => [r.id, r]));
    const out: SiteNow[] = [];
    for (const id of siteIds) {
      const row = byId.get(id);
      if (row) out.push(await this.one(row, now));
    }
    return out;
  }

  private async one(row: SiteRow, now: Date): Promise<SiteNow> {
    const profile = siteProfileSchema.safeParse(row.profile);
    const hall = profile.success ? profile.data.hall : null;
    const live = row.last_seen_at !== null && now.getTime() - row.last_seen_at.getTime() <= SILENT_AFTER_MS;
    const { sessions, calendar } = await this.hoursOf(row.level, now.getTime());
    const opening = openingState(sessions, calendar, now.getTime(), DEFAULT_HALL_DAY.utcOffsetMinutes);
    const counts = live ? await this.counts(row.id, now) : { windowsOpen: null, waiting: [] };
    return {
      siteId: row.id,
      name: hall?.name ?? row.name,
      levelName: SITE_LEVEL_LABELS[row.level],
      address: hall?.address ?? null,
      hours: hall?.hours ?? [],
      open: opening.open,
      closesAt: opening.open ? new Date(opening.closesAtMs).toISOString() : null,
      opensAt: !opening.open && opening.opensAtMs !== null ? new Date(opening.opensAtMs).toISOString() : null,
      live,
      lastReportAt: row.last_seen_at?.toISOString() ?? null,
      ...counts,
      neighbours: (hall?.neighbours ?? []).filter((n) => n.siteId !== row.id),
      at: now.toISOString(),
    };
  }

  private async counts(siteId: string, now: Date): Promise<Pick<SiteNow, 'windowsOpen' | 'waiting'>> {
    const day = hallDayOf(now.getTime(), DEFAULT_HALL_DAY);
    const [windows, items] = await Promise.all([
      this.pool.query<{ n: string }>('SELECT count(*) AS n FROM site_windows WHERE site_id = $1 AND is_open', [siteId]),
      this.pool.query<{ item_name: string; waiting: string }>(
        `SELECT max(service_name) AS item_name, count(*) FILTER (WHERE status = 'waiting') AS waiting
         FROM site_tickets WHERE site_id = $1 AND day = $2 GROUP BY service_code ORDER BY service_code`,
        [siteId, day],
      ),
    ]);
    return {
      windowsOpen: Number(windows.rows[0]?.n ?? 0),
      waiting: items.rows.map((r) => ({ itemName: r.item_name, waiting: Number(r.waiting) })),
    };
  }

  /** The issuing hours of the items the level offers (catalogue) and the region's calendar. */
  private async hoursOf(level: SiteLevel, nowMs: number): Promise<{ sessions: TimeRange[]; calendar: CompiledCalendar }> {
    const cached = this.hours.get(level);
    if (cached && nowMs - cached.at < HOURS_CACHE_MS) return cached;
    const [ranges, calendar] = await Promise.all([
      this.pool.query<{ from_time: string; to_time: string }>(
        `SELECT DISTINCT r->>'from' AS from_time, r->>'to' AS to_time
         FROM catalogue_items c, jsonb_array_elements(c.item->'service'->'ticket'->'issuingHours') r
         WHERE jsonb_exists(c.item->'levels', $1)`,
        [level],
      ),
      regionCalendar(this.pool),
    ]);
    const entry = { at: nowMs, sessions: ranges.rows.map((r) => ({ from: r.from_time, to: r.to_time })), calendar };
    this.hours.set(level, entry);
    return entry;
  }
}
