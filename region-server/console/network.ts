// All sites on one page: each site's row of `sites` with what the projections keep of it.
import type { Pool } from 'pg';
import type { SiteLevel } from '../../protocol/region/sync.ts';
import type { SiteOverview } from '../../protocol/region/console.ts';

interface Row {
  id: string;
  name: string;
  level: SiteLevel;
  public_key: string | null;
  last_seen_at: Date | null;
  held_through: string;
  fenced_at: Date | null;
  fence_reason: string | null;
  clock_skew_ms: number | null;
  running_pack_version: number | null;
  latest_pack_version: number | null;
  waiting_now: number | null;
  newest_event_at: Date | null;
  windows_open: string;
  windows_known: string;
  faults: Array<{ terminal: string; device: string; state: string; reason?: string }> | null;
}

const SELECT = `
  SELECT s.id, s.name, s.level, s.public_key, s.last_seen_at, s.held_through, s.fenced_at, s.fence_reason, s.clock_skew_ms,
    s.running_pack_version, (SELECT max(version) FROM site_packs p WHERE p.site_id = s.id) AS latest_pack_version,
    st.waiting_now, st.newest_event_at,
    (SELECT count(*) FROM site_windows w WHERE w.site_id = s.id AND w.is_open) AS windows_open,
    (SELECT count(*) FROM site_windows w WHERE w.site_id = s.id) AS windows_known,
    (SELECT json_agg(json_build_object('terminal', t.name, 'device', f.value->>'device', 'state', f.value->>'state', 'reason', f.value->>'reason'))
       FROM site_terminals t, jsonb_array_elements(t.faults) f WHERE t.site_id = s.id) AS faults
  FROM sites s LEFT JOIN site_status st ON st.site_id = s.id`;

const LEVEL_ORDER = "CASE s.level WHEN 'city' THEN 0 WHEN 'town' THEN 1 WHEN 'hospital' THEN 2 WHEN 'clinic' THEN 3 ELSE 4 END";

function overview(r: Row, now: Date): SiteOverview {
  return {
    id: r.id,
    name: r.name,
    level: r.level,
    enrolled: r.public_key !== null,
    lastSeenAt: r.last_seen_at?.toISOString() ?? null,
    waitingNow: r.waiting_now ?? 0,
    windowsOpen: Number(r.windows_open),
    windowsKnown: Number(r.windows_known),
    deviceFaults: (r.faults ?? []).map((f) => ({ terminal: f.terminal, device: f.device, state: f.state, ...(f.reason ? { reason: f.reason } : {}) })),
    packVersion: r.running_pack_version,
    latestPackVersion: r.latest_pack_version,
    syncLagMs: r.newest_event_at ? Math.max(0, now.getTime() - r.newest_event_at.getTime()) : null,
    heldThrough: Number(r.held_through),
    fenced: r.fenced_at !== null,
    fenceReason: r.fence_reason,
    clockSkewMs: r.clock_skew_ms,
  };
}

export async function networkOverview(pool: Pool, now = new Date()): Promise<SiteOverview[]> {
  const rows = await pool.query<Row>(`${SELECT} ORDER BY ${LEVEL_ORDER}, s.id`);
  return rows.rows.map((r) => overview(r, now));
}

export async function siteOverview(pool: Pool, siteId: string, now = new Date()): Promise<SiteOverview | null> {
  const rows = await pool.query<Row>(`${SELECT} WHERE s.id = $1`, [siteId]);
  return rows.rows[0] ? overview(rows.rows[0], now) : null;
}
