// Shared steps for the rating integration tests: serve and finish a ticket at a window through the real queue.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import type { TestHall } from '../support/hall.ts';
import { testIdentity } from '../support/citizens.ts';

export const SERVICE_OF_WINDOW: Record<number, string> = { 1: '212036001003', 2: '212036001002', 3: '212036008001' };

export interface Terminals {
  kiosk: string;
  admin: string;
  counter: Record<number, string>;
  pad: Record<number, string>;
}

export async function terminals(hall: TestHall, windows: number[]): Promise<Terminals> {
  const t: Terminals = { kiosk: await hall.pair('kiosk'), admin: await hall.admin(), counter: {}, pad: {} };
  for (const w of windows) {
    t.counter[w] = await hall.pair('counter', w);
    t.pad[w] = await hall.pair('pad', w);
  }
  return t;
}

let keySeq = 0;

/** Issues a ticket for the window's service, signs `staffId` in, calls and finishes it; returns the ticket id. */
export async function serveAndFinish(
  hall: TestHall,
  t: Terminals,
  window: number,
  staffId: string,
  caseNumber?: string,
): Promise<string> {
  const issued = await hall.api('POST', '/api/tickets', {
    idempotencyKey: `rating-test-${process.pid}-${++keySeq}`,
    serviceCode: SERVICE_OF_WINDOW[window],
    identity: testIdentity(),
  }, t.kiosk);
  if (issued.status !== 200 && issued.status !== 201) throw new Error(`issue failed: ${JSON.stringify(issued.body)}`);
  const counter = t.counter[window];
  const signIn = await hall.api('POST', `/api/windows/${window}/sign-in`, { staffId }, counter);
  if (signIn.status !== 200) throw new Error(`sign-in failed: ${JSON.stringify(signIn.body)}`);
  const called = await hall.api('POST', `/api/windows/${window}/call-next`, {}, counter);
  if (called.status !== 200 || !called.body.ticket) throw new Error(`call failed: ${JSON.stringify(called.body)}`);
  const finished = await hall.api('POST', `/api/windows/${window}/finish`, caseNumber ? { caseNumber } : {}, counter);
  if (finished.status !== 200) throw new Error(`finish failed: ${JSON.stringify(finished.body)}`);
  return called.body.ticket.id as string;
}

export function rating(id: string, ticketId: string, score: number, extra: Record<string, unknown> = {}) {
  return {
    id, ticketId, score, reasons: [], comment: '', phone: '', consent: false, source: 'touch',
    ratedAt: new Date().toISOString(), ...extra,
  };
}

/** Reads the hall's SQLite file directly (read-only), to check what was stored and what was purged. */
export function readDb<T>(hall: TestHall, fn: (db: Database.Database) => T): T {
  const db = new Database(join(hall.dataDir, 'hall.sqlite'), { readonly: true, fileMustExist: true });
  try {
    return fn(db);
  } finally {
    db.close();
  }
}
