// Asks the region for the neighbouring sites' counts (a GET signed with the hall's key, as the appointment feed pull):
// the kiosk home shows the two nearest sites' waiting counts when the pack names them.
import { sign, type KeyObject } from 'node:crypto';
import { NEIGHBOURS_PATH, NeighboursAnswer } from '../../protocol/citizen/site-endpoints.ts';
import { endpointPath } from '../../protocol/hall/endpoint.ts';
import { SITE_HEADER, SYNC_SIGNATURE_HEADER, TIME_HEADER, requestToSign } from '../../protocol/region/sync.ts';
import { RegionRefusal, RegionUnreachable } from './client.ts';
import type { LinkStore } from './store.ts';

const NEIGHBOURS_TIMEOUT_MS = 10_000;

export interface NeighbourPullDeps {
  store: LinkStore;
  key(): { privateKey: KeyObject };
  now(): Date;
}

/** The counts of `siteIds` as the region has them; null when the hall is not enrolled (or its link was stopped).
 * Throws RegionUnreachable / RegionRefusal for the caller to log. */
export async function pullNeighbours(deps: NeighbourPullDeps, siteIds: readonly string[]): Promise<NeighboursAnswer | null> {
  const link = deps.store.get();
  if (!link || link.stop_code) return null;
  const path = `${endpointPath(NEIGHBOURS_PATH, { id: link.site_id })}?sites=${siteIds.join(',')}`;
  const time = deps.now().toISOString();
  let res: Response;
  try {
    res = await fetch(`${link.region_url.replace(/\/+$/, '')}${path}`, {
      headers: {
        [SITE_HEADER]: link.site_id,
        [TIME_HEADER]: time,
        [SYNC_SIGNATURE_HEADER]: sign(null, Buffer.from(requestToSign('GET', path, time)), deps.key().privateKey).toString('base64'),
      },
      signal: AbortSignal.timeout(NEIGHBOURS_TIMEOUT_MS),
    });
  } catch (err) {
    throw new RegionUnreachable(`region not reachable: ${(err as Error).message}`);
  }
  if (res.status >= 500) throw new RegionUnreachable(`region answered ${res.status}`);
  const body: unknown = await res.json().catch(() => null);
  if (res.status >= 400) throw new RegionRefusal(res.status, 'neighbours_refused', `区域中心拒绝了邻近站点查询（HTTP ${res.status}）`, undefined);
  const answer = NeighboursAnswer.safeParse(body);
  if (!answer.success) throw new RegionUnreachable('the region sent a neighbours answer that does not parse');
  return answer.data;
}
