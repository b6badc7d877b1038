// The citizen endpoints as the hall and the region declare them (zod, for the servers and the API reference); the
// phone pages do not import this file (they check answers with protocol/citizen/progress.ts).
import { z } from 'zod';
import { endpoint } from '../hall/endpoint.ts';
import { PROGRESS_PATH, type TicketProgress } from './progress.ts';
import { PHONE_RATING_PATH, RATING_ID_PATTERN, type PhoneRatingAnswer, type PhoneRatingRequest } from './phone-rating.ts';

const RatedBySchema = z.strictObject({ at: z.string(), channel: z.enum(['窗口评价器', '二维码']) });

export const TicketProgressSchema = z.strictObject({
  number: z.string(),
  itemName: z.string(),
  state: z.enum(['waiting', 'called', 'missed', 'finished', 'expired']),
  window: z.number().int().positive().nullable(),
  peopleAhead: z.number().int().nonnegative(),
  estimateMinutes: z.number().int().nonnegative().nullable(),
  openWindows: z.number().int().nonnegative(),
  expiresAt: z.string(),
  version: z.number().int().nonnegative(),
  rating: RatedBySchema.nullable(),
  canRate: z.boolean(),
  badReasons: z.array(z.string()),
  ratingPending: z.boolean(),
}) satisfies z.ZodType<TicketProgress>;

export const PhoneRatingRequestSchema = z.strictObject({
  id: z.string().regex(RATING_ID_PATTERN, '评价编号格式不正确'),
  score: z.number().int().min(1).max(5),
  reasons: z.array(z.string().min(1).max(40)).max(12),
  phone: z.string().max(20),
  consent: z.boolean(),
}) satisfies z.ZodType<PhoneRatingRequest>;

export const PhoneRatingAnswerSchema = z.strictObject({
  state: z.enum(['accepted', 'pending', 'rated']),
  rating: RatedBySchema.nullable(),
}) satisfies z.ZodType<PhoneRatingAnswer>;

export const CitizenEndpoints = {
  progress: endpoint({
    method: 'GET', path: PROGRESS_PATH, roles: 'public', response: TicketProgressSchema,
    summary: 'A ticket\'s progress for the citizen\'s phone, by the token in the ticket\'s QR (404 when unknown or expired)',
  }),
  rate: endpoint({
    method: 'POST', path: PHONE_RATING_PATH, roles: 'public', body: PhoneRatingRequestSchema, response: PhoneRatingAnswerSchema,
    summary: '扫码评价: the citizen rates the finished service from the phone, by the ticket\'s token (201 stored, 200 a retry, '
      + '409 rated already with when and where; one rating per service across pad and phone)',
  }),
};
