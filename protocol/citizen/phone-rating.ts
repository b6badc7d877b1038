// POST /api/citizen/tickets/:token/rating — 扫码评价, the phone's 好差评 channel (二维码). The hall answers it itself when
// the phone is on its Wi-Fi; the region keeps it until the hall has pulled and settled it. Browser-safe and zod-free:
// the phone page imports it and must stay small (the servers' zod schemas are in endpoints.ts).
import type { RatedBy } from './progress.ts';

export const PHONE_RATING_PATH = '/api/citizen/tickets/:token/rating';
export const phoneRatingPath = (token: string): string => `/api/citizen/tickets/${encodeURIComponent(token)}/rating`;

/** What the phone sends; the same rules as the pad's rating (protocol/rules/levels.ts `ratingProblem`) with no comment. */
export interface PhoneRatingRequest {
  /** Made by the page before the first try: a retry with the same id and body answers the same. */
  id: string;
  score: number;
  reasons: string[];
  /** Call-back phone for a 差评, '' when none was given. */
  phone: string;
  consent: boolean;
}

/** accepted: stored by the hall. pending: kept at the region, on its way to the hall. rated: this service was rated
 * already (by the pad, or by an earlier submission): `rating` says when and where. */
export type PhoneRatingState = 'accepted' | 'pending' | 'rated';

export interface PhoneRatingAnswer {
  state: PhoneRatingState;
  rating: RatedBy | null;
}

/** Statuses: 201 accepted (new), 200 the same answer again (a retry), 202 pending at the region, 409 rated already. */
export const PENDING_MESSAGE = '评价已提交，正在送达大厅';

export const RATING_ID_PATTERN = /^[A-Za-z0-9_-]{8,64}$/;

export function readPhoneRatingAnswer(value: unknown): PhoneRatingAnswer | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  if (v['state'] !== 'accepted' && v['state'] !== 'pending' && v['state'] !== 'rated') return null;
  const r = v['rating'] as Record<string, unknown> | null;
  if (r !== null && (typeof r !== 'object' || typeof r['at'] !== 'string' || (r['channel'] !== '窗口评价器' && r['channel'] !== '二维码'))) return null;
  return { state: v['state'], rating: r === null ? null : { at: r['at'] as string, channel: r['channel'] as RatedBy['channel'] } };
}
