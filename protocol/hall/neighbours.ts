// The `neighbours` part of a kiosk's snapshot (and the `neighbours.changed` event that replaces it): the two nearest
// sites the pack names, each with its waiting count as the region last reported it — or none, when the region is
// unreachable, the site silent or the answer old. The hall decides; the kiosk shows what it is given.
import { z } from 'zod';

/** The kiosk home shows this many neighbours (the first of the pack's list, nearest first). */
export const NEIGHBOURS_SHOWN = 2;

export const NeighbourView = z.strictObject({
  siteId: z.string(),
  name: z.string(),
  /** waiting: `waiting` people now; closed: the site is not serving now; none: no current data (暂无数据). */
  state: z.enum(['waiting', 'closed', 'none']),
  waiting: z.number().int().nonnegative().nullable(),
});
export type NeighbourView = z.infer<typeof NeighbourView>;

export const NeighboursSnapshot = z.strictObject({ sites: z.array(NeighbourView).max(NEIGHBOURS_SHOWN) });
export type NeighboursSnapshot = z.infer<typeof NeighboursSnapshot>;
