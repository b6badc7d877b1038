// Test helper: a site of the region that reports — a stand-in hall enrolled at the region that pushes tickets waiting
// for items and staffed windows, as a real hall's link pushes its event log.
import type pg from 'pg';
import { createEnrolmentCode, createSite } from '../../region-server/sites/enrol.ts';
import type { SiteLevel } from '../../protocol/region/sync.ts';
import { StandInHall } from './region.ts';
import { ticketView } from './region-console.ts';

export interface ReportingSite {
  hall: StandInHall;
  /** Pushes `waiting` tickets per item (issued now) and `windows` staffed windows; resolves once stored. */
  report(waiting: Array<{ code: string; name: string; count: number }>, windows: number): Promise<void>;
}

let ticketNo = 0;

export async function reportingSite(pool: pg.Pool, regionUrl: string, site: { id: string; name: string; level: SiteLevel }): Promise<ReportingSite> {
  await createSite(pool, site, 'test');
  const hall = new StandInHall(regionUrl);
  const enrolled = await hall.enrol(await createEnrolmentCode(pool, site.id, 'test'));
  if (enrolled.status !== 200) throw new Error(`enrol ${site.id}: ${enrolled.status}`);
  return {
    hall,
    async report(waiting, windows) {
      const from = hall.headSeq + 1;
      const at = new Date().toISOString();
      for (const item of waiting) {
        for (let i = 0; i < item.count; i++) {
          ticketNo++;
          const ticket = ticketView({ id: `${site.id}-t${ticketNo}`, number: `A${String(ticketNo).padStart(3, '0')}`, serviceCode: item.code, serviceName: item.name, status: 'waiting', issuedAt: at });
          hall.append({ type: 'ticket.issued', at, data: { ticket } });
        }
      }
      for (let w = 1; w <= windows; w++) {
        hall.append({ type: 'window.changed', at, data: { window: { number: w, name: `${w}号窗口`, services: [], group: 'g', tidal: false, paused: false, staffId: `2010${w}`, staffName: '王*', current: null, held: [], recallCooldownUntil: null, undoable: null } } });
      }
      await hall.pushAll(from, 500);
    },
  };
}
