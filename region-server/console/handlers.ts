// One handler per console endpoint of protocol/region/console.ts; the router has already checked the caller's
// permission and parsed the body and query with the endpoint's schemas.
import type { Pool } from 'pg';
import {
  CONSOLE_ENDPOINTS, type ConsoleEndpointName, type ConsoleUser, type CreateSiteRequest, type EditItemRequest, type SiteInspectionQuery,
} from '../../protocol/region/console.ts';
import type { z } from 'zod';
import { actorOf, type ConsoleAccounts } from '../accounts/handlers.ts';
import { createEnrolmentCode, createSite, ENROL_CODE_TTL_MS } from '../sites/enrol.ts';
import { RegionError } from '../http/errors.ts';
import { regionCases } from './cases.ts';
import { catalogueView, editItem, publishAll } from './catalogue.ts';
import type { ConsoleOptions, ConsoleRequest, FileAnswer } from './context.ts';
import { exportUpstream } from './export.ts';
import { networkOverview, siteOverview } from './network.ts';
import { monthSatisfaction } from './satisfaction.ts';
import { siteDay } from './site-day.ts';
import { siteInspection } from './site-inspection.ts';
import { saveSlotRules, slotRules } from '../appointments/store.ts';
import type { SlotRulesBody } from '../../protocol/citizen/appointments.ts';

type Handler = (r: ConsoleRequest) => Promise<unknown>;

function signedIn(r: ConsoleRequest): ConsoleUser {
  if (!r.user) throw new RegionError(401, 'unauthorized', '请先登录区域管理台');
  return r.user;
}

export function consoleHandlers(pool: Pool, accounts: ConsoleAccounts, options: ConsoleOptions): Record<ConsoleEndpointName, Handler> {
  return {
    status: async () => ({ setUp: await accounts.isSetUp() }),
    setup: async (r) => {
      const answer = await accounts.setup(r.body as z.infer<typeof CONSOLE_ENDPOINTS.setup.body>, r.address);
      options.onSetupCode(null);
      return answer;
    },
    login: async (r) => {
      const body = r.body as z.infer<typeof CONSOLE_ENDPOINTS.login.body>;
      return accounts.login(body.staffNo, body.password, r.address);
    },
    logout: async (r) => {
      await accounts.logout(r.token!, signedIn(r));
      return { ok: true };
    },
    whoami: async (r) => signedIn(r),
    accounts: async () => accounts.list(),
    createAccount: async (r) => accounts.create(r.body as z.infer<typeof CONSOLE_ENDPOINTS.createAccount.body>, signedIn(r)),
    network: async () => ({ at: new Date().toISOString(), sites: await networkOverview(pool) }),
    satisfaction: async (r) => monthSatisfaction(pool, (r.query as { month: string }).month),
    cases: async () => regionCases(pool),
    exportUpstream: async (r): Promise<FileAnswer> => {
      const range = r.query as { from: string; to: string };
      if (range.from > range.to) throw new RegionError(400, 'invalid_range', '开始日期不能晚于结束日期');
      if (!options.sealing) throw new RegionError(409, 'no_sealing_keys', '区域中心没有配置封装密钥，无法打开个人信息，不能导出上报文件');
      const actor = actorOf(signedIn(r));
      const result = await exportUpstream(pool, range, options.sealing, actor);
      await pool.query(
        "INSERT INTO region_audit (at, actor, action, site_id, details) VALUES (now(), $1, 'export.upstream', NULL, $2)",
        [actor, JSON.stringify({ ...range, rows: result.rows, opened: result.opened })],
      );
      return { file: { contentType: 'text/csv; charset=utf-8', name: `haochaping-upstream-${range.from}-${range.to}.csv`, bytes: Buffer.from(result.csv) } };
    },
    createSite: async (r) => {
      const body = r.body as CreateSiteRequest;
      await createSite(pool, body, actorOf(signedIn(r)));
      return (await siteOverview(pool, body.id))!;
    },
    enrolCode: async (r) => {
      const siteId = r.params['id']!;
      const code = await createEnrolmentCode(pool, siteId, actorOf(signedIn(r)));
      return { siteId, code, expiresAt: new Date(Date.now() + ENROL_CODE_TTL_MS).toISOString() };
    },
    siteDay: async (r) => siteDay(pool, r.params['id']!, (r.query as { date: string }).date),
    siteInspection: async (r) => siteInspection(pool, r.params['id']!, (r.query as SiteInspectionQuery).month),
    catalogue: async () => catalogueView(pool),
    editItem: async (r) => editItem(pool, r.params['code']!, r.body as EditItemRequest, actorOf(signedIn(r))),
    slotRules: async (r) => ({ rules: await slotRules(pool, r.params['id']!) }),
    saveSlotRules: async (r) => {
      const siteId = r.params['id']!;
      await saveSlotRules(pool, siteId, (r.body as SlotRulesBody).rules);
      return { rules: await slotRules(pool, siteId) };
    },
    publish: async (r) => publishAll(pool, options.signingKeyPem, actorOf(signedIn(r))),
  };
}
