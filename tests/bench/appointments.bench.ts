// What an appointment check-in adds to a ticket issue at the kiosk: the same in-process hall, holding 1,600 bookings of
// its site, issues 100 walk-in tickets and checks 100 booked citizens in by their ID card (each issues a 预约 ticket).
// JSON on the last line: the medians and p99 of both, and the median difference (target ≤ 100 ms).
import { createHmac, randomBytes } from 'node:crypto';
import { appointmentHashInput, type AppointmentFeed } from '../../protocol/citizen/appointments.ts';
import type { AppointmentsModule } from '../../hall-server/appointments/module.ts';
import { startTestHall } from '../support/hall.ts';
import { testIdentity } from '../support/citizens.ts';

const SERVICE = '212036001003';
const SLOT = Date.parse('2026-12-07T02:00:00Z');
const RUNS = 100;
const BOOKINGS = 16 * RUNS;

const key = randomBytes(32);
const people = Array.from({ length: BOOKINGS }, () => testIdentity());
const feed: AppointmentFeed = {
  keyId: 'bench',
  key: key.toString('base64'),
  appointments: people.map((p, i) => ({
    code: String(20_000_000 + i),
    serviceCode: SERVICE,
    slotStart: new Date(SLOT + (i % 16) * 30 * 60_000).toISOString(),
    personHash: createHmac('sha256', key).update(appointmentHashInput(p.idNumber)).digest('hex'),
    status: 'booked' as const,
  })),
};

let appointments: AppointmentsModule | null = null;
const hall = await startTestHall({
  now: () => new Date(SLOT - 10 * 60_000),
  onModules: (modules) => {
    appointments = modules.find((m) => m.name === 'appointments') as AppointmentsModule;
  },
});
appointments!.applyFeed(feed);
const kiosk = await hall.pair('kiosk');

async function timed(fn: () => Promise<number>): Promise<number> {
  const start = performance.now();
  const status = await fn();
  const ms = performance.now() - start;
  if (status !== 200 && status !== 201) throw new Error(`unexpected status ${status}`);
  return ms;
}

const issue: number[] = [];
const checkIn: number[] = [];
for (let i = 0; i < RUNS; i++) {
  issue.push(await timed(async () => {
    const res = await hall.api('POST', '/api/tickets', { idempotencyKey: `bench-issue-${i}`, serviceCode: SERVICE, identity: testIdentity() }, kiosk);
    return res.status;
  }));
  // Bookings at the first slot (every 16th) are on time at the hall's clock.
  const person = people[i * 16]!;
  checkIn.push(await timed(async () => {
    const res = await hall.api('POST', '/api/appointments/check-in', { idempotencyKey: `bench-check-in-${i}`, identity: person }, kiosk);
    return res.status;
  }));
}
await hall.close();

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;
const round = (ms: number) => Math.round(ms * 100) / 100;
console.log(JSON.stringify({
  'appointments.issue_ms_p50': round(pct(issue, 0.5)),
  'appointments.issue_ms_p99': round(pct(issue, 0.99)),
  'appointments.check_in_ms_p50': round(pct(checkIn, 0.5)),
  'appointments.check_in_ms_p99': round(pct(checkIn, 0.99)),
  'appointments.check_in_added_ms_p50': round(pct(checkIn, 0.5) - pct(issue, 0.5)),
}));
