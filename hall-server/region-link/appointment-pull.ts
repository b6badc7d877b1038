// Pulls the site's appointments for the coming days from the region (a GET signed with the hall's key, like the pack
// pull) and hands them to the appointments module, which keeps them in the hall's SQLite so check-in works offline.
import type { KeyObject } from 'node:crypto';
import { APPOINTMENT_FEED_PATH, AppointmentFeed } from '../../protocol/citizen/appointments.ts';
import { endpointPath } from '../../protocol/hall/endpoint.ts';
import { signedGetJson } from './client.ts';
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
  const feed = await signedGetJson(link.region_url, link.site_id, path, deps.key().privateKey, deps.now(), AppointmentFeed, 'an appointment feed', FEED_TIMEOUT_MS);
  return deps.apply(feed);
}
