// The citizen endpoints as the hall and the region declare them (zod, for the servers and the API reference); the
// phone pages do not import this file (they check answers with protocol/citizen/progress.ts).
import { z } from 'zod';
import { endpoint } from '../hall/endpoint.ts';
import { PROGRESS_PATH, type TicketProgress } from './progress.ts';

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
  rating: z.strictObject({ at: z.string(), channel: z.enum(['窗口评价器', '二维码']) }).nullable(),
}) satisfies z.ZodType<TicketProgress>;

export const CitizenEndpoints = {
  progress: endpoint({
    method: 'GET', path: PROGRESS_PATH, roles: 'public', response: TicketProgressSchema,
    summary: 'A ticket\'s progress for the citizen\'s phone, by the token in the ticket\'s QR (404 when unknown or expired)',
  }),
};
