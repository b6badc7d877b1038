// The queue module: routes for ticket issue, print results and window actions, and the queue part of the snapshot.
import type { z } from 'zod';
import {
  ApiPaths,
  CallNextRequest,
  EmptyRequest,
  FinishRequest,
  IssueTicketRequest,
  IssueTicketResponse,
  QueueSnapshot,
  TicketTimings,
  WindowActionResponse,
  PrintResultRequest,
  SignInRequest,
  TicketRef,
  TransferRequest,
} from '../../protocol/hall/index.ts';
import { QueueConfig } from '../config/schema.ts';
import { ItemCountEndpoints, ITEM_COUNT_DAYS } from '../../protocol/hall/item-counts.ts';
import { ApiError, routeOf, type HallApp, type HallModule, type Principal, type Role } from '../core/module.ts';
import type { WindowAction } from './actions.ts';
import { QueueEngine } from './engine.ts';
import { QueueStore, queueMigrations } from './store.ts';

const WINDOW_ROLES: Role[] = ['admin', 'counter', 'pad'];

const ACTION_SUMMARIES: Record<string, string> = {
  'sign-in': 'Staff signs in at the window with their 工号 (ratings bind to them)',
  'sign-out': 'Staff signs out',
  'call-next': 'Call the next ticket by the hall policy (ticket null when nobody waits)',
  call: 'Call a specific waiting ticket (exactly one window wins)',
  recall: 'Call the current ticket again (cool-down, at most N calls)',
  start: 'The citizen arrived at the window',
  'no-show': 'Mark the current ticket as 过号 after N calls',
  transfer: 'Transfer the current ticket to another item or window, keeping its issue time',
  hold: 'Put the current ticket on hold',
  return: 'Resume a held ticket',
  pause: 'Pause the window',
  resume: 'Resume the window (opening a tidal window clears its alert)',
  finish: 'Finish the case, optionally with its 办件编号; opens the rating on this window’s pad (event ticket.finished)',
  undo: 'Undo the last call/no-show/transfer/hold/return/finish within 30 s',
};

function windowNumber(raw: string | undefined): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 999) throw new ApiError(404, 'unknown_window', `没有 ${raw ?? ''} 号窗口`);
  return n;
}

export function queueModule(config: QueueConfig = QueueConfig.parse({})): HallModule & { engine(): QueueEngine } {
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
      engine = e;
      app.onPackActivated(() => e.packChanged());
      timer = setInterval(() => e.publishOpeningChanges(), 60_000);
      timer.unref();

      app.route({
        method: 'POST', path: ApiPaths.tickets, roles: ['kiosk', 'counter', 'admin'], body: IssueTicketRequest, response: IssueTicketResponse,
        summary: 'Issue a ticket (idempotent by idempotencyKey; the same person gets their waiting ticket back)',
        handle: ({ body, principal }) => {
          const res = e.issue(body, principal!);
          return { status: res.reused ? 200 : 201, body: res };
        },
      });
      app.route({
        method: 'POST', path: '/api/tickets/:id/print-result', roles: ['kiosk'], body: PrintResultRequest,
        summary: 'Report whether the ticket was printed (or shown on screen instead)',
        handle: ({ body, params, principal }) => {
          e.printResult(params['id'] ?? '', body, principal!);
          return { body: { ok: true } };
        },
      });
      app.route({
        method: 'GET', path: '/api/tickets/:id/timings', roles: ['admin', 'counter'], response: TicketTimings,
        summary: 'Wait, walk-to-window and service time of a ticket, in seconds',
        handle: ({ params }) => ({ body: e.timings(params['id'] ?? '') }),
      });
      app.route({
        method: 'GET', path: ApiPaths.queue, roles: ['admin', 'kiosk', 'pad', 'counter', 'board'], response: QueueSnapshot,
        summary: 'The queue now (the same as the socket snapshot)',
        handle: ({ principal }) => ({ body: e.snapshot(principal!) }),
      });

      app.route(routeOf(ItemCountEndpoints.itemCounts, { handle: () => ({ body: e.itemCounts(ITEM_COUNT_DAYS) }) }));

      const action = <S extends z.ZodType>(name: string, body: S, toAction: (b: z.infer<S>) => WindowAction, key?: (b: z.infer<S>) => string | undefined) =>
        app.route({
          method: 'POST', path: `/api/windows/:window/${name}`, roles: WINDOW_ROLES, body, response: WindowActionResponse,
          summary: ACTION_SUMMARIES[name] ?? name,
          handle: ({ body: b, params, principal }) => ({
            body: e.windowAction(windowNumber(params['window']), toAction(b), principal!, key?.(b)),
          }),
        });
      action('sign-in', SignInRequest, (b) => ({ kind: 'sign-in', staffId: b.staffId }));
      action('sign-out', EmptyRequest, () => ({ kind: 'sign-out' }));
      action('call-next', CallNextRequest, () => ({ kind: 'call-next' }), (b) => b.idempotencyKey);
      action('call', TicketRef, (b) => ({ kind: 'call', ticketId: b.ticketId }));
      action('recall', EmptyRequest, () => ({ kind: 'recall' }));
      action('start', EmptyRequest, () => ({ kind: 'start' }));
      action('no-show', EmptyRequest, () => ({ kind: 'no-show' }));
      action('transfer', TransferRequest, (b) => ({ kind: 'transfer', ...b }));
      action('hold', EmptyRequest, () => ({ kind: 'hold' }));
      action('return', TicketRef, (b) => ({ kind: 'return', ticketId: b.ticketId }));
      action('pause', EmptyRequest, () => ({ kind: 'pause' }));
      action('resume', EmptyRequest, () => ({ kind: 'resume' }));
      action('finish', FinishRequest, (b) => ({ kind: 'finish', caseNumber: b.caseNumber ?? null }), (b) => b.idempotencyKey);
      action('undo', EmptyRequest, () => ({ kind: 'undo' }));
    },
  };
}
