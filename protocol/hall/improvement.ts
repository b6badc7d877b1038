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
  /** The month listed ("YYYY-MM"): the one asked for, else the hall's current month. */
  month: z.string(),
  records: z.array(ImprovementRecord),
  /** The month's most frequent 差评 reasons, to draw problems from. */
  badReasons: z.array(z.strictObject({ reason: z.string(), count: z.number().int() })),
  /** The month's items and windows with the lowest satisfaction (those with a 差评), to draw problems from. */
  lowest: z.array(z.strictObject({
    kind: z.enum(['item', 'window']),
    name: z.string(),
    rated: z.number().int(),
    bad: z.number().int(),
    /** Share of ratings that are not 差评, 0..1. */
    satisfaction: z.number(),
  })),
});

/** 整改公示: what a closed record shows the public (call board notice line, kiosk 信息公开). */
export const PublishedImprovement = z.strictObject({
  month: z.string(),
  problem: z.string(),
  measure: z.string(),
  result: z.string(),
  closedOn: z.iso.date(),
});
export type PublishedImprovement = z.infer<typeof PublishedImprovement>;
/** How long a closed record stays in the 整改公示 (days after closing). */
export const PUBLISHED_FOR_DAYS = 90;

/** `?month=YYYY-MM`; absent, or not of that form: the hall's current month (the hall fills it in). */
export const ImprovementListQuery = z.object({
  month: z
    .string()
    .optional()
    .transform((v) => (v !== undefined && /^\d{4}-\d{2}$/.test(v) ? v : undefined)),
});
export type ImprovementListQuery = z.input<typeof ImprovementListQuery>;

export const ImprovementEndpoints = {
  list: endpoint({
    method: 'GET', path: '/api/admin/improvement', roles: ['admin'], staff: RUNS_THE_HALL, query: ImprovementListQuery, response: ImprovementList,
    summary: '整改记录（?month=YYYY-MM）与当月差评原因',
  }),
  create: endpoint({ method: 'POST', path: '/api/admin/improvement', roles: ['admin'], staff: OWNER_ONLY, body: ImprovementInput, response: ImprovementRecord, summary: '新增整改记录' }),
  close: endpoint({
    method: 'POST', path: '/api/admin/improvement/:id/result', roles: ['admin'], staff: OWNER_ONLY, body: ImprovementResultInput, response: ImprovementRecord, summary: '填写整改结果并办结',
  }),
  published: endpoint({
    method: 'GET', path: '/api/improvement/published', roles: ['kiosk', 'board', 'admin'],
    response: z.strictObject({ records: z.array(PublishedImprovement) }),
    summary: `整改公示：近 ${PUBLISHED_FOR_DAYS} 天内办结的整改记录，最近的在前`,
  }),
};
