// Pulls the site's phone ratings (扫码评价 sent to the region) with a GET signed by the hall's key, like the appointment
// feed, and hands them to the citizen module, which settles each once through the ratings service. The settlement
// reaches the region with the next push of the durable log.
import type { KeyObject } from 'node:crypto';
import { PHONE_RATING_FEED_PATH, PhoneRatingFeed } from '../../protocol/citizen/phone-rating-link.ts';
import { endpointPath } from '../../protocol/hall/endpoint.ts';
import { signedGetJson } from './client.ts';
import type { LinkStore } from './store.ts';

const FEED_TIMEOUT_MS = 15_000;

export interface PhoneRatingPullDeps {
  store: LinkStore;
  key(): { privateKey: KeyObject };
  now(): Date;
  apply(feed: PhoneRatingFeed): number;
}

/** One pull; throws RegionUnreachable / RegionRefusal for the caller to log. Answers how many ratings were settled now. */
export async function pullPhoneRatings(deps: PhoneRatingPullDeps): Promise<number> {
  const link = deps.store.get();
  if (!link || link.stop_code) return 0;
  const path = endpointPath(PHONE_RATING_FEED_PATH, { id: link.site_id });
  const feed = await signedGetJson(link.region_url, link.site_id, path, deps.key().privateKey, deps.now(), PhoneRatingFeed, 'a phone rating feed', FEED_TIMEOUT_MS);
  return deps.apply(feed);
}
