// Pulls the site's appointments for the coming days from the region (a GET signed with the hall's key, like the pack
// pull) and hands them to the appointments module, which keeps them in the hall's SQLite so check-in works offline.
import { sign, type KeyObject } from 'node:crypto';
import { APPOINTMENT_FEED_PATH, AppointmentFeed } from '../../protocol/citizen/appointments.ts';
import { endpointPath } from '../../protocol/hall/endpoint.ts';
import { SITE_HEADER, SYNC_SIGNATURE_HEADER, TIME_HEADER, requestToSign } from '../../protocol/region/sync.ts';
import { RegionRefusal, RegionUnreachable } from './client.ts';
import type { LinkStore } from './store.ts';

const FEED_TIMEOUT_MS = 30_000;

export interface AppointmentPullDeps {
  store: LinkStore;
  key(): { privateKey: KeyObject };
  now(): Date;
  apply(feed: AppointmentFeed): number;
}

/** One pull; throws RegionUnreachable / RegionRefusal for the caller to log. Answers how many bookings changed. */
export async function pullAppointments(deps: AppointmentPullDeps): Promise<number> {
  const link = deps.store.get();
  if (!link || link.stop_code) return 0;
  const path = endpointPath(APPOINTMENT_FEED_PATH, { id: link.site_id });
  const time = deps.now().toISOString();
  let res: Response;
  try {
    res = await fetch(`${link.region_url.replace(/\/+$/, '')}${path}`, {
      headers: {
        [SITE_HEADER]: link.site_id,
        [TIME_HEADER]: time,
        [SYNC_SIGNATURE_HEADER]: sign(null, Buffer.from(requestToSign('GET', path, time)), deps.key().privateKey).toString('base64'),
      },
      signal: AbortSignal.timeout(FEED_TIMEOUT_MS),
    });
  } catch (err) {
    throw new RegionUnreachable(`region not reachable: ${(err as Error).message}`);
  }
  if (res.status >= 500) throw new RegionUnreachable(`region answered ${res.status}`);
  const body: unknown = await res.json().catch(() => null);
  if (res.status >= 400) throw new RegionRefusal(res.status, 'appointments_refused', `区域中心拒绝了预约同步（HTTP ${res.status}）`, undefined);
  const feed = AppointmentFeed.safeParse(body);
  if (!feed.success) throw new RegionUnreachable('the region sent an appointment feed that does not parse');
  return deps.apply(feed.data);
}
