// How often the hall issued tickets per item lately: the kiosk's 长辈模式 orders its 常办事项 page by the hall's own
// counts rather than by a list someone guessed. Browser-safe.
import { z } from 'zod';
import { endpoint } from './endpoint.ts';
import { OWNER_ONLY } from './access.ts';

/** The window the counts cover, in business days up to and including today. */
export const ITEM_COUNT_DAYS = 30;

export const ItemCountsResponse = z.strictObject({
  /** First business day counted (YYYY-MM-DD). */
  since: z.string(),
  days: z.number().int().min(1),
  /** Tickets issued per item code in those days; items without a ticket are left out. */
  counts: z.array(z.strictObject({ code: z.string(), issued: z.number().int().min(0) })),
});
export type ItemCountsResponse = z.infer<typeof ItemCountsResponse>;

export const ItemCountEndpoints = {
  itemCounts: endpoint({
    method: 'GET', path: '/api/queue/item-counts', roles: ['kiosk', 'admin'], staff: OWNER_ONLY, response: ItemCountsResponse,
    summary: 'Tickets issued per item over the last 30 business days (the kiosk’s 常办事项)',
  }),
};
