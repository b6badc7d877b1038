// Nothing stalls the hall: heartbeats stay out of the durable event log, a resume reads the log in small pages and only
// what the client's role may see, and a client far behind (or cut off at the buffer limit) gets a fresh snapshot.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUDIT_STEP_ROWS, AuditReader } from '../../hall-server/audit/store.ts';
import { parseAuditQuery } from '../../hall-server/audit/query.ts';
import { MAX_REPLAY_ROWS, REPLAY_BYTES_FLOOR, REPLAY_PAGE_ROWS } from '../../hall-server/core/replay.ts';
import { testIdentity } from '../support/citizens.ts';
import { startTestHall, type TestHall } from '../support/hall.ts';

let hall: TestHall;
const pages: number[] = [];
let kiosk: string;
let counter1: string;
let service: string;

beforeAll(async () => {
  hall = await startTestHall({ onReplayPage: (rows) => pages.push(rows) });
  kiosk = await hall.pair('kiosk');
  counter1 = await hall.pair('counter', 1);
  service = (await hall.api('GET', '/api/queue', undefined, kiosk)).body.windows[0].services[0];
  await hall.api('POST', '/api/windows/1/sign-in', { staffId: '20101' }, counter1);
});
afterAll(() => hall.close());

const db = () => hall.hall!.db;
const count = (type: string) => db().prepare('SELECT COUNT(*) FROM events WHERE type = ?').pluck().get(type) as number;
const lastSeq = () => db().prepare('SELECT MAX(seq) FROM events').pluck().get() as number;

/** Writes `n` events straight into the log, as days of a busy hall would have left them. */
function fill(n: number, type: string, data: unknown, roles: string[] | null): void {
  const insert = db().prepare('INSERT INTO events (type, at, data, window, roles) VALUES (?, ?, ?, NULL, ?)');
  const text = JSON.stringify(data);
  const rolesText = roles ? JSON.stringify(roles) : null;
  db().transaction(() => {
    for (let i = 0; i < n; i++) insert.run(type, new Date().toISOString(), text, rolesText);
  })();
}

let k = 0;
async function issueAndCall(): Promise<string> {
  await hall.api('POST', '/api/tickets', { idempotencyKey: `stall-key-${k++}-xxxx`, serviceCode: service, identity: testIdentity() }, kiosk);
  const called = await hall.api('POST', '/api/windows/1/call-next', {}, counter1);
  await hall.api('POST', '/api/windows/1/finish', { caseNumber: `CASE-${k}` }, counter1);
  return called.body.ticket.number;
}

describe('heartbeats', () => {
  it('a terminal beating with nothing new writes one terminal.seen event, not one per beat; a change writes the next', async () => {
    const token = await hall.pair('kiosk');
    const admin = await hall.socket(await hall.admin());
    await admin.waitFor((m) => m.type === 'snapshot');
    const before = count('terminal.seen');
    const beat = { packVersion: 1, devices: [{ device: 'printer', state: 'ok', reason: '工作正常' }] };
    for (let i = 0; i < 30; i++) expect((await hall.api('POST', '/api/terminals/heartbeat', beat, token)).status).toBe(200);
    expect(count('terminal.seen') - before).toBe(1);
    const degraded = { packVersion: 1, devices: [{ device: 'printer', state: 'degraded', reason: '纸将尽' }] };
    await hall.api('POST', '/api/terminals/heartbeat', degraded, token);
    await hall.api('POST', '/api/terminals/heartbeat', degraded, token);
    expect(count('terminal.seen') - before).toBe(2);
    await admin.waitFor((m) => m.type === 'event' && m.event.type === 'terminal.seen' && m.event.data.terminal.devices[0].state === 'degraded');
    expect(admin.messages.filter((m) => m.type === 'event' && m.event.type === 'terminal.seen')).toHaveLength(2);
    const list = await hall.api('GET', '/api/admin/terminals', undefined, await hall.admin());
    expect(list.body.terminals.filter((t: { lastSeen: string | null }) => t.lastSeen !== null).length).toBeGreaterThan(0);
    admin.close();
  });
});

describe('resume', () => {
  it('reads the missed events in pages of at most REPLAY_PAGE_ROWS rows and sends a board only what a board may see', async () => {
    const token = await hall.pair('board');
    const first = await hall.socket(token);
    const from = (await first.waitFor((m) => m.type === 'snapshot')).snapshot.seq;
    first.close();
    fill(3000, 'terminal.seen', { terminal: { id: 'x' } }, ['admin']);
    const called = await issueAndCall();
    pages.length = 0;
    const second = await hall.socket(token, from);
    await second.waitFor((m) => m.type === 'event' && m.event.type === 'ticket.called' && m.event.data.number === called);
    expect(second.messages[0]).toEqual({ type: 'resumed', fromSeq: from });
    expect(second.messages.some((m) => m.event?.type === 'terminal.seen')).toBe(false);
    expect(Math.max(...pages)).toBeLessThanOrEqual(REPLAY_PAGE_ROWS);
    expect(pages.reduce((a, b) => a + b, 0)).toBe(lastSeq() - from);
    expect(pages.length).toBeGreaterThanOrEqual(Math.ceil(3000 / REPLAY_PAGE_ROWS));
    second.close();
  });

  it('holds events committed during a paged resume until the replay is out: every seq once, in order', async () => {
    const token = await hall.pair('board');
    const first = await hall.socket(token);
    const from = (await first.waitFor((m) => m.type === 'snapshot')).snapshot.seq;
    first.close();
    const missed = await issueAndCall();
    fill(3000, 'terminal.seen', { terminal: { id: 'x' } }, ['admin']);
    const second = await hall.socket(token, from);
    const live = await issueAndCall();
    await second.waitFor((m) => m.type === 'event' && m.event.type === 'ticket.called' && m.event.data.number === live);
    const calls = second.messages.filter((m) => m.type === 'event' && m.event.type === 'ticket.called').map((m) => m.event.data.number);
    expect(calls).toEqual([missed, live]);
    const seqs = second.messages.filter((m) => m.type === 'event').map((m) => m.event.seq);
    expect(seqs).toEqual([...new Set(seqs)].sort((a, b) => a - b));
    second.close();
  });

  it('answers a gap of more than MAX_REPLAY_ROWS events (days of history) with a snapshot, reading none of them', async () => {
    const token = await hall.pair('board');
    const first = await hall.socket(token);
    const from = (await first.waitFor((m) => m.type === 'snapshot')).snapshot.seq;
    first.close();
    fill(MAX_REPLAY_ROWS + 1000, 'queue.changed', { services: [] }, null);
    pages.length = 0;
    const second = await hall.socket(token, from);
    const snap = await second.waitFor((m) => m.type === 'snapshot');
    expect(snap.snapshot.seq).toBe(lastSeq());
    expect(second.messages[0].type).toBe('snapshot');
    expect(pages).toEqual([]);
    second.close();
  });

  it('sends a snapshot instead of a replay larger than the snapshot, so a client cut off at the buffer limit is not cut off again', async () => {
    const token = await hall.pair('board');
    const first = await hall.socket(token);
    const snapshotBytes = JSON.stringify((await first.waitFor((m) => m.type === 'snapshot')).snapshot).length;
    const from = first.messages[0].snapshot.seq;
    first.close();
    // Few events, each visible to a board, together larger than the snapshot.
    const bytes = Math.max(snapshotBytes, REPLAY_BYTES_FLOOR);
    fill(20, 'queue.changed', { services: [], pad: 'x'.repeat(Math.ceil(bytes / 10)) }, null);
    const second = await hall.socket(token, from);
    const snap = await second.waitFor((m) => m.type === 'snapshot');
    expect(snap.snapshot.seq).toBe(lastSeq());
    expect(second.messages.filter((m) => m.type === 'event')).toEqual([]);
    second.close();
    // Reconnecting from the snapshot it got resumes with nothing to replay.
    const third = await hall.socket(token, snap.snapshot.seq);
    expect(await third.waitFor((m) => m.type === 'resumed')).toEqual({ type: 'resumed', fromSeq: snap.snapshot.seq });
    third.close();
  });
});

describe('a year of the audit trail', () => {
  const DAY_MS = 86_400_000;
  const YEAR_ROWS = 45_000;
  const day = (ms: number) => new Date(ms + 480 * 60_000).toISOString().slice(0, 10);

  it('is counted and paged in steps of at most AUDIT_STEP_ROWS index entries, with the exact total and order', async () => {
    const nowMs = Date.now();
    const insert = db().prepare("INSERT INTO audit (at, action, details) VALUES (?, ?, '{}')");
    db().transaction(() => {
      for (let i = 0; i < YEAR_ROWS; i++) {
        insert.run(new Date(nowMs - 360 * DAY_MS + Math.floor((i * 360 * DAY_MS) / YEAR_ROWS)).toISOString(), i % 9 === 0 ? 'ratings.export' : 'window.call-next');
      }
    })();
    const from = day(nowMs - 365 * DAY_MS);
    const to = day(nowMs);
    const admin = await hall.admin();
    const expected = db()
      .prepare("SELECT id FROM audit WHERE action = 'ratings.export' ORDER BY at DESC, id DESC")
      .pluck()
      .all() as number[];
    const first = await hall.api('GET', `/api/admin/audit?from=${from}&to=${to}&action=ratings.export&limit=200`, undefined, admin);
    expect(first.status).toBe(200);
    expect(first.body.total).toBe(expected.length);
    expect(first.body.entries.map((e: { id: number }) => e.id)).toEqual(expected.slice(0, 200));
    const second = await hall.api('GET', `/api/admin/audit?from=${from}&to=${to}&action=ratings.export&limit=200&cursor=${first.body.next}`, undefined, admin);
    expect(second.body.entries.map((e: { id: number }) => e.id)).toEqual(expected.slice(200, 400));

    const steps: number[] = [];
    const reader = new AuditReader(db());
    const query = parseAuditQuery(new URLSearchParams({ from, to, limit: '200' }), nowMs, 480);
    const page = await reader.page(query, { onStep: (rows) => steps.push(rows) });
    expect(page.total).toBe(db().prepare('SELECT COUNT(*) FROM audit WHERE at >= ? AND at < ?').pluck().get(query.start, query.end));
    expect(Math.max(...steps)).toBeLessThanOrEqual(AUDIT_STEP_ROWS + 1);
    expect(steps.length).toBeGreaterThanOrEqual(Math.ceil(YEAR_ROWS / (AUDIT_STEP_ROWS + 1)));
  });
});
