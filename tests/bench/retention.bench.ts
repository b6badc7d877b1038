// Database growth benchmark. Prints one JSON line:
//   hall.db_mb_per_year  the hall database after a year of a busy hall (1,500 tickets a working day, 250 working days,
//                        20 terminals beating every 10 minutes of hall time), with the default retention (events 7 days,
//                        terminal.seen 1 day, audit 3 years, so a whole year of audit stays)
// How: a real in-process hall on a controlled clock lives RETENTION_BENCH_DAYS days (default 3) of RETENTION_BENCH_TICKETS
// tickets each (default 300) through its HTTP API: issue, call, finish, a rating, heartbeats; the retention purge runs
// after each day. The year is projected from what was measured, per table (SQLite's dbstat): the event log at its
// steady size (7 days of events at most), every other table growing by its measured bytes per ticket. A projection,
// not a year of requests: the machine could not serve 1.5 million requests in a benchmark's time.
import { testIdentity } from '../support/citizens.ts';
import { startTestHall } from '../support/hall.ts';

const DAYS = Number(process.env['RETENTION_BENCH_DAYS'] ?? 3);
const TICKETS_PER_DAY = Number(process.env['RETENTION_BENCH_TICKETS'] ?? 300);
const BUSY_TICKETS_PER_DAY = 1500;
const WORKING_DAYS = 250;
const TERMINALS = 20;
const DAY_MS = 86_400_000;
const WINDOWS = 5;
const BEAT_MS = 10 * 60_000;
const EVENT_RETENTION_DAYS = 7;

/** Bytes of each table with its indexes (dbstat names the index, so indexes are summed under their table). */
function tableBytes(db: import('better-sqlite3').Database): Map<string, number> {
  const rows = db
    .prepare(
      `SELECT COALESCE(m.tbl_name, s.name) AS tbl, SUM(s.pgsize) AS bytes
         FROM dbstat s LEFT JOIN sqlite_schema m ON m.name = s.name GROUP BY tbl`,
    )
    .all() as Array<{ tbl: string; bytes: number }>;
  return new Map(rows.map((r) => [r.tbl, r.bytes]));
}

async function main(): Promise<void> {
  let now = Date.parse('2027-03-01T01:00:00Z'); // 09:00 in the hall
  const hall = await startTestHall({ now: () => new Date(now) });
  const db = hall.hall!.db;
  const kiosk = await hall.pair('kiosk');
  const counters: string[] = [];
  const pads: string[] = [];
  for (let w = 1; w <= WINDOWS; w++) {
    counters.push(await hall.pair('counter', w));
    pads.push(await hall.pair('pad', w));
  }
  const beating = [kiosk, ...counters, ...pads];
  while (beating.length < TERMINALS) beating.push(await hall.pair('board'));
  const servicesOf = async (w: number) => (await hall.api('GET', '/api/queue', undefined, kiosk)).body.windows[w - 1].services as string[];
  const services = await Promise.all(Array.from({ length: WINDOWS }, (_, i) => servicesOf(i + 1)));
  const before = tableBytes(db);
  let key = 0;
  let beats = 0;
  let ratingFailures = 0;
  const started = performance.now();
  for (let day = 0; day < DAYS; day++) {
    const opening = Date.parse('2027-03-01T01:00:00Z') + day * DAY_MS;
    now = opening;
    for (let w = 1; w <= WINDOWS; w++) await hall.api('POST', `/api/windows/${w}/sign-in`, { staffId: `2010${w}` }, counters[w - 1]);
    let lastBeat = now;
    for (let t = 0; t < TICKETS_PER_DAY; t++) {
      now = opening + Math.floor((t * 8 * 3_600_000) / TICKETS_PER_DAY);
      const w = (t % WINDOWS) + 1;
      const list = services[w - 1]!;
      await hall.api('POST', '/api/tickets', { idempotencyKey: `growth-${key++}-xxxx`, serviceCode: list[t % list.length], identity: testIdentity() }, kiosk);
      const called = await hall.api('POST', `/api/windows/${w}/call-next`, {}, counters[w - 1]);
      const ticketId = called.body?.ticket?.id as string | undefined;
      if (!ticketId) continue;
      const finished = await hall.api('POST', `/api/windows/${w}/finish`, { caseNumber: `CASE-${key}` }, counters[w - 1]);
      if (finished.status === 200) {
        const rated = await hall.api('POST', `/api/windows/${w}/ratings`, {
          id: `growth-rating-${key}`, ticketId, score: [5, 5, 4, 5, 3, 5, 4, 5, 5, 2][key % 10], reasons: key % 10 === 9 ? ['等候时间过长'] : [],
          comment: '', phone: '', consent: false, source: 'touch', ratedAt: new Date(now).toISOString(),
        }, pads[w - 1]);
        if (rated.status !== 201) ratingFailures++;
      }
      // Every terminal beats every 10 minutes of hall time (as often as its terminal.seen event is refreshed).
      while (now - lastBeat >= BEAT_MS) {
        lastBeat += BEAT_MS;
        for (const token of beating) {
          await hall.api('POST', '/api/terminals/heartbeat', { packVersion: 1, devices: [{ device: 'printer', state: 'ok', reason: '工作正常' }] }, token);
          beats++;
        }
      }
    }
    now = opening + 12 * 3_600_000;
    await hall.hall!.purge();
    console.error(`[retention.bench] day ${day + 1}/${DAYS} done (${((performance.now() - started) / 1000).toFixed(0)} s)`);
  }
  db.pragma('wal_checkpoint(TRUNCATE)');
  const after = tableBytes(db);
  const tickets = DAYS * TICKETS_PER_DAY;
  const eventRows = db.prepare('SELECT COUNT(*) FROM events').pluck().get() as number;
  const scale = BUSY_TICKETS_PER_DAY / TICKETS_PER_DAY;
  let yearBytes = ((after.get('events') ?? 0) * scale * EVENT_RETENTION_DAYS) / Math.min(DAYS, EVENT_RETENTION_DAYS);
  for (const [table, bytes] of after) {
    if (table === 'events') continue;
    const grown = bytes - (before.get(table) ?? 0);
    yearBytes += (before.get(table) ?? 0) + (grown / tickets) * BUSY_TICKETS_PER_DAY * WORKING_DAYS;
  }
  const top = [...after].sort((a, b) => b[1] - a[1]).slice(0, 6).map(([t, b]) => `${t} ${(b / 1048576).toFixed(2)} MB`);
  if (ratingFailures) console.error(`[retention.bench] ${ratingFailures} ratings refused`);
  console.error(`[retention.bench] ${tickets} tickets, ${beats} heartbeats; events kept: ${eventRows}; largest: ${top.join(', ')}`);
  const kinds = db.prepare('SELECT type, COUNT(*) AS n, SUM(LENGTH(data)) AS bytes FROM events GROUP BY type ORDER BY bytes DESC').all() as Array<{ type: string; n: number; bytes: number }>;
  console.error(`[retention.bench] events by type: ${kinds.map((k) => `${k.type} ${k.n} (${(k.bytes / 1024).toFixed(0)} KiB)`).join(', ')}`);
  await hall.close();
  console.log(JSON.stringify({ 'hall.db_mb_per_year': Number((yearBytes / 1048576).toFixed(1)) }));
  process.exit(0);
}

void main();
