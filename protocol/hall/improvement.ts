// The improvement loop of DB21/T 4402 §11.2: monthly records of a problem (from 差评 reasons and the statistics), the
// measure, the responsible person, the due date and the result. 大厅负责人 edits, 值班长 views. Browser-safe.
import { z } from 'zod';
import { endpoint } from './endpoint.ts';
import { OWNER_ONLY, RUNS_THE_HALL } from './access.ts';

const Day = z.iso.date();

export const ImprovementInput = z.strictObject({
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM'),
  problem: z.string().trim().min(2).max(200),
  /** Where the problem came from, e.g. "差评原因：等候时间长（7 次）". */
  source: z.string().trim().min(2).max(200),
  measure: z.string().trim().min(2).max(400),
  responsible: z.string().trim().min(1).max(40),
  dueOn: Day,
});

export const ImprovementResultInput = z.strictObject({ result: z.string().trim().min(2).max(400) });

export const ImprovementRecord = ImprovementInput.extend({
  id: z.string(),
  result: z.string().nullable(),
  closedOn: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
});
export type ImprovementRecord = z.infer<typeof ImprovementRecord>;

export const ImprovementList = z.strictObject({
  records: z.array(ImprovementRecord),
  /** The month's most frequent 差评 reasons, to draw problems from. */
  badReasons: z.array(z.strictObject({ reason: z.string(), count: z.number().int() })),
});

export const ImprovementEndpoints = {
  list: endpoint({ method: 'GET', path: '/api/admin/improvement', roles: ['admin'], staff: RUNS_THE_HALL, response: ImprovementList, summary: '整改记录（?month=YYYY-MM）与当月差评原因' }),
  create: endpoint({ method: 'POST', path: '/api/admin/improvement', roles: ['admin'], staff: OWNER_ONLY, body: ImprovementInput, response: ImprovementRecord, summary: '新增整改记录' }),
  close: endpoint({
    method: 'POST', path: '/api/admin/improvement/:id/result', roles: ['admin'], staff: OWNER_ONLY, body: ImprovementResultInput, response: ImprovementRecord, summary: '填写整改结果并办结',
  }),
};
