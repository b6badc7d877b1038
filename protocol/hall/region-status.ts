// The state of a hall's link to its region as the health answer and the console show it. Zod only (no import from
// the rest of protocol/hall, so common.ts can take it into the health answer).
import { z } from 'zod';

/** not_enrolled: no region yet; syncing: pushing or caught up; retrying: the region could not be reached or answered
 * an error, the next attempt is scheduled; fenced: the region refuses this hall's log (its message says why); stopped:
 * the region no longer knows this hall's key (enrol again). */
export const RegionLinkState = z.enum(['not_enrolled', 'syncing', 'retrying', 'fenced', 'stopped']);
export type RegionLinkState = z.infer<typeof RegionLinkState>;

export const RegionLinkHealth = z.strictObject({
  state: RegionLinkState,
  siteId: z.string().nullable(),
  /** Highest seq of this hall the region holds, as it last answered. */
  heldThrough: z.number().int().nonnegative(),
  /** This hall's newest event seq. */
  headSeq: z.number().int().nonnegative(),
  /** For people (Chinese): the region's refusal or why the last attempt failed; null when all is well. */
  message: z.string().nullable(),
});
export type RegionLinkHealth = z.infer<typeof RegionLinkHealth>;
