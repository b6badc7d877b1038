// HTTP routes of the ratings module.
import { ApiError, routeOf, type HallApp, type RouteRequest } from '../core/module.ts';
import { RatingEndpoints, type StatsResponse } from '../../protocol/hall/ratings.ts';
import { exportFull, exportUpstream } from './export.ts';
import type { RatingService } from './service.ts';
import { computeStats } from './stats.ts';
import type { QueueTimes } from '../queue/reader.ts';

function windowParam(req: RouteRequest<unknown>): number {
  const n = Number(req.params['window']);
  if (!Number.isInteger(n) || n < 1) throw new ApiError(400, 'bad_window', '窗口号不正确');
  return n;
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
      const { open, from, to } = req.query;
      const filter = { ...(open === '1' ? { open: true } : {}), ...(from ? { from } : {}), ...(to ? { to } : {}) };
      return { body: { today: service.today(), cases: service.listCases(filter) } };
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
      const { from, to, group } = req.query;
      const stats = computeStats(app.db, app.pack(), from, to, group, queue());
      const body: StatsResponse = { from, to, group, ...stats };
      return { body };
    },
  }));

  app.route(routeOf(RatingEndpoints.export, {
    handle(req) {
      const { from, to, kind } = req.query;
      if (!req.principal || req.principal.role !== 'admin') throw new ApiError(403, 'forbidden', '只有管理员可以导出');
      const { csv, count } =
        kind === 'upstream'
          ? exportUpstream(app.db, app.pack(), app.secrets, service.cal, from, to, service.utcOffsetMinutes)
          : exportFull(app.db, app.pack(), app.secrets, from, to, service.utcOffsetMinutes);
      app.audit(req.principal, 'ratings.export', { kind: kind, from, to, rows: count });
      const name = `${kind === 'upstream' ? 'haochaping-upstream' : 'ratings-full'}-${from}-${to}.csv`;
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
