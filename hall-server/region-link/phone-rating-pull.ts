// Pulls the site's phone ratings (扫码评价 sent to the region) with a GET signed by the hall's key, like the appointment
// feed, and hands them to the citizen module, which settles each once through the ratings service. The settlement
// reaches the region with the next push of the durable log.
import { sign, type KeyObject } from 'node:crypto';
import { PHONE_RATING_FEED_PATH, PhoneRatingFeed } from '../../protocol/citizen/phone-rating-link.ts';
import { endpointPath } from '../../protocol/hall/endpoint.ts';
import { SITE_HEADER, SYNC_SIGNATURE_HEADER, TIME_HEADER, requestToSign } from '../../protocol/region/sync.ts';
import { RegionRefusal, RegionUnreachable } from './client.ts';
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
  if (res.status >= 400) throw new RegionRefusal(res.status, 'phone_ratings_refused', `区域中心拒绝了扫码评价同步（HTTP ${res.status}）`, undefined);
  const feed = PhoneRatingFeed.safeParse(body);
  if (!feed.success) throw new RegionUnreachable('the region sent a phone rating feed that does not parse');
  return deps.apply(feed.data);
}
