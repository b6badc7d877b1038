// Requests, responses and the snapshot part of the ratings module. Shared by the hall-server and the pages
// (pad, counter, admin); zod only, browser-safe.
import { z } from 'zod';
import { CASE_ACTIONS, CASE_STATES } from './cases.ts';
import { endpoint } from './endpoint.ts';
import { isIsoDate, oneOf, queryIssue } from './query.ts';
import { parseIsoDate } from '../rules/workdays.ts';
import { FOLLOWS_UP_CASES, OWNER_ONLY, RUNS_THE_HALL } from './access.ts';

export const RatingId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, '评价编号格式不正确');

/** Where the press came from: the touch screen or the physical rating keypad through the bridge. */
export const RatingSource = z.enum(['touch', 'keypad']);

export const SubmitRatingRequest = z.strictObject({
  /** Generated on the pad before the rating enters its outbox; the hall-server stores each id exactly once. */
  id: RatingId,
  ticketId: z.string().min(1).max(64),
  score: z.number().int().min(1).max(5),
  reasons: z.array(z.string().min(1).max(40)).max(12),
  comment: z.string().max(200),
  /** Call-back phone for a 差评, '' when none was given. Stored encrypted. */
  phone: z.string().max(20),
  consent: z.boolean(),
  source: RatingSource,
  /** When the citizen pressed (pad clock). */
  ratedAt: z.string().max(40),
});
export type SubmitRatingRequest = z.infer<typeof SubmitRatingRequest>;

export const SubmitRatingResponse = z.strictObject({
  id: z.string(),
  ticketId: z.string(),
  score: z.number().int(),
  /** True when this id was stored before (a retry): nothing was added. */
  duplicate: z.boolean(),
  caseId: z.string().nullable(),
});
export type SubmitRatingResponse = z.infer<typeof SubmitRatingResponse>;

/** A finished ticket waiting for its rating, as the pad shows it. */
export const RatingPrompt = z.strictObject({
  ticketId: z.string(),
  number: z.string(),
  serviceName: z.string(),
  caseNumber: z.string(),
  staffId: z.string().nullable(),
  finishedAt: z.string(),
  expiresAt: z.string(),
  /** Rated in 长辈模式: the ticket was issued in 长辈模式. */
  senior: z.boolean(),
});
export type RatingPrompt = z.infer<typeof RatingPrompt>;

export const StaffCard = z.strictObject({
  id: z.string(),
  name: z.string(),
  title: z.string().nullable(),
  partyMember: z.boolean(),
  stars: z.number().int(),
  photoUrl: z.string().nullable(),
});
export type StaffCard = z.infer<typeof StaffCard>;

/** The `ratings` part of the snapshot of a pad or counter. */
export const RatingsSnapshot = z.strictObject({
  window: z.number().int().nullable(),
  windowName: z.string().nullable(),
  slogan: z.string(),
  hallName: z.string(),
  staff: z.array(StaffCard),
  badReasons: z.array(z.string()),
  noRatingTimeoutSeconds: z.number().int(),
  minPressIntervalMs: z.number().int(),
  /** The window's pending prompt (after a reload), or null. */
  prompt: RatingPrompt.nullable(),
});
export type RatingsSnapshot = z.infer<typeof RatingsSnapshot>;

/** Published (to the window and admins) when a prompt ends without a rating. */
export const RatingUnratedEvent = z.strictObject({ ticketId: z.string(), window: z.number().int() });
/** Published (to the window and admins) when a rating is stored. */
/** `channel` and `at` (the press): a pad showing this ticket's prompt closes it with 已评价（二维码） when the phone was first. */
export const RatingStoredEvent = z.strictObject({
  ticketId: z.string(), window: z.number().int(), score: z.number().int(),
  channel: z.enum(['窗口评价器', '二维码']).optional(), at: z.string().optional(),
});
/** Published (to admins) when a 差评 case moves to another state. */
export const RatingCaseEvent = z.strictObject({ caseId: z.string(), state: z.enum(CASE_STATES) });

// ---- 差评 cases (admin)

export const CaseState = z.enum(CASE_STATES);
export const CaseAction = z.enum(CASE_ACTIONS);
export const DueFlag = z.enum(['overdue', 'due_soon', 'on_track', 'closed_on_time', 'closed_late', 'withdrawn']);

export const CaseStepView = z.strictObject({
  action: CaseAction,
  from: CaseState,
  to: CaseState,
  by: z.string(),
  at: z.string(),
  note: z.string(),
});

export const CaseView = z.strictObject({
  id: z.string(),
  ratingId: z.string(),
  caseNumber: z.string(),
  ticketNumber: z.string(),
  window: z.number().int(),
  staffId: z.string().nullable(),
  staffName: z.string().nullable(),
  serviceName: z.string(),
  score: z.number().int(),
  reasons: z.array(z.string()),
  comment: z.string(),
  /** Masked (138****5678); '' when none. */
  phone: z.string(),
  state: CaseState,
  openedOn: z.string(),
  dueOn: z.string(),
  closedOn: z.string().nullable(),
  flag: DueFlag,
  /** Working days from today to the due date (negative when overdue). */
  workingDaysLeft: z.number().int(),
  allowedActions: z.array(CaseAction),
  steps: z.array(CaseStepView),
});
export type CaseView = z.infer<typeof CaseView>;

export const CaseListResponse = z.strictObject({ today: z.string(), cases: z.array(CaseView) });
export type CaseListResponse = z.infer<typeof CaseListResponse>;
export const CaseActionRequest = z.strictObject({ action: CaseAction, note: z.string().min(1, '请填写处理说明').max(500) });
export type CaseActionRequest = z.infer<typeof CaseActionRequest>;

// ---- statistics (admin)

/** channel: the 好差评 channel a rating came by (评价器 touch screen or keys). */
export const StatsGroup = z.enum(['day', 'week', 'month', 'window', 'staff', 'service', 'channel']);
export type StatsGroup = z.infer<typeof StatsGroup>;

export const StatsRow = z.strictObject({
  key: z.string(),
  label: z.string(),
  finished: z.number().int(),
  rated: z.number().int(),
  unrated: z.number().int(),
  bad: z.number().int(),
  satisfaction: z.number().nullable(),
  average: z.number().nullable(),
  coverage: z.number().nullable(),
  cases: z.number().int(),
  closure: z.number().nullable(),
  onTime: z.number().nullable(),
  /** Mean seconds from ticket issue to first call / from start to finish, from the queue. */
  avgWaitSeconds: z.number().nullable(),
  avgServiceSeconds: z.number().nullable(),
  /** Mean seconds from the first call to 开始办理 (walk to the window), tickets whose start was pressed only. */
  avgWalkSeconds: z.number().nullable(),
  /** Per window only: seconds signed in without a ticket being served. */
  idleSeconds: z.number().nullable(),
});
export type StatsRow = z.infer<typeof StatsRow>;

export const StatsResponse = z.strictObject({
  from: z.string(),
  to: z.string(),
  group: StatsGroup,
  total: StatsRow,
  rows: z.array(StatsRow),
  target: z.number(),
});
export type StatsResponse = z.infer<typeof StatsResponse>;

export const ExportKind = z.enum(['upstream', 'full']);
export type ExportKind = z.infer<typeof ExportKind>;

export const RatingPromptResponse = z.strictObject({ prompt: RatingPrompt.nullable() });
export type RatingPromptResponse = z.infer<typeof RatingPromptResponse>;
export const SweepResponse = z.strictObject({ finished: z.number().int(), unrated: z.number().int(), purged: z.number().int() });

// ---- query parameters

const BAD_DATE = queryIssue('bad_range', '请选择正确的起止日期（格式如 2026-11-01）');
const REVERSED = queryIssue('bad_range', '结束日期不能早于开始日期');
/** A statistics or export range may span about a year. */
const MAX_RANGE_DAYS = 400;
/** Days from one date to another; 0 while either is not a real date (its own field reports that). */
const daysBetween = (from: string, to: string) => (isIsoDate(from) && isIsoDate(to) ? parseIsoDate(to) - parseIsoDate(from) : 0);

/** The case list's optional filters: `open` 1 or 0, `from` and `to` real dates (an empty one is left out). */
export const CaseListQuery = z
  .object({
    open: z.string().refine((v) => v === '1' || v === '0', queryIssue('bad_range', '筛选条件不正确（open 只能是 1 或 0）')).optional(),
    from: z.string().refine((v) => v === '' || isIsoDate(v), BAD_DATE).optional(),
    to: z.string().refine((v) => v === '' || isIsoDate(v), BAD_DATE).optional(),
  })
  .refine((q) => !q.from || !q.to || daysBetween(q.from, q.to) >= 0, REVERSED);
export type CaseListQuery = z.input<typeof CaseListQuery>;

/** A from/to date range, at most about a year. */
const DateRangeFields = {
  from: z.string().default('').refine(isIsoDate, BAD_DATE),
  to: z.string().default('').refine(isIsoDate, BAD_DATE),
};
const withinAYear = <Q extends { from: string; to: string }>(q: Q) => daysBetween(q.from, q.to) <= MAX_RANGE_DAYS;
const inOrder = <Q extends { from: string; to: string }>(q: Q) => daysBetween(q.from, q.to) >= 0;

export const StatsQuery = z
  .object({ ...DateRangeFields, group: oneOf(StatsGroup, 'day', 'bad_group', '统计维度不正确') })
  .refine(inOrder, REVERSED)
  .refine(withinAYear, queryIssue('bad_range', '一次最多查询一年的数据'));
export type StatsQuery = z.input<typeof StatsQuery>;

export const ExportQuery = z
  .object({ ...DateRangeFields, kind: oneOf(ExportKind, 'full', 'bad_kind', '导出类型不正确') })
  .refine(inOrder, REVERSED)
  .refine(withinAYear, queryIssue('bad_range', '一次最多查询一年的数据'));
export type ExportQuery = z.input<typeof ExportQuery>;

export const RatingEndpoints = {
  submit: endpoint({
    method: 'POST', path: '/api/windows/:window/ratings', roles: ['pad'], body: SubmitRatingRequest, response: SubmitRatingResponse,
    summary: '评价器提交一条评价（按评价编号幂等，每张号票只能评价一次）',
  }),
  prompt: endpoint({
    method: 'GET', path: '/api/windows/:window/rating-prompt', roles: ['pad', 'counter', 'admin'], staff: RUNS_THE_HALL, response: RatingPromptResponse,
    summary: '本窗口待评价的办结号票（评价器重启后恢复提示）',
  }),
  /** Query: `open=1` only open cases, `from`/`to` dates. */
  cases: endpoint({
    method: 'GET', path: '/api/ratings/cases', roles: ['admin'], staff: FOLLOWS_UP_CASES, query: CaseListQuery, response: CaseListResponse,
    summary: '差评回访整改列表（open=1 只看未办结），含期限与即将到期/超期标记',
  }),
  case: endpoint({ method: 'GET', path: '/api/ratings/cases/:id', roles: ['admin'], staff: FOLLOWS_UP_CASES, response: CaseView, summary: '一条差评的处理记录' }),
  caseAction: endpoint({
    method: 'POST', path: '/api/ratings/cases/:id/actions', roles: ['admin'], staff: FOLLOWS_UP_CASES, body: CaseActionRequest, response: CaseView,
    summary: '差评处理：回访核实、开始整改、反馈办结、申诉及复核（须填写说明）',
  }),
  /** Query: `from`, `to` (at most about a year), `group`. */
  stats: endpoint({
    method: 'GET', path: '/api/ratings/stats', roles: ['admin'], staff: OWNER_ONLY, query: StatsQuery, response: StatsResponse,
    summary: '评价统计：按日/周/月/窗口/人员/事项，满意率、平均分、覆盖率、差评办结率与按期率、等候/办理/空闲时长',
  }),
  /** Query: `from`, `to`, `kind`. A CSV file, not JSON. */
  export: endpoint({
    method: 'GET', path: '/api/ratings/export', roles: ['admin'], staff: OWNER_ONLY, query: ExportQuery,
    summary: '导出 CSV（UTF-8 带 BOM）：kind=upstream 为12列上报格式（含证件号码），kind=full 为完整数据；每次导出记入审计',
  }),
  sweep: endpoint({
    method: 'POST', path: '/api/ratings/sweep', roles: ['admin'], staff: OWNER_ONLY, body: z.strictObject({}), response: SweepResponse,
    summary: '立即执行一次维护：登记未评价、清除过期个人信息（平时每5秒自动执行）',
  }),
};

/** The `ticket.updated` action the queue publishes when staff undo a finish: the pad withdraws that ticket's prompt. */
export const UNDO_FINISH = 'undo:finish';
export const MIN_PRESS_INTERVAL_MS = 1500;
