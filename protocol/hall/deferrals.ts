// 容缺受理 (DB21/T 4402 §9.5) between the counter and the console: the counter records that it accepted a ticket's item
// with materials to follow; the console lists the open 补正 with their due dates, reminds before they lapse, marks
// them supplied, and counts them. Browser-safe.
import { z } from 'zod';
import { endpoint } from './endpoint.ts';
import { OWNER_ONLY, RUNS_THE_HALL } from './access.ts';

export const DeferralState = z.enum(['open', 'supplied', 'lapsed']);
export type DeferralState = z.infer<typeof DeferralState>;

export const DeferralView = z.strictObject({
  id: z.string(),
  ticketNumber: z.string(),
  serviceCode: z.string(),
  serviceName: z.string(),
  window: z.number().int(),
  /** Masked as on the ticket; null when the ticket carried no identity. */
  maskedName: z.string().nullable(),
  materials: z.array(z.string()),
  acceptedOn: z.string(),
  dueOn: z.string(),
  suppliedOn: z.string().nullable(),
  /** lapsed: past its due date without the materials (§9.5.10: treated as withdrawn). */
  state: DeferralState,
  /** Working days left until the due date (0 on the day itself); negative once past. */
  workingDaysLeft: z.number().int(),
  /** Open and at most REMIND_WORKING_DAYS left (§9.5.10: remind before the promise lapses). */
  remind: z.boolean(),
});
export type DeferralView = z.infer<typeof DeferralView>;

export const REMIND_WORKING_DAYS = 2;

export const RecordDeferralRequest = z.strictObject({
  ticketId: z.string().min(1).max(64),
  /** Names of the item's deferrable materials the citizen will supply later. */
  materials: z.array(z.string().min(1).max(40)).min(1).max(10),
});

export const DeferralStats = z.strictObject({
  month: z.string(),
  accepted: z.number().int(),
  supplied: z.number().int(),
  lapsed: z.number().int(),
  open: z.number().int(),
});

export const DeferralListResponse = z.strictObject({
  /** Open and lapsed 补正 (lapsed ones until the month after), soonest due first. */
  pending: z.array(DeferralView),
  stats: DeferralStats,
});
export type DeferralListResponse = z.infer<typeof DeferralListResponse>;

export const DeferralEndpoints = {
  record: endpoint({
    method: 'POST', path: '/api/windows/:window/deferrals', roles: ['counter', 'admin'], staff: RUNS_THE_HALL, body: RecordDeferralRequest,
    response: DeferralView, summary: '窗口按容缺受理当前号码：记录后补材料和补正期限',
  }),
  list: endpoint({ method: 'GET', path: '/api/admin/deferrals', roles: ['admin'], staff: OWNER_ONLY, response: DeferralListResponse, summary: '待补正的容缺受理和本月统计' }),
  supplied: endpoint({
    method: 'POST', path: '/api/admin/deferrals/:id/supplied', roles: ['admin'], staff: OWNER_ONLY, response: DeferralView, summary: '容缺材料已补齐',
  }),
};
