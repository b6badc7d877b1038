// The region console's API: named accounts with three roles, the network at a glance, the month's satisfaction, every
// 差评 case, the upstream export, site enrolment, the catalogue editor, one site's day and its 示范点自查 report. Every
// path and shape is declared here once; the region-server registers a handler per entry and the console pages call it.
// Browser-safe.
import { SlotRulesBody } from '../citizen/appointments.ts';
import { z } from 'zod';
import { NewPassword, StaffName, StaffNo } from '../hall/accounts.ts';
import { CASE_STATES } from '../hall/cases.ts';
import { InspectionMonth, InspectionReport } from '../hall/inspection.ts';
import { materialSchema } from '../../content/schema/services.ts';
import { siteLevelSchema } from './sync.ts';

/** 区域管理员 (everything), 统计查看 (the network, statistics, cases, a site's day and 自查), 回访督办 (the network and the cases). */
export const RegionRole = z.enum(['region_admin', 'statistician', 'case_supervisor']);
export type RegionRole = z.infer<typeof RegionRole>;
export const REGION_ROLE_NAMES: Record<RegionRole, string> = { region_admin: '区域管理员', statistician: '统计查看', case_supervisor: '回访督办' };

/** What a role may do; the region-server's one permission table maps each role to these. */
export const CONSOLE_PERMISSIONS = ['network', 'statistics', 'cases', 'site_day', 'export_personal', 'sites', 'catalogue', 'accounts'] as const;
export type ConsolePermission = (typeof CONSOLE_PERMISSIONS)[number];

const IsoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM');
const Timestamp = z.string();

export interface ConsoleEndpoint {
  method: 'GET' | 'POST' | 'PUT';
  path: string;
  /** Null: open to anyone (status, setup, login); otherwise the permission a caller's role must hold. */
  permission: ConsolePermission | 'signed_in' | null;
  summary: string;
  body?: z.ZodType;
  query?: z.ZodType;
  response?: z.ZodType;
  /** Answers a file instead of JSON. */
  file?: string;
}

export const ConsoleStatusResponse = z.strictObject({ setUp: z.boolean() });
export const ConsoleSetupRequest = z.strictObject({
  setupCode: z.string().trim().min(1, '请填写设置码').max(40),
  name: StaffName,
  staffNo: StaffNo,
  password: NewPassword,
});
export type ConsoleSetupRequest = z.infer<typeof ConsoleSetupRequest>;
export const ConsoleLoginRequest = z.strictObject({ staffNo: StaffNo, password: z.string().min(1, '请输入密码').max(128) });
export const ConsoleUser = z.strictObject({
  id: z.string(),
  name: z.string(),
  staffNo: z.string(),
  role: RegionRole,
  permissions: z.array(z.enum(CONSOLE_PERMISSIONS)),
});
export type ConsoleUser = z.infer<typeof ConsoleUser>;
export const ConsoleTokenResponse = z.strictObject({ token: z.string(), user: ConsoleUser, expiresAt: Timestamp });
export type ConsoleTokenResponse = z.infer<typeof ConsoleTokenResponse>;
export const CreateConsoleAccountRequest = z.strictObject({ name: StaffName, staffNo: StaffNo, role: RegionRole, password: NewPassword });
export const ConsoleAccountView = z.strictObject({
  id: z.string(), name: z.string(), staffNo: z.string(), role: RegionRole, disabled: z.boolean(), createdAt: Timestamp,
});
export const ConsoleAccountList = z.strictObject({ accounts: z.array(ConsoleAccountView) });

export const DeviceFault = z.strictObject({ terminal: z.string(), device: z.string(), state: z.string(), reason: z.string().optional() });
export const SiteOverview = z.strictObject({
  id: z.string(),
  name: z.string(),
  level: siteLevelSchema,
  enrolled: z.boolean(),
  lastSeenAt: Timestamp.nullable(),
  waitingNow: z.number().int().nonnegative(),
  windowsOpen: z.number().int().nonnegative(),
  windowsKnown: z.number().int().nonnegative(),
  deviceFaults: z.array(DeviceFault),
  packVersion: z.number().int().nullable(),
  latestPackVersion: z.number().int().nullable(),
  /** now − the time of the newest event held (the hall's clock); null before any event. */
  syncLagMs: z.number().int().nullable(),
  heldThrough: z.number().int().nonnegative(),
  fenced: z.boolean(),
  fenceReason: z.string().nullable(),
  clockSkewMs: z.number().int().nullable(),
});
export type SiteOverview = z.infer<typeof SiteOverview>;
export const NetworkResponse = z.strictObject({ at: Timestamp, sites: z.array(SiteOverview) });
export type NetworkResponse = z.infer<typeof NetworkResponse>;

export const MonthQuery = z.strictObject({ month: Month });
export const SatisfactionRow = z.strictObject({
  key: z.string(),
  label: z.string(),
  /** The site a staff row belongs to (staff ids are a hall's own). */
  siteName: z.string().optional(),
  rated: z.number().int().nonnegative(),
  bad: z.number().int().nonnegative(),
  satisfaction: z.number().nullable(),
  average: z.number().nullable(),
  /** Ratings per finished ticket (好差评 coverage); null for staff rows. */
  coverage: z.number().nullable(),
  belowTarget: z.boolean(),
});
export type SatisfactionRow = z.infer<typeof SatisfactionRow>;
export const SatisfactionResponse = z.strictObject({
  month: z.string(),
  target: z.number(),
  region: SatisfactionRow,
  bySite: z.array(SatisfactionRow),
  byLevel: z.array(SatisfactionRow),
  byItem: z.array(SatisfactionRow),
  byStaff: z.array(SatisfactionRow),
});
export type SatisfactionResponse = z.infer<typeof SatisfactionResponse>;

export const RegionCase = z.strictObject({
  siteId: z.string(),
  siteName: z.string(),
  caseId: z.string(),
  ratingId: z.string(),
  state: z.enum(CASE_STATES),
  openedOn: IsoDay,
  dueOn: IsoDay,
  closedOn: IsoDay.nullable(),
  serviceName: z.string(),
  staffName: z.string(),
  score: z.number().int().nullable(),
  reasons: z.array(z.string()),
  maskedComment: z.string(),
  /** Working days left until the deadline (negative once overdue); null when closed. */
  workingDaysLeft: z.number().int().nullable(),
  overdue: z.boolean(),
});
export type RegionCase = z.infer<typeof RegionCase>;
export const CasesResponse = z.strictObject({ today: IsoDay, cases: z.array(RegionCase) });
export type CasesResponse = z.infer<typeof CasesResponse>;

export const ExportQuery = z.strictObject({ from: IsoDay, to: IsoDay });

export const CreateSiteRequest = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{1,39}$/, '站点编号只能用小写字母、数字和短横线（2–40 位）'),
  name: z.string().trim().min(2, '请填写站点名称').max(60),
  level: siteLevelSchema,
});
export type CreateSiteRequest = z.infer<typeof CreateSiteRequest>;
export const EnrolCodeResponse = z.strictObject({ siteId: z.string(), code: z.string(), expiresAt: Timestamp });
export type EnrolCodeResponse = z.infer<typeof EnrolCodeResponse>;

export const CatalogueEntry = z.strictObject({
  code: z.string(),
  name: z.string(),
  levels: z.array(siteLevelSchema),
  materials: z.array(materialSchema),
  conditions: z.array(z.string()),
  updatedAt: Timestamp,
  updatedBy: z.string(),
});
export type CatalogueEntry = z.infer<typeof CatalogueEntry>;
export const SitePackVersion = z.strictObject({
  siteId: z.string(), siteName: z.string(), level: siteLevelSchema, latestVersion: z.number().int().nullable(), runningVersion: z.number().int().nullable(),
});
export const CatalogueResponse = z.strictObject({ items: z.array(CatalogueEntry), sites: z.array(SitePackVersion) });
export type CatalogueResponse = z.infer<typeof CatalogueResponse>;
export const EditItemRequest = z.strictObject({
  materials: z.array(materialSchema).max(10),
  conditions: z.array(z.string().trim().min(1)).max(20),
});
export type EditItemRequest = z.infer<typeof EditItemRequest>;
export const PublishResponse = z.strictObject({
  packs: z.array(z.strictObject({ siteId: z.string(), version: z.number().int(), changed: z.boolean() })),
  /** Sites without a profile get no pack yet. */
  skipped: z.array(z.string()),
});
export type PublishResponse = z.infer<typeof PublishResponse>;

export const SiteDayQuery = z.strictObject({ date: IsoDay });
export const SiteDayResponse = z.strictObject({
  site: SiteOverview,
  date: IsoDay,
  tickets: z.array(z.strictObject({
    number: z.string(), serviceName: z.string(), status: z.string(), issuedAt: Timestamp, calledAt: Timestamp.nullable(),
    finishedAt: Timestamp.nullable(), window: z.number().int().nullable(), waitSeconds: z.number().int().nullable(),
  })),
  averageWaitSeconds: z.number().nullable(),
  ratings: z.array(z.strictObject({
    ticketNumber: z.string(), serviceName: z.string(), window: z.number().int(), staffName: z.string(), score: z.number().int(),
    bad: z.boolean(), ratedAt: Timestamp, maskedComment: z.string(),
  })),
  cases: z.array(RegionCase),
});
export type SiteDayResponse = z.infer<typeof SiteDayResponse>;

/** `?month=YYYY-MM`; absent: the newest month the region holds a report of for the site. */
export const SiteInspectionQuery = z.strictObject({ month: InspectionMonth.optional() });
export type SiteInspectionQuery = z.infer<typeof SiteInspectionQuery>;

export const OkResponse = z.strictObject({ ok: z.literal(true) });

const C = '/api/region/console';
export const CONSOLE_ENDPOINTS = {
  status: { method: 'GET', path: `${C}/status`, permission: null, summary: '是否已完成首次设置', response: ConsoleStatusResponse },
  setup: { method: 'POST', path: `${C}/setup`, permission: null, summary: '首次设置：凭区域中心启动时打印的一次性设置码创建第一个区域管理员', body: ConsoleSetupRequest, response: ConsoleTokenResponse },
  login: { method: 'POST', path: `${C}/login`, permission: null, summary: '工号与密码登录', body: ConsoleLoginRequest, response: ConsoleTokenResponse },
  logout: { method: 'POST', path: `${C}/logout`, permission: 'signed_in', summary: '退出登录（结束本会话）', response: OkResponse },
  whoami: { method: 'GET', path: `${C}/whoami`, permission: 'signed_in', summary: '当前登录的人与其权限', response: ConsoleUser },
  accounts: { method: 'GET', path: `${C}/accounts`, permission: 'accounts', summary: '区域中心账号列表', response: ConsoleAccountList },
  createAccount: { method: 'POST', path: `${C}/accounts`, permission: 'accounts', summary: '新建账号（姓名、工号、角色、初始密码）', body: CreateConsoleAccountRequest, response: ConsoleAccountView },
  network: { method: 'GET', path: `${C}/network`, permission: 'network', summary: '全部站点一览：层级、最近联系、等候人数、开放窗口、设备故障、内容包版本、同步延迟、隔离与时钟偏差', response: NetworkResponse },
  satisfaction: { method: 'GET', path: `${C}/satisfaction`, permission: 'statistics', summary: '某月满意度（按站点、层级、事项、工作人员）与好差评覆盖率，对照 90% 线', query: MonthQuery, response: SatisfactionResponse },
  cases: { method: 'GET', path: `${C}/cases`, permission: 'cases', summary: '全部站点的差评案件，按工作日计算的整改期限，逾期在前', response: CasesResponse },
  exportUpstream: { method: 'GET', path: `${C}/export`, permission: 'export_personal', summary: '全区域 12 列上报 CSV（UTF-8 带 BOM）；打开密封的个人信息，每次打开记入审计', query: ExportQuery, file: 'text/csv' },
  createSite: { method: 'POST', path: `${C}/sites`, permission: 'sites', summary: '新建站点（编号、名称、层级）', body: CreateSiteRequest, response: SiteOverview },
  enrolCode: { method: 'POST', path: `${C}/sites/:id/enrol-code`, permission: 'sites', summary: '为站点生成一次性注册码（24 小时内有效，只显示一次）', response: EnrolCodeResponse },
  siteDay: { method: 'GET', path: `${C}/sites/:id/day`, permission: 'site_day', summary: '一个站点一天的号票、等候、评价与差评', query: SiteDayQuery, response: SiteDayResponse },
  siteInspection: {
    method: 'GET', path: `${C}/sites/:id/inspection`, permission: 'site_day',
    summary: '一个站点的示范点自查结果：大厅上报的该月最新一份（不给月份时为最近上报的月份）', query: SiteInspectionQuery, response: InspectionReport,
  },
  catalogue: { method: 'GET', path: `${C}/catalogue`, permission: 'catalogue', summary: '统一事项清单与各站点内容包版本', response: CatalogueResponse },
  editItem: { method: 'PUT', path: `${C}/catalogue/:code`, permission: 'catalogue', summary: '修改事项的申办材料与受理条件', body: EditItemRequest, response: CatalogueEntry },
  slotRules: { method: 'GET', path: `${C}/sites/:id/slot-rules`, permission: 'sites', summary: '站点的可预约事项：每半小时名额、可提前天数、截止时间（DB21/T 4402 §10.1.2）', response: SlotRulesBody },
  saveSlotRules: { method: 'PUT', path: `${C}/sites/:id/slot-rules`, permission: 'sites', summary: '修改站点的可预约事项（整表替换）', body: SlotRulesBody, response: SlotRulesBody },
  publish: { method: 'POST', path: `${C}/catalogue/publish`, permission: 'catalogue', summary: '发布：为内容有变化的每个站点生成新版内容包', response: PublishResponse },
} as const satisfies Record<string, ConsoleEndpoint>;

export type ConsoleEndpointName = keyof typeof CONSOLE_ENDPOINTS;

/** The path of an endpoint with its `:params` filled in. */
export function consolePath(path: string, params: Record<string, string> = {}): string {
  return path.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(params[name] ?? ''));
}
