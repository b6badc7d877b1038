// How a phone rating kept at the region reaches its hall and comes back settled, exactly once:
// 1. the hall pulls `GET /api/region/sites/:id/phone-ratings` (signed with the hall's key, like the appointment feed):
//    the site's phone ratings not yet settled, with the call-back phone opened (the feed is for that hall only);
// 2. the hall applies each through its ratings service (one rating per ticket: pad or phone, whichever came first)
//    and writes `citizen.rating.settled` to its durable log once per phone rating (a `rating.recorded` with channel
//    二维码 before it when accepted);
// 3. the normal push brings both to the region, which marks the rating settled and drops the phone it kept.
// A pull that repeats an item the hall has settled already changes nothing (the hall remembers what it settled).
// `citizen.reasons`: the hall's 差评 reasons (its pack's list, the pad's), written when they change, so the region's page
// offers the same list.
import { z } from 'zod';

export const PHONE_RATING_FEED_PATH = '/api/region/sites/:id/phone-ratings';

export const PhoneRatingFeedItem = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/),
  ticketId: z.string().min(1).max(80),
  score: z.number().int().min(1).max(5),
  reasons: z.array(z.string().min(1).max(40)).max(12),
  phone: z.string().max(20),
  consent: z.boolean(),
  /** When the region received it (the phone's press), ISO. */
  ratedAt: z.iso.datetime(),
});
export type PhoneRatingFeedItem = z.infer<typeof PhoneRatingFeedItem>;

export const PhoneRatingFeed = z.strictObject({ ratings: z.array(PhoneRatingFeedItem).max(500) });
export type PhoneRatingFeed = z.infer<typeof PhoneRatingFeed>;

/** accepted: stored as the service's rating; rated: the service was rated first (by the pad); refused: not a valid
 * rating for this hall (e.g. a reason not in its list, the finish undone). */
export const PhoneRatingOutcome = z.enum(['accepted', 'rated', 'refused']);
export type PhoneRatingOutcome = z.infer<typeof PhoneRatingOutcome>;

/** Event `citizen.rating.settled` (durable log only). */
export const PhoneRatingSettledRecord = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/),
  ticketId: z.string().min(1).max(80),
  outcome: PhoneRatingOutcome,
  /** The rating that stands for the service (the phone's own when accepted); null when refused. */
  ratedAt: z.iso.datetime().nullable(),
  channel: z.enum(['窗口评价器', '二维码']).nullable(),
});
export type PhoneRatingSettledRecord = z.infer<typeof PhoneRatingSettledRecord>;

/** Event `citizen.reasons` (durable log only). */
export const CitizenReasonsRecord = z.strictObject({ badReasons: z.array(z.string().min(1).max(40)).min(1).max(12) });
export type CitizenReasonsRecord = z.infer<typeof CitizenReasonsRecord>;
