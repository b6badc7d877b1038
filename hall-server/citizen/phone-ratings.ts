// 扫码评价 at the hall: the phone's rating goes through the ratings service (the arbiter: one rating per ticket,
// whichever channel comes first; core/channel-rule.ts). Directly from a phone on the hall's Wi-Fi, or from the region's
// feed, which the hall settles once per phone rating and answers with a `citizen.rating.settled` record.
import type { PhoneRatingAnswer, PhoneRatingRequest } from '../../protocol/citizen/phone-rating.ts';
import type { PhoneRatingFeed, PhoneRatingOutcome } from '../../protocol/citizen/phone-rating-link.ts';
import { ApiError, type HallApp } from '../core/module.ts';
import type { RatingService } from '../ratings/service.ts';
import { SettledStore } from './settled-store.ts';

const REASONS_KEY = 'reasons-published';

export class PhoneRatings {
  private readonly settled: SettledStore;

  constructor(private readonly app: HallApp, private readonly ratings: () => RatingService) {
    this.settled = new SettledStore(app.db);
  }

  /** A phone on the hall's network rates; runs inside the route's transaction. */
  rate(ticketId: string, req: PhoneRatingRequest): { status: number; body: PhoneRatingAnswer } {
    return this.ratings().submitPhone(ticketId, req);
  }

  /** Applies the region's pending phone ratings; answers how many were settled now (repeats of settled ones: none). */
  applyFeed(feed: PhoneRatingFeed): number {
    const log = this.app.log.child('citizen');
    let settledNow = 0;
    for (const item of feed.ratings) {
      if (this.settled.outcome(item.id) !== null) continue;
      this.app.tx(() => {
        if (this.settled.outcome(item.id) !== null) return;
        let outcome: PhoneRatingOutcome;
        const { ticketId, ratedAt, ...req } = item;
        try {
          outcome = this.ratings().submitPhone(ticketId, req, ratedAt).body.state === 'rated' ? 'rated' : 'accepted';
        } catch (err) {
          if (!(err instanceof ApiError)) throw err;
          // Never the phone number or the reasons in the log: the rating id and the refusal's code only.
          log.warn(`phone rating ${item.id} refused: ${err.code}`);
          outcome = 'refused';
        }
        const by = outcome === 'refused' ? null : this.ratings().ratedBy(ticketId);
        this.settled.settle(item.id, ticketId, outcome, this.app.now().getTime());
        this.app.events.publish('citizen.rating.settled', {
          id: item.id, ticketId, outcome, ratedAt: by ? new Date(by.at).toISOString() : null, channel: by?.channel ?? null,
        }, { roles: [] });
        settledNow++;
      });
    }
    return settledNow;
  }

  /** Tells the region the pack's 差评 reasons (the pad's list) when they differ from the last told. */
  publishReasons(badReasons: readonly string[]): void {
    const text = JSON.stringify(badReasons);
    if (badReasons.length === 0 || this.settled.state(REASONS_KEY) === text) return;
    this.app.tx(() => {
      this.settled.setState(REASONS_KEY, text);
      this.app.events.publish('citizen.reasons', { badReasons: [...badReasons] }, { roles: [] });
    });
  }
}
