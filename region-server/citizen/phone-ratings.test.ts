import { describe, expect, it } from 'vitest';
import { phoneRatingOffer } from './progress.ts';
import { phoneRatingRecords } from './phone-ratings.ts';

const REASONS = ['等候时间过长', '其他原因'];

describe('DB21/T 4402 §11.1.3: what the region\'s page offers the phone', () => {
  it('a finished, unrated ticket with the site\'s reasons known: the five levels', () => {
    expect(phoneRatingOffer(true, null, REASONS)).toEqual({ canRate: true, badReasons: REASONS, ratingPending: false });
  });
  it('a rating kept here, or accepted but its record not here yet: 正在送达大厅', () => {
    expect(phoneRatingOffer(true, 'pending', REASONS)).toEqual({ canRate: false, badReasons: [], ratingPending: true });
    expect(phoneRatingOffer(true, 'accepted', REASONS)).toEqual({ canRate: false, badReasons: [], ratingPending: true });
  });
  it('a refused rating may be replaced; a rated or unfinished ticket, or unknown reasons, offer nothing', () => {
    expect(phoneRatingOffer(true, 'refused', REASONS).canRate).toBe(true);
    expect(phoneRatingOffer(false, null, REASONS)).toEqual({ canRate: false, badReasons: [], ratingPending: false });
    expect(phoneRatingOffer(true, null, [])).toEqual({ canRate: false, badReasons: [], ratingPending: false });
  });
});

describe('the hall\'s records about phone ratings', () => {
  it('takes the settlements and the latest reasons of a batch, skipping malformed ones', () => {
    const at = '2026-11-02T01:00:00.000Z';
    const settled = { id: 'phone-rating-1', ticketId: 't1', outcome: 'accepted', ratedAt: at, channel: '二维码' };
    const events = [
      { seq: 1, type: 'citizen.reasons', at, data: { badReasons: ['旧原因'] } },
      { seq: 2, type: 'citizen.rating.settled', at, data: settled },
      { seq: 3, type: 'citizen.rating.settled', at, data: { ...settled, outcome: 'maybe' } },
      { seq: 4, type: 'citizen.reasons', at: '2026-11-02T02:00:00.000Z', data: { badReasons: REASONS } },
      { seq: 5, type: 'ticket.finished', at, data: {} },
    ];
    expect(phoneRatingRecords(events)).toEqual({ settled: [settled], reasons: { list: REASONS, at: '2026-11-02T02:00:00.000Z' } });
  });
});
