// Asks the region for the neighbouring sites' counts (a GET signed with the hall's key, as the appointment feed pull):
// the kiosk home shows the two nearest sites' waiting counts when the pack names them.
import type { KeyObject } from 'node:crypto';
import { NEIGHBOURS_PATH, NeighboursAnswer } from '../../protocol/citizen/site-endpoints.ts';
import { endpointPath } from '../../protocol/hall/endpoint.ts';
import { signedGetJson } from './client.ts';
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
  return signedGetJson(link.region_url, link.site_id, path, deps.key().privateKey, deps.now(), NeighboursAnswer, 'a neighbours answer', NEIGHBOURS_TIMEOUT_MS);
}
