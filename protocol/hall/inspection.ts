// 示范点 self-inspection (seeds 003, 004; DB21/T 4402): the indicators a hall can prove from its own data and its active
// pack, one month at a time. Shared by the hall-server (which computes them) and the console page. Browser-safe.
import { z } from 'zod';
import { endpoint } from './endpoint.ts';
import { queryIssue } from './query.ts';
import { OWNER_ONLY } from './access.ts';

export const IndicatorStatus = z.enum(['pass', 'fail', 'no_data']);
export type IndicatorStatus = z.infer<typeof IndicatorStatus>;

export const INDICATOR_IDS = [
  'channels',
  'online-share',
  'windows',
  'satisfaction',
  'coverage-items',
  'coverage-people',
  'coverage-channels',
  'cases-on-time',
  'tidal',
  'disclosure',
  'slogan',
] as const;
export const IndicatorId = z.enum(INDICATOR_IDS);
export type IndicatorId = z.infer<typeof IndicatorId>;

export const Indicator = z.strictObject({
  id: IndicatorId,
  /** Where the requirement is written, e.g. "示范点指标 9 · 服务渠道". */
  clause: z.string(),
  title: z.string(),
  /** What the standard asks, in words a hall manager reads, e.g. "不少于 4 种". */
  target: z.string(),
  /** What the hall has, e.g. "5 种（窗口、网络、电话、移动终端、自助）". */
  figure: z.string(),
  status: IndicatorStatus,
  /** Why it failed or what is missing; empty when it passed. */
  detail: z.string(),
});
export type Indicator = z.infer<typeof Indicator>;

/** A month of the hall calendar, "YYYY-MM". */
export const InspectionMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM，例如 2026-11');

export const InspectionReport = z.strictObject({
  month: InspectionMonth,
  hallName: z.string(),
  packVersion: z.number().int(),
  generatedAt: z.string(),
  indicators: z.array(Indicator),
  passed: z.number().int(),
  failed: z.number().int(),
});
export type InspectionReport = z.infer<typeof InspectionReport>;

/** `?month=YYYY-MM`; absent: the current hall month. */
export const InspectionQuery = z.object({
  month: z.string().refine((v) => InspectionMonth.safeParse(v).success, queryIssue('bad_month', '月份格式应为 YYYY-MM，例如 2026-11')).optional(),
});
export type InspectionQuery = z.input<typeof InspectionQuery>;

export const InspectionEndpoints = {
  report: endpoint({
    method: 'GET', path: '/api/admin/inspection', roles: ['admin'], staff: OWNER_ONLY, query: InspectionQuery, response: InspectionReport,
    summary: '示范点自查：按月从本厅数据和当前内容包计算各项指标',
  }),
};

export const STATUS_LABELS: Record<IndicatorStatus, string> = { pass: '达标', fail: '未达标', no_data: '本月无数据' };
