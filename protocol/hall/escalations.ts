// 差评 follow-up past its deadline (国办发〔2019〕51号; DB21/T 4402 §11): the case is escalated to the 大厅负责人 and
// shown on the console and on the counter panel of the window it concerns, until the case is closed. Browser-safe.
import { z } from 'zod';
import { Timestamp, WindowNumber } from './common.ts';
import { endpoint } from './endpoint.ts';

/** One escalated case: no personal data, only what the window and the 大厅负责人 need to act on it. */
export const CaseEscalation = z.strictObject({
  caseId: z.string(),
  window: WindowNumber,
  ticketNumber: z.string(),
  serviceName: z.string(),
  /** The working-day deadline the case passed (a hall calendar date). */
  dueOn: z.iso.date(),
  escalatedAt: Timestamp,
});
export type CaseEscalation = z.infer<typeof CaseEscalation>;

export const CaseEscalationCleared = z.strictObject({ caseId: z.string(), window: WindowNumber });

/** The `escalation` part of a counter panel's snapshot: the open escalations of its window. */
export const EscalationSnapshot = z.strictObject({ open: z.array(CaseEscalation) });

export const EscalationEndpoints = {
  list: endpoint({
    method: 'GET', path: '/api/admin/escalations', roles: ['admin'], response: z.strictObject({ escalations: z.array(CaseEscalation) }),
    summary: '已超期未办结、上报大厅负责人的差评回访',
  }),
};

/** The line a console or a counter panel shows for an escalation, in Chinese. */
export function escalationLine(e: CaseEscalation): string {
  const [, month, day] = e.dueOn.split('-').map(Number);
  return `${e.window}号窗口 ${e.ticketNumber} 号（${e.serviceName}）的差评回访已超过 ${month}月${day}日 的办结时限，已上报大厅负责人，请尽快处理`;
}
