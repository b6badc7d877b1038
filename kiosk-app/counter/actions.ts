// The window actions as typed calls of their declared endpoints (protocol/hall/queue.ts), one per action name, so a
// command's body is checked against its own endpoint. Commands that may be retried carry an idempotency key.
import { WindowActionEndpoints, type WindowActionBody, type WindowActionName, type WindowActionResponse } from '../../protocol/hall/index.ts';
import { call, newIdempotencyKey } from '../shared/hall/index.ts';

export type WindowActionSenders = { [A in WindowActionName]: (body: WindowActionBody<A>) => Promise<WindowActionResponse> };

export function windowActionSenders(window: number): WindowActionSenders {
  const params = { window };
  const a = WindowActionEndpoints;
  return {
    'sign-in': (body) => call(a['sign-in'], { params, body }),
    'sign-out': (body) => call(a['sign-out'], { params, body }),
    'call-next': (body) => call(a['call-next'], { params, body: { idempotencyKey: newIdempotencyKey(), ...body } }),
    call: (body) => call(a.call, { params, body }),
    recall: (body) => call(a.recall, { params, body }),
    start: (body) => call(a.start, { params, body }),
    'no-show': (body) => call(a['no-show'], { params, body }),
    rejoin: (body) => call(a.rejoin, { params, body }),
    transfer: (body) => call(a.transfer, { params, body }),
    hold: (body) => call(a.hold, { params, body }),
    return: (body) => call(a.return, { params, body }),
    pause: (body) => call(a.pause, { params, body }),
    resume: (body) => call(a.resume, { params, body }),
    finish: (body) => call(a.finish, { params, body: { idempotencyKey: newIdempotencyKey(), ...body } }),
    undo: (body) => call(a.undo, { params, body }),
  };
}
