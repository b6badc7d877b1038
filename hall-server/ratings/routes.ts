// HTTP routes of the ratings module.
import { ApiError, routeOf, type HallApp, type RouteRequest } from '../core/module.ts';
import { ExportKind, RatingEndpoints, StatsGroup, type StatsResponse } from '../../protocol/hall/ratings.ts';
import { parseIsoDate } from '../../protocol/rules/workdays.ts';
import { exportFull, exportUpstream } from './export.ts';
import type { RatingService } from './service.ts';
import { computeStats } from './stats.ts';
import type { QueueTimes } from '../queue/reader.ts';

function windowParam(req: RouteRequest<unknown>): number {
  const n = Number(req.params['window']);
  if (!Number.isInteger(n) || n < 1) throw new ApiError(400, 'bad_window', '窗口号不正确');
  return n;
}

/** A from/to date range from the query, at most about a year. */
function range(req: RouteRequest<unknown>): { from: string; to: string } {
  const from = req.query.get('from') ?? '';
  const to = req.query.get('to') ?? '';
  let a: number;
  let b: number;
  try {
    a = parseIsoDate(from);
    b = parseIsoDate(to);
  } catch {
    throw new ApiError(400, 'bad_range', '请选择正确的起止日期（格式如 2026-11-01）');
  }
  if (b < a) throw new ApiError(400, 'bad_range', '结束日期不能早于开始日期');
  if (b - a > 400) throw new ApiError(400, 'bad_range', '一次最多查询一年的数据');
  return { from, to };
}

/** The case list's optional filters: `open` is 1 or 0, `from` and `to` real dates (either may be left out). */
function caseFilter(req: RouteRequest<unknown>): { open?: boolean; from?: string; to?: string } {
  const open = req.query.get('open');
  if (open !== null && open !== '1' && open !== '0') throw new ApiError(400, 'bad_range', '筛选条件不正确（open 只能是 1 或 0）');
  const dayOf = (name: 'from' | 'to'): number | undefined => {
    const text = req.query.get(name);
    if (text === null || text === '') return undefined;
    try {
      return parseIsoDate(text);
    } catch {
      throw new ApiError(400, 'bad_range', '请选择正确的起止日期（格式如 2026-11-01）');
    }
  };
  const from = dayOf('from');
  const to = dayOf('to');
  if (from !== undefined && to !== undefined && to < from) throw new ApiError(400, 'bad_range', '结束日期不能早于开始日期');
  return {
    ...(open === '1' ? { open: true } : {}),
    ...(from !== undefined ? { from: req.query.get('from')! } : {}),
    ...(to !== undefined ? { to: req.query.get('to')! } : {}),
  };
}

export function registerRoutes(app: HallApp, service: RatingService, queue: () => QueueTimes | null): void {
  app.route(routeOf(RatingEndpoints.submit, {
    handle(req) {
      if (!req.principal) throw new ApiError(401, 'unauthorized', '请先配对终端');
      const { status, body } = service.submit(req.principal, windowParam(req), req.body);
      return { status, body };
    },
  }));

  app.route(routeOf(RatingEndpoints.prompt, {
    handle(req) {
      return { body: { prompt: service.pendingPrompt(windowParam(req)) } };
    },
  }));

  app.route(routeOf(RatingEndpoints.cases, {
    handle(req) {
      return { body: { today: service.today(), cases: service.listCases(caseFilter(req)) } };
    },
  }));

  app.route(routeOf(RatingEndpoints.case, {
    handle(req) {
      return { body: service.caseView(req.params['id'] ?? '') };
    },
  }));

  app.route(routeOf(RatingEndpoints.caseAction, {
    handle(req) {
      if (!req.principal) throw new ApiError(401, 'unauthorized', '请先登录');
      return { body: service.act(req.principal, req.params['id'] ?? '', req.body) };
    },
  }));

  app.route(routeOf(RatingEndpoints.stats, {
    handle(req) {
      const { from, to } = range(req);
      const group = StatsGroup.safeParse(req.query.get('group') ?? 'day');
      if (!group.success) throw new ApiError(400, 'bad_group', '统计维度不正确');
      const stats = computeStats(app.db, app.pack(), from, to, group.data, queue());
      const body: StatsResponse = { from, to, group: group.data, ...stats };
      return { body };
    },
  }));

  app.route(routeOf(RatingEndpoints.export, {
    handle(req) {
      const { from, to } = range(req);
      const kind = ExportKind.safeParse(req.query.get('kind') ?? 'full');
      if (!kind.success) throw new ApiError(400, 'bad_kind', '导出类型不正确');
      if (!req.principal || req.principal.role !== 'admin') throw new ApiError(403, 'forbidden', '只有管理员可以导出');
      const { csv, count } =
        kind.data === 'upstream'
          ? exportUpstream(app.db, app.pack(), app.secrets, service.cal, from, to, service.utcOffsetMinutes)
          : exportFull(app.db, app.pack(), app.secrets, from, to, service.utcOffsetMinutes);
      app.audit(req.principal, 'ratings.export', { kind: kind.data, from, to, rows: count });
      const name = `${kind.data === 'upstream' ? 'haochaping-upstream' : 'ratings-full'}-${from}-${to}.csv`;
      return {
        raw: new TextEncoder().encode(csv),
        headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${name}"` },
      };
    },
  }));

  app.route(routeOf(RatingEndpoints.sweep, {
    handle() {
      return { body: service.sweep() };
    },
  }));
}
