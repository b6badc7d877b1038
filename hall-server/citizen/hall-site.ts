// The hall's own site page answer (pure): a hall without a region link serves /s/hall on its Wi-Fi the same way it
// serves /t/<token>, from its own queue — live by definition (the hall is the source). Neighbours are left out: their
// pages live at the region, which this hall does not reach.
import type { Manifest } from '../../content/schema/index.ts';
import type { SiteNow } from '../../protocol/citizen/site-now.ts';
import { SITE_LEVEL_LABELS } from '../../protocol/region/sync.ts';
import { openingState, type TimeRange } from '../../protocol/rules/opening-hours.ts';
import type { CompiledCalendar } from '../../protocol/rules/workdays.ts';

export interface HallSiteInput {
  siteId: string;
  manifest: Pick<Manifest, 'hall' | 'site'>;
  /** Every item with today's figures. */
  services: ReadonlyArray<{ name: string; waiting: number; issuedToday: number; issuingHours: readonly TimeRange[] }>;
  windowsOpen: number;
  calendar: CompiledCalendar;
  utcOffsetMinutes: number;
  nowMs: number;
}

export function hallSiteNow(input: HallSiteInput): SiteNow {
  const { manifest, nowMs } = input;
  const opening = openingState(input.services.flatMap((s) => s.issuingHours), input.calendar, nowMs, input.utcOffsetMinutes);
  const at = new Date(nowMs).toISOString();
  return {
    siteId: input.siteId,
    name: manifest.hall.name,
    levelName: manifest.site ? SITE_LEVEL_LABELS[manifest.site.level] : `${manifest.hall.level}医保经办大厅`,
    address: manifest.hall.address,
    hours: manifest.hall.hours,
    open: opening.open,
    closesAt: opening.open ? new Date(opening.closesAtMs).toISOString() : null,
    opensAt: !opening.open && opening.opensAtMs !== null ? new Date(opening.opensAtMs).toISOString() : null,
    live: true,
    lastReportAt: at,
    windowsOpen: input.windowsOpen,
    // The items that issued today (0 waiting included), as the region lists them.
    waiting: input.services.filter((s) => s.issuedToday > 0 || s.waiting > 0).map((s) => ({ itemName: s.name, waiting: s.waiting })),
    neighbours: [],
    at,
  };
}
