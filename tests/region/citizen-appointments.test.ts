// 可预约服务 at the region (DB21/T 4402 §10.1.2): slots from the site's rules, booking with the ID number kept only as
// the site's keyed hash, capacity under concurrent bookings, cancelling, and the feed a hall pulls over its signed link
// and then checks a citizen in from, matching the card's number to the booking.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateRegionKeyFile, loadRegionKeys, writeRegionKeyFile, type RegionKeys } from '../../region-server/keys.ts';
import { openPhone } from '../../region-server/appointments/keys.ts';
import { saveSlotRules } from '../../region-server/appointments/store.ts';
import { loadDemoRegionContent, seedDemoCatalogue } from '../../region-server/catalogue/demo.ts';
import { regionOpenApi } from '../../region-server/console/openapi.ts';
import { createEnrolmentCode, createSite } from '../../region-server/sites/enrol.ts';
import { startTestHall, type TestHall } from '../support/hall.ts';
import { testIdentity } from '../support/citizens.ts';
import { freshDatabase, startTestRegion, type TestRegion } from '../support/region.ts';
import { readDb, SERVICE_OF_WINDOW } from '../integration/rating-flow.helpers.ts';

const SERVICE = SERVICE_OF_WINDOW[1]!;
const keyDir = mkdtempSync(join(tmpdir(), 'citizen-appointments-'));
let keys: RegionKeys;
let pool: pg.Pool;
let region: TestRegion;

beforeAll(async () => {
  writeRegionKeyFile(join(keyDir, 'region-keys.json'), generateRegionKeyFile());
  keys = loadRegionKeys(join(keyDir, 'region-keys.json'));
  pool = (await freshDatabase()).pool;
  region = await startTestRegion({ keys, pool });
  await createSite(pool, { id: 'dongcun', name: '东村医保服务站', level: 'town' }, 'test');
  await saveSlotRules(pool, 'dongcun', [{ serviceCode: SERVICE, capacity: 3, daysAhead: 7, cutoffMinutes: 60 }]);
});
afterAll(async () => {
  await region.close();
  await pool.end();
  rmSync(keyDir, { recursive: true, force: true });
});

async function call(method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> { // any: tests read fields freely
  const res = await fetch(`${region.url}${path}`, {
    method, ...(body ? { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } } : {}),
  });
  return { status: res.status, body: await res.json() };
}

async function freeSlots(): Promise<Array<{ start: string; free: number }>> {
  const res = await call('GET', `/api/booking/sites/dongcun/items/${SERVICE}/slots`);
  expect(res.status).toBe(200);
  return res.body.slots;
}

describe('DB21/T 4402 §10.1.2: booking at the region', () => {
  it('lists the site and item, and half-hour slots at least the cut-off ahead', async () => {
    const sites = await call('GET', '/api/booking/sites');
    expect(sites.body.sites.map((s: { id: string; items: Array<{ code: string }> }) => [s.id, s.items.map((i) => i.code)])).toEqual([['dongcun', [SERVICE]]]);
    const slots = await freeSlots();
    expect(slots.length).toBeGreaterThan(0);
    for (const s of slots) {
      expect(Date.parse(s.start) - Date.now()).toBeGreaterThan(59 * 60_000);
      expect(Date.parse(s.start) % (30 * 60_000)).toBe(0);
      expect(s.free).toBe(3);
    }
  });

  it('books: a 预约码 back; the ID number only as a keyed hash and the phone only sealed', async () => {
    const person = testIdentity();
    const slot = (await freeSlots())[0]!.start;
    const res = await call('POST', '/api/booking/appointments', { siteId: 'dongcun', serviceCode: SERVICE, slotStart: slot, idNumber: person.idNumber, phone: '13900001111' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ siteId: 'dongcun', siteName: '东村医保服务站', serviceCode: SERVICE, slotStart: slot });
    expect(res.body.code).toMatch(/^\d{8}$/);
    const row = await pool.query<{ text: string; phone_sealed: string }>('SELECT a::text AS text, phone_sealed FROM appointments a WHERE code = $1', [res.body.code]);
    expect(row.rows[0]!.text).not.toContain(person.idNumber);
    expect(row.rows[0]!.text).not.toContain('13900001111');
    expect(openPhone(keys, row.rows[0]!.phone_sealed)).toBe('13900001111');
    const again = await call('POST', '/api/booking/appointments', { siteId: 'dongcun', serviceCode: SERVICE, slotStart: slot, idNumber: person.idNumber, phone: '13900001111' });
    expect([again.status, again.body.error.message]).toEqual([409, '您已预约该时段，无需重复预约']);
  });

  it('never overbooks a slot under 20 concurrent bookings (capacity 3)', async () => {
    const slot = (await freeSlots())[1]!.start;
    const answers = await Promise.all(Array.from({ length: 20 }, () => call('POST', '/api/booking/appointments', {
      siteId: 'dongcun', serviceCode: SERVICE, slotStart: slot, idNumber: testIdentity().idNumber, phone: '13900002222',
    })));
    expect(answers.filter((a) => a.status === 201)).toHaveLength(3);
    const refused = answers.filter((a) => a.status !== 201);
    expect(refused).toHaveLength(17);
    for (const r of refused) expect(r.body.error).toEqual({ code: 'slot_full', message: '该时段已约满，请另选时段' });
    const stored = await pool.query("SELECT count(*)::int AS n FROM appointments WHERE slot_start = $1 AND status = 'booked'", [slot]);
    expect(stored.rows[0].n).toBe(3);
    expect((await freeSlots()).find((s) => s.start === slot)!.free).toBe(0);
  });

  it('cancels with the 预约码 and the last 4 digits of the ID number, and frees the place', async () => {
    const person = testIdentity();
    const slot = (await freeSlots())[2]!.start;
    const booked = await call('POST', '/api/booking/appointments', { siteId: 'dongcun', serviceCode: SERVICE, slotStart: slot, idNumber: person.idNumber, phone: '13900003333' });
    expect((await freeSlots()).find((s) => s.start === slot)!.free).toBe(2);
    const wrong = await call('POST', '/api/booking/appointments/cancel', { code: booked.body.code, idLast4: '0000' });
    expect([wrong.status, wrong.body.error.message]).toEqual([404, '没有找到该预约，请核对预约码和身份证号码后 4 位']);
    const ok = await call('POST', '/api/booking/appointments/cancel', { code: booked.body.code, idLast4: person.idNumber.slice(-4) });
    expect(ok).toEqual({ status: 200, body: { ok: true } });
    expect((await freeSlots()).find((s) => s.start === slot)!.free).toBe(3);
    const twice = await call('POST', '/api/booking/appointments/cancel', { code: booked.body.code, idLast4: person.idNumber.slice(-4) });
    expect(twice.status).toBe(409);
  });

  it('a catalogue item\'s slots: check-in and slot inside its issuing hours, none over the lunch break', async () => {
    const item = loadDemoRegionContent().catalogue.find((i) => i.service.code === '212036001003')!;
    const hours = item.service.ticket.issuingHours;
    expect(hours).toEqual([{ from: '08:30', to: '11:20' }, { from: '13:00', to: '16:40' }]);
    await seedDemoCatalogue(pool);
    await createSite(pool, { id: 'xicun', name: '西村医保服务站', level: 'town' }, 'test');
    await saveSlotRules(pool, 'xicun', [{ serviceCode: item.service.code, capacity: 2, daysAhead: 14, cutoffMinutes: 0 }]);
    const res = await call('GET', `/api/booking/sites/xicun/items/${item.service.code}/slots`);
    const clocks = new Set((res.body.slots as Array<{ start: string }>).map((s) => new Date(Date.parse(s.start) + 8 * 3_600_000).toISOString().slice(11, 16)));
    // Two weeks ahead always hold a whole working day, even across the longest holiday.
    // Check-in opens 30 min before a slot and then issues a ticket: the first slots are 30 min after tickets start.
    expect([...clocks].sort()).toEqual(['09:00', '09:30', '10:00', '10:30', '13:30', '14:00', '14:30', '15:00', '15:30', '16:00']);
  });

  it('the API reference lists the booking API and the feed', () => {
    const paths = Object.keys((regionOpenApi() as { paths: Record<string, unknown> }).paths);
    expect(paths).toEqual(expect.arrayContaining([
      '/api/booking/sites', '/api/booking/sites/{siteId}/items/{serviceCode}/slots', '/api/booking/appointments',
      '/api/booking/appointments/cancel', '/api/region/sites/{id}/appointments',
    ]));
  });

  it('refuses the feed to a request not signed by the site', async () => {
    const res = await call('GET', '/api/region/sites/dongcun/appointments');
    expect(res.status).toBe(401);
  });
});

describe('region → hall: the feed and a check-in from it', () => {
  let hall: TestHall;
  let hallNow: number | null = null;
  afterAll(async () => {
    await hall?.close(true);
  });

  it('the enrolled hall pulls its bookings over the signed link and matches the ID card read at its kiosk', async () => {
    const person = testIdentity('周九');
    const slot = (await freeSlots())[3]!.start;
    const booked = await call('POST', '/api/booking/appointments', { siteId: 'dongcun', serviceCode: SERVICE, slotStart: slot, idNumber: person.idNumber, phone: '13900004444' });
    expect(booked.status).toBe(201);

    hall = await startTestHall({ now: () => new Date(hallNow ?? Date.now()) });
    const admin = await hall.admin();
    const code = await createEnrolmentCode(pool, 'dongcun', 'test');
    expect((await hall.api('POST', '/api/admin/region/enrol', { url: region.url, code }, admin)).status).toBe(200);
    expect((await hall.api('POST', '/api/admin/region/refresh', undefined, admin)).status).toBe(200);
    const held = readDb(hall, (db) => db.prepare('SELECT code, status FROM appointments ORDER BY code').all()) as Array<{ code: string; status: string }>;
    expect(held).toContainEqual({ code: booked.body.code, status: 'booked' });
    expect(readDb(hall, (db) => db.prepare('SELECT sealed FROM appointment_key').get())).not.toBeUndefined();

    hallNow = Date.parse(slot) - 10 * 60_000;
    const kiosk = await hall.pair('kiosk');
    const res = await hall.api('POST', '/api/appointments/check-in', { idempotencyKey: 'region-check-in-1', identity: person }, kiosk);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ timing: 'on_time', appointment: { code: booked.body.code, slotStart: slot } });
    expect(res.body.ticket.ticket.appointmentAt).toBe(slot);
  });
});
