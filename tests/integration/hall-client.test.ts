// The page's hall client (kiosk-app/shared/hall) against a real hall-server: pairing, api() errors, and the event socket
// surviving a hall-server restart — it reconnects with backoff and resumes without missing a call, and counts as failed
// only the attempts the stopped hall refused, not the drop itself.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { api, HallApiError, setHallBaseUrl } from '../../kiosk-app/shared/hall/api.ts';
import { ensurePaired } from '../../kiosk-app/shared/hall/pairing.ts';
import { session } from '../../kiosk-app/shared/hall/session.ts';
import { subscribe, type HallStream } from '../../kiosk-app/shared/hall/socket.ts';
import { queueSnapshotOf } from '../../protocol/hall/index.ts';
import { startTestHall, type TestHall } from '../support/hall.ts';
import { testIdentity } from '../support/citizens.ts';

let hall: TestHall;
beforeAll(async () => {
  hall = await startTestHall();
  setHallBaseUrl(hall.url);
});
afterAll(() => hall.close());

function until(pred: () => boolean, timeoutMs = 8000): Promise<void> {
  return new Promise((ok, fail) => {
    const start = Date.now();
    const tick = () => (pred() ? ok() : Date.now() - start > timeoutMs ? fail(new Error('condition not met in time')) : setTimeout(tick, 20));
    tick();
  });
}

describe('page client', () => {
  it('pairs automatically in a demo hall and says it was a demo pairing', async () => {
    const s = await ensurePaired({ role: 'board' });
    expect(s?.demo).toBe(true);
    expect(s?.principal).toMatchObject({ role: 'board', window: null });
    expect(session.value?.token).toBe(s?.token);
  });

  it('turns an error body into a HallApiError with the Chinese message', async () => {
    const err = await api('/api/tickets', { idempotencyKey: 'x' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HallApiError);
    expect((err as HallApiError).status).toBe(403);
    expect((err as HallApiError).message).toBe('本终端无权进行此操作');
  });

  it('keeps the snapshot current and resumes after a hall-server restart without missing a call', async () => {
    const kiosk = await hall.pair('kiosk');
    const counter = await hall.pair('counter', 1);
    const service = (await hall.api('GET', '/api/queue', undefined, kiosk)).body.windows[0].services[0];
    await hall.api('POST', '/api/windows/1/sign-in', { staffId: '20101' }, counter);
    const stream: HallStream = subscribe({ WebSocketImpl: WebSocket as unknown as typeof globalThis.WebSocket, backoffMs: [1500] });
    const states: string[] = [];
    /** Each state with the failed attempts counted when it was entered. */
    stream.state.subscribe((s) => states.push(`${s}/${stream.failedAttempts.peek()}`));
    await until(() => stream.state.value === 'open');
    let n = 0;
    const callOne = async (h: TestHall) => {
      await h.api('POST', '/api/tickets', { idempotencyKey: `client-${n++}-xxxx`, serviceCode: service, identity: testIdentity() }, kiosk);
      const res = await h.api('POST', '/api/windows/1/call-next', {}, counter);
      await h.api('POST', '/api/windows/1/finish', {}, counter);
      return res.body.ticket.number as string;
    };
    const before = await callOne(hall);
    await until(() => stream.events.value.some((e) => e.type === 'ticket.called'));
    expect(queueSnapshotOf(stream.snapshot.value!)!.recentCalls.map((c) => c.number)).toEqual([before]);

    const { dataDir, port } = hall;
    await hall.close(false);
    await until(() => stream.state.value === 'reconnecting');
    // The hall stays down until an attempt to reach it has failed.
    await until(() => stream.failedAttempts.value > 0);
    hall = await startTestHall({ dataDir, port });
    const during = [await callOne(hall), await callOne(hall)];
    await until(() => stream.events.value.filter((e) => e.type === 'ticket.called').length === 3);
    const calls = stream.events.value.filter((e) => e.type === 'ticket.called').map((e) => (e.data as { number: string }).number);
    expect(calls).toEqual([before, ...during]);
    expect(stream.state.value).toBe('open');
    expect(stream.failedAttempts.value).toBe(0);
    // The drop alone failed nothing: the link went from open to reconnecting with no failed attempt.
    expect(states.slice(0, 3)).toEqual(['connecting/0', 'open/0', 'reconnecting/0']);
    const seqs = stream.events.value.map((e) => e.seq);
    expect(new Set(seqs).size).toBe(seqs.length);
    stream.close();
  });
});
