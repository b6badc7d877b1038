// The event stream: snapshot then events, role and window scoping, resume after a reconnect without missing a call.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHall, type TestHall } from '../support/hall.ts';
import { testIdentity } from '../support/citizens.ts';

let hall: TestHall;
let counter1: string;
let service: string;
let kiosk: string;

beforeAll(async () => {
  hall = await startTestHall();
  kiosk = await hall.pair('kiosk');
  counter1 = await hall.pair('counter', 1);
  service = (await hall.api('GET', '/api/queue', undefined, kiosk)).body.windows[0].services[0];
  await hall.api('POST', '/api/windows/1/sign-in', { staffId: '20101' }, counter1);
});
afterAll(() => hall.close());

let k = 0;
async function issueAndCall(): Promise<string> {
  await hall.api('POST', '/api/tickets', { idempotencyKey: `ev-key-${k++}-xxxx`, serviceCode: service, identity: testIdentity() }, kiosk);
  const called = await hall.api('POST', '/api/windows/1/call-next', {}, counter1);
  await hall.api('POST', '/api/windows/1/finish', { caseNumber: `CASE-${k}` }, counter1);
  return called.body.ticket.number;
}

describe('event stream', () => {
  it('sends a snapshot first, then live calls', async () => {
    const board = await hall.socket(await hall.pair('board'));
    const snap = await board.waitFor((m) => m.type === 'snapshot');
    expect(snap.snapshot.principal.role).toBe('board');
    expect(snap.snapshot.pack).toEqual({ id: 'ln-sample-county', version: 1 });
    expect(snap.snapshot.modules.queue.waiting).toEqual([]);
    const number = await issueAndCall();
    const call = await board.waitFor((m) => m.type === 'event' && m.event.type === 'ticket.called');
    expect(call.event.data).toMatchObject({ number, window: 1, callCount: 1, recall: false });
    board.close();
  });

  it('delivers ticket.finished only to its own window (and admins)', async () => {
    const pad1 = await hall.socket(await hall.pair('pad', 1));
    const pad2 = await hall.socket(await hall.pair('pad', 2));
    const board = await hall.socket(await hall.pair('board'));
    for (const s of [pad1, pad2, board]) await s.waitFor((m) => m.type === 'snapshot');
    const number = await issueAndCall();
    const finished = await pad1.waitFor((m) => m.type === 'event' && m.event.type === 'ticket.finished');
    expect(finished.event.data).toMatchObject({ number, window: 1, staffId: '20101', caseNumber: `CASE-${k}` });
    await board.waitFor((m) => m.type === 'event' && m.event.type === 'ticket.called' && m.event.data.number === number);
    await pad2.waitFor((m) => m.type === 'event' && m.event.type === 'ticket.called' && m.event.data.number === number);
    expect(pad2.messages.some((m) => m.event?.type === 'ticket.finished')).toBe(false);
    expect(board.messages.some((m) => m.event?.type === 'ticket.finished')).toBe(false);
    for (const s of [pad1, pad2, board]) s.close();
  });

  it('resumes after a reconnect with every call made while disconnected, in order, without a new snapshot', async () => {
    const token = await hall.pair('board');
    const first = await hall.socket(token);
    const snap = await first.waitFor((m) => m.type === 'snapshot');
    await issueAndCall();
    const seen = await first.waitFor((m) => m.type === 'event' && m.event.type === 'ticket.called');
    const lastSeq = Math.max(snap.snapshot.seq, ...first.messages.filter((m) => m.type === 'event').map((m) => m.event.seq));
    expect(seen.event.seq).toBeLessThanOrEqual(lastSeq);
    first.close();
    const missed = [await issueAndCall(), await issueAndCall(), await issueAndCall()];
    const second = await hall.socket(token, lastSeq);
    await second.waitFor((m) => m.type === 'event' && m.event.type === 'ticket.called' && m.event.data.number === missed[2]);
    expect(second.messages[0]).toEqual({ type: 'resumed', fromSeq: lastSeq });
    const calls = second.messages.filter((m) => m.type === 'event' && m.event.type === 'ticket.called').map((m) => m.event.data.number);
    expect(calls).toEqual(missed);
    const seqs = second.messages.filter((m) => m.type === 'event').map((m) => m.event.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(seqs[0]).toBeGreaterThan(lastSeq);
    second.close();
  });

  it('sends a fresh snapshot when the client is ahead of the server (e.g. restored database)', async () => {
    const s = await hall.socket(await hall.pair('board'), 10_000_000);
    const msg = await s.waitFor((m) => m.type === 'snapshot');
    expect(msg.snapshot.seq).toBeLessThan(10_000_000);
    s.close();
  });

  it('cuts off a revoked terminal: its socket closes and its token no longer works', async () => {
    const token = await hall.pair('board');
    const s = await hall.socket(token);
    const snap = await s.waitFor((m) => m.type === 'snapshot');
    const closed = new Promise<number>((ok) => s.ws.once('close', (code) => ok(code)));
    const res = await hall.api('POST', `/api/admin/terminals/${snap.snapshot.principal.id}/revoke`, undefined, await hall.admin());
    expect(res.status).toBe(200);
    expect(await closed).toBe(4001);
    expect((await hall.api('GET', '/api/queue', undefined, token)).status).toBe(401);
  });

  it('refuses a socket with an unknown token', async () => {
    const s = await hall.socket('not-a-token');
    const err = await s.waitFor((m) => m.type === 'error');
    expect(err).toEqual({ type: 'error', code: 'unauthorized', message: '本终端尚未配对或配对已失效' });
  });

  it('records a terminal heartbeat with pack version and device health for the admin', async () => {
    const token = await hall.pair('kiosk');
    const admin = await hall.socket(await hall.admin());
    await admin.waitFor((m) => m.type === 'snapshot');
    const res = await hall.api('POST', '/api/terminals/heartbeat', {
      packVersion: 1, devices: [{ device: 'printer', state: 'degraded', reason: '纸将尽' }],
    }, token);
    expect(res.status).toBe(200);
    const seen = await admin.waitFor((m) => m.type === 'event' && m.event.type === 'terminal.seen');
    expect(seen.event.data.terminal).toMatchObject({ role: 'kiosk', packVersion: 1, devices: [{ device: 'printer', state: 'degraded', reason: '纸将尽' }] });
    const list = await hall.api('GET', '/api/admin/terminals', undefined, await hall.admin());
    expect(list.body.terminals.find((t: { id: string }) => t.id === seen.event.data.terminal.id).lastSeen).not.toBeNull();
    admin.close();
  });
});
