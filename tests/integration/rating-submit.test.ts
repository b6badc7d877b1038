// Ratings through the real hall-server: bound to the finished ticket, stored exactly once by id, one per service,
// only from the window's own pad, 差评 reasons required, phone encrypted and masked.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHall, type TestHall } from '../support/hall.ts';
import { rating, serveAndFinish, terminals, type Terminals } from './rating-flow.helpers.ts';

let hall: TestHall;
let t: Terminals;

beforeAll(async () => {
  hall = await startTestHall();
  t = await terminals(hall, [1, 2]);
});
afterAll(async () => {
  await hall.close();
});

describe('rating submit', () => {
  it('stores a rating bound to ticket, window, signed-in staff, service and case number — once per id', async () => {
    const ticketId = await serveAndFinish(hall, t, 1, '20101', 'CASE-2026-0001');
    const first = await hall.api('POST', '/api/windows/1/ratings', rating('padrating0001', ticketId, 5), t.pad[1]);
    expect(first.status).toBe(201);
    expect(first.body).toEqual({ id: 'padrating0001', ticketId, score: 5, duplicate: false, caseId: null });
    const retry = await hall.api('POST', '/api/windows/1/ratings', rating('padrating0001', ticketId, 5), t.pad[1]);
    expect(retry.status).toBe(200);
    expect(retry.body.duplicate).toBe(true);

    const db = new Database(join(hall.dataDir, 'hall.sqlite'), { readonly: true, fileMustExist: true });
    try {
      const rows = db.prepare('SELECT * FROM ratings WHERE ticket_id = ?').all(ticketId) as Record<string, unknown>[];
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({
        id: 'padrating0001', window: 1, staff_id: '20101', staff_name: '李明华', service_code: '212036001003',
        case_number: 'CASE-2026-0001', score: 5, bad: 0, source: 'touch',
      });
    } finally {
      db.close();
    }
  });

  it('国办发〔2019〕51号: one rating per service (一次一评): refuses a second rating for the same ticket, from the same or another pad', async () => {
    const ticketId = await serveAndFinish(hall, t, 1, '20101');
    expect((await hall.api('POST', '/api/windows/1/ratings', rating('padrating0002', ticketId, 4), t.pad[1])).status).toBe(201);
    const again = await hall.api('POST', '/api/windows/1/ratings', rating('padrating0003', ticketId, 1, { reasons: ['其他原因'] }), t.pad[1]);
    expect(again.status).toBe(409);
    expect(again.body.error).toEqual({ code: 'already_rated', message: expect.stringMatching(/^已评价（窗口评价器，\d\d:\d\d），每次服务只能评价一次$/) });
    const otherPad = await hall.api('POST', '/api/windows/2/ratings', rating('padrating0004', ticketId, 3), t.pad[2]);
    expect(otherPad.status).toBe(403);
    expect(otherPad.body.error.code).toBe('other_window');
    const wrongPath = await hall.api('POST', '/api/windows/1/ratings', rating('padrating0005', ticketId, 3), t.pad[2]);
    expect(wrongPath.status).toBe(403);
    const counter = await hall.api('POST', '/api/windows/1/ratings', rating('padrating0006', ticketId, 5), t.counter[1]);
    expect(counter.status).toBe(403);
  });

  it('refuses a rating id already used for another ticket, and stores nothing for it', async () => {
    const ticketId = await serveAndFinish(hall, t, 1, '20101');
    const reused = await hall.api('POST', '/api/windows/1/ratings', rating('padrating0001', ticketId, 3), t.pad[1]);
    expect(reused.status).toBe(422);
    expect(reused.body.error.code).toBe('idempotency_key_reused');
    const prompt = await hall.api('GET', '/api/windows/1/rating-prompt', undefined, t.pad[1]);
    expect(prompt.body.prompt.ticketId).toBe(ticketId);
    expect((await hall.api('POST', '/api/windows/1/ratings', rating('padrating0009', ticketId, 3), t.pad[1])).status).toBe(201);
  });

  it('refuses a rating for a ticket that was not finished', async () => {
    const res = await hall.api('POST', '/api/windows/1/ratings', rating('padrating0007', 'no-such-ticket', 5), t.pad[1]);
    expect(res.status).toBe(404);
    expect(res.body.error.message).toBe('没有找到这张已办结的号票，无法评价');
  });

  it('requires a reason for 差评, opens a case, keeps the phone encrypted and shows it masked', async () => {
    const ticketId = await serveAndFinish(hall, t, 2, '20102');
    const noReason = await hall.api('POST', '/api/windows/2/ratings', rating('padrating0010', ticketId, 2), t.pad[2]);
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.message).toBe('差评请至少选择一项原因或填写意见');
    const noConsent = await hall.api('POST', '/api/windows/2/ratings',
      rating('padrating0011', ticketId, 2, { reasons: ['等候时间过长'], phone: '13812345678' }), t.pad[2]);
    expect(noConsent.body.error.message).toBe('留下回访电话前请您确认同意回访');
    const ok = await hall.api('POST', '/api/windows/2/ratings',
      rating('padrating0012', ticketId, 1, { reasons: ['等候时间过长', '业务不熟练'], phone: '13812345678', consent: true }), t.pad[2]);
    expect(ok.status).toBe(201);
    expect(ok.body.caseId).toMatch(/^C[0-9a-f]{16}$/);

    const c = await hall.api('GET', `/api/ratings/cases/${ok.body.caseId}`, undefined, t.admin);
    expect(c.body).toMatchObject({
      state: '待回访', phone: '138****5678', reasons: ['等候时间过长', '业务不熟练'], staffId: '20102', staffName: '王秀梅',
      window: 2, score: 1, allowedActions: ['callback', 'appeal'],
    });

    const db = new Database(join(hall.dataDir, 'hall.sqlite'), { readonly: true, fileMustExist: true });
    try {
      const row = db.prepare('SELECT phone_sealed FROM ratings WHERE id = ?').get('padrating0012') as { phone_sealed: string };
      expect(row.phone_sealed).not.toContain('13812345678');
      expect(row.phone_sealed.length).toBeGreaterThan(20);
    } finally {
      db.close();
    }
  });

  it('turns a finished ticket into a prompt right after the finish commits, before any pad asks or rates', async () => {
    // A listener registered after the ratings module's runs after it and schedules its read after the module's
    // ingest: the prompt must be there by then, without a submit, a prompt request or the 5 s sweep.
    const app = hall.hall!.app;
    const promptAfterCommit = new Promise<unknown>((resolve) => {
      app.onEventsCommitted((events) => {
        const finished = events.find((e) => e.type === 'ticket.finished');
        if (!finished) return;
        const ticketId = (finished.data as { ticketId: string }).ticketId;
        setImmediate(() =>
          resolve(app.db.prepare('SELECT ticket_id, window, outcome FROM rating_prompts WHERE ticket_id = ?').get(ticketId) ?? null),
        );
      });
    });
    const ticketId = await serveAndFinish(hall, t, 2, '20102');
    expect(await promptAfterCommit).toEqual({ ticket_id: ticketId, window: 2, outcome: 'pending' });
  });

  it('gives the pad its pending prompt in the snapshot and by route', async () => {
    const ticketId = await serveAndFinish(hall, t, 2, '20102');
    const prompt = await hall.api('GET', '/api/windows/2/rating-prompt', undefined, t.pad[2]);
    expect(prompt.body.prompt).toMatchObject({ ticketId, serviceName: expect.any(String) });
    expect(prompt.body.prompt.caseNumber).toMatch(/^\d{6}001\d{8}0\d{6}$/);
    const socket = await hall.socket(t.pad[2]!);
    const snap = await socket.waitFor((m) => m.type === 'snapshot');
    expect(snap.snapshot.modules.ratings).toMatchObject({
      window: 2, windowName: '参保登记窗口', slogan: '中国医保 一生守护', noRatingTimeoutSeconds: 120, prompt: { ticketId },
    });
    expect(snap.snapshot.modules.ratings.badReasons).toContain('等候时间过长');
    socket.close();
    // Let the server see the close before the hall shuts down (its presence handler still writes to SQLite).
    await new Promise((r) => setTimeout(r, 200));
  });
});
