// The queue module: routes for ticket issue, print results and window actions, and the queue part of the snapshot.
import { OK, QueueEndpoints, WindowActionEndpoints, type WindowActionResponse } from '../../protocol/hall/index.ts';
import { QueueConfig } from '../config/schema.ts';
import { ItemCountEndpoints, ITEM_COUNT_DAYS } from '../../protocol/hall/item-counts.ts';
import { ApiError, routeOf, type HallApp, type HallModule, type Principal, type RouteRequest } from '../core/module.ts';
import type { WindowAction } from './actions.ts';
import { QueueEngine } from './engine.ts';
import { COMMAND_KEYS_KEPT_DAYS, QueueStore, queueMigrations } from './store.ts';

function windowNumber(raw: string | undefined): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 999) throw new ApiError(404, 'unknown_window', `没有 ${raw ?? ''} 号窗口`);
  return n;
}

export interface QueueHooks {
  /** The citizen's progress link of an issued ticket (hall-server/citizen/), recorded in the issue's transaction. */
  linkTicket?(ticket: { id: string; serviceCode: string; issuedAt: number }): string | null;
}

export function queueModule(config: QueueConfig = QueueConfig.parse({}), hooks: QueueHooks = {}): HallModule & { engine(): QueueEngine } {
  let engine: QueueEngine | null = null;
  let timer: ReturnType<typeof setInterval> | undefined;
  const get = () => {
    if (!engine) throw new Error('queue module not registered');
    return engine;
  };
  return {
    name: 'queue',
    migrations: queueMigrations,
    engine: get,
    stop: () => clearInterval(timer),
    snapshot: (principal: Principal) => {
      try {
        return get().snapshot(principal);
      } catch (err) {
        if (err instanceof ApiError) return null;
        throw err;
      }
    },
    register(app: HallApp) {
      const e = new QueueEngine(app, new QueueStore(app.db), config);
      app.retainRows({
        table: 'queue_commands',
        column: 'at',
        cutoff: (now) => new Date(now.getTime() - COMMAND_KEYS_KEPT_DAYS * 86_400_000).toISOString(),
      });
      engine = e;
      app.onPackActivated(() => e.packChanged());
      timer = setInterval(() => e.publishOpeningChanges(), 60_000);
      timer.unref();

      app.route(routeOf(QueueEndpoints.issue, {
        handle: ({ body, principal }) => {
          const res = e.issue(body, principal!);
          const url = hooks.linkTicket?.({ id: res.ticket.id, serviceCode: res.ticket.serviceCode, issuedAt: Date.parse(res.ticket.issuedAt) });
          return { status: res.reused ? 200 : 201, body: url ? { ...res, progressUrl: url } : res };
        },
      }));
      app.route(routeOf(QueueEndpoints.printResult, {
        handle: ({ body, params, principal }) => {
          e.printResult(params['id'] ?? '', body, principal!);
          return { body: OK };
        },
      }));
      app.route(routeOf(QueueEndpoints.timings, { handle: ({ params }) => ({ body: e.timings(params['id'] ?? '') }) }));
      app.route(routeOf(QueueEndpoints.queue, { handle: ({ principal }) => ({ body: e.snapshot(principal!) }) }));

      app.route(routeOf(ItemCountEndpoints.itemCounts, { handle: () => ({ body: e.itemCounts(ITEM_COUNT_DAYS) }) }));

      const act = (req: RouteRequest<unknown>, action: WindowAction, idempotencyKey?: string): { body: WindowActionResponse } => ({
        body: e.windowAction(windowNumber(req.params['window']), action, req.principal!, idempotencyKey),
      });
      const actions = WindowActionEndpoints;
      app.route(routeOf(actions['sign-in'], { handle: (req) => act(req, { kind: 'sign-in', staffId: req.body.staffId }) }));
      app.route(routeOf(actions['sign-out'], { handle: (req) => act(req, { kind: 'sign-out' }) }));
      app.route(routeOf(actions['call-next'], { handle: (req) => act(req, { kind: 'call-next' }, req.body.idempotencyKey) }));
      app.route(routeOf(actions.call, { handle: (req) => act(req, { kind: 'call', ticketId: req.body.ticketId }) }));
      app.route(routeOf(actions.recall, { handle: (req) => act(req, { kind: 'recall' }) }));
      app.route(routeOf(actions.start, { handle: (req) => act(req, { kind: 'start' }) }));
      app.route(routeOf(actions['no-show'], { handle: (req) => act(req, { kind: 'no-show' }) }));
      app.route(routeOf(actions.rejoin, { handle: (req) => act(req, { kind: 'rejoin', ticketId: req.body.ticketId }) }));
      app.route(routeOf(actions.transfer, { handle: (req) => act(req, { kind: 'transfer', ...req.body }) }));
      app.route(routeOf(actions.hold, { handle: (req) => act(req, { kind: 'hold' }) }));
      app.route(routeOf(actions.return, { handle: (req) => act(req, { kind: 'return', ticketId: req.body.ticketId }) }));
      app.route(routeOf(actions.pause, { handle: (req) => act(req, { kind: 'pause' }) }));
      app.route(routeOf(actions.resume, { handle: (req) => act(req, { kind: 'resume' }) }));
      app.route(routeOf(actions.finish, {
        handle: (req) => act(req, { kind: 'finish', caseNumber: req.body.caseNumber ?? null }, req.body.idempotencyKey),
      }));
      app.route(routeOf(actions.undo, { handle: (req) => act(req, { kind: 'undo' }) }));
    },
  };
}
