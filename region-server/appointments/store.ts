// Bookings at the region: capacity is enforced by one conditional upsert of the slot's count inside the booking's own
// transaction (the row lock serialises concurrent bookings of one slot, so a slot is never overbooked).
import { randomInt } from 'node:crypto';
import type { Pool } from 'pg';
import type { AppointmentFeed, BookRequest, Booking, BookingSites, CancelRequest, FreeSlots, SlotRule } from '../../protocol/citizen/appointments.ts';
import { withTransaction } from '../db/transaction.ts';
import { RegionError } from '../http/errors.ts';
import type { RegionKeys } from '../keys.ts';
import { APPOINTMENT_KEY_ID, cancelHash, personHash, sealPhone, siteAppointmentKey } from './keys.ts';
import { bookableSlots, STANDARD_HOURS } from './slots.ts';
import type { TimeRange } from '../../protocol/rules/opening-hours.ts';
import { regionCalendar } from '../catalogue/calendar.ts';

const NOT_FOUND = '没有找到该预约，请核对预约码和身份证号码后 4 位';

export async function saveSlotRules(pool: Pool, siteId: string, rules: SlotRule[], now = new Date()): Promise<void> {
  await withTransaction(pool, async (db) => {
    await db.query('DELETE FROM site_slot_rules WHERE site_id = $1', [siteId]);
    for (const r of rules) {
      await db.query('INSERT INTO site_slot_rules VALUES ($1, $2, $3, $4, $5, $6)', [siteId, r.serviceCode, r.capacity, r.daysAhead, r.cutoffMinutes, now]);
    }
  });
}

export async function slotRules(pool: Pool, siteId: string): Promise<SlotRule[]> {
  const { rows } = await pool.query<{ service_code: string; capacity: number; days_ahead: number; cutoff_minutes: number }>(
    'SELECT service_code, capacity, days_ahead, cutoff_minutes FROM site_slot_rules WHERE site_id = $1 ORDER BY service_code', [siteId]);
  return rows.map((r) => ({ serviceCode: r.service_code, capacity: r.capacity, daysAhead: r.days_ahead, cutoffMinutes: r.cutoff_minutes }));
}

/** The site's rule for the item, with the hours the catalogue has the item issue tickets (its slots lie inside them;
 * the usual office hours for an item the catalogue does not hold). */
async function rule(pool: Pool, siteId: string, serviceCode: string): Promise<SlotRule & { issuingHours: TimeRange[] }> {
  const found = (await slotRules(pool, siteId)).find((r) => r.serviceCode === serviceCode);
  if (!found) throw new RegionError(404, 'not_bookable', '该站点的这个事项不提供预约');
  const { rows } = await pool.query<{ from_time: string; to_time: string }>(
    `SELECT r->>'from' AS from_time, r->>'to' AS to_time
       FROM catalogue_items c, jsonb_array_elements(c.item->'service'->'ticket'->'issuingHours') r WHERE c.code = $1`,
    [serviceCode]);
  return { ...found, issuingHours: rows.length > 0 ? rows.map((r) => ({ from: r.from_time, to: r.to_time })) : [...STANDARD_HOURS] };
}

export async function bookingSites(pool: Pool): Promise<BookingSites> {
  const { rows } = await pool.query<{ id: string; name: string; address: string | null; code: string; item_name: string | null }>(
    `SELECT s.id, s.name, p.profile->'hall'->>'address' AS address, r.service_code AS code, c.item->'service'->>'name' AS item_name
       FROM site_slot_rules r JOIN sites s ON s.id = r.site_id
       LEFT JOIN site_profiles p ON p.site_id = s.id LEFT JOIN catalogue_items c ON c.code = r.service_code
      ORDER BY s.id, c.position NULLS LAST, r.service_code`);
  const sites: BookingSites['sites'] = [];
  for (const r of rows) {
    let site = sites.at(-1);
    if (site?.id !== r.id) sites.push((site = { id: r.id, name: r.name, address: r.address ?? '', items: [] }));
    site.items.push({ code: r.code, name: r.item_name ?? r.code });
  }
  return { sites };
}

export async function freeSlots(pool: Pool, siteId: string, serviceCode: string, nowMs: number): Promise<FreeSlots> {
  const [r, calendar] = await Promise.all([rule(pool, siteId, serviceCode), regionCalendar(pool)]);
  const starts = bookableSlots(r, r.issuingHours, nowMs, calendar);
  const { rows } = await pool.query<{ slot_start: Date; booked: number }>(
    'SELECT slot_start, booked FROM slot_counts WHERE site_id = $1 AND service_code = $2 AND slot_start >= $3',
    [siteId, serviceCode, new Date(starts[0] ?? nowMs)]);
  const booked = new Map(rows.map((row) => [row.slot_start.getTime(), row.booked]));
  return { slots: starts.map((s) => ({ start: new Date(s).toISOString(), free: Math.max(0, r.capacity - (booked.get(s) ?? 0)) })) };
}

export async function book(pool: Pool, keys: RegionKeys, req: BookRequest, now = new Date()): Promise<Booking> {
  const [r, calendar] = await Promise.all([rule(pool, req.siteId, req.serviceCode), regionCalendar(pool)]);
  const slotMs = Date.parse(req.slotStart);
  if (!bookableSlots(r, r.issuingHours, now.getTime(), calendar).includes(slotMs)) throw new RegionError(409, 'slot_unavailable', '该时段不可预约，请另选时段');
  const siteKey = siteAppointmentKey(keys, req.siteId);
  const code = String(randomInt(10_000_000, 100_000_000));
  const hash = personHash(siteKey, req.idNumber);
  await withTransaction(pool, async (db) => {
    const taken = await db.query(
      `INSERT INTO slot_counts VALUES ($1, $2, $3, 1)
         ON CONFLICT (site_id, service_code, slot_start) DO UPDATE SET booked = slot_counts.booked + 1 WHERE slot_counts.booked < $4
       RETURNING booked`, [req.siteId, req.serviceCode, new Date(slotMs), r.capacity]);
    if (taken.rowCount === 0) throw new RegionError(409, 'slot_full', '该时段已约满，请另选时段');
    await db.query(`INSERT INTO appointments VALUES ($1, $2, $3, $4, $5, $6, $7, 'booked', $8, $8)`, [
      code, req.siteId, req.serviceCode, new Date(slotMs), hash, cancelHash(siteKey, code, req.idNumber.slice(-4)), sealPhone(keys, req.phone), now,
    ]).catch((err: { code?: string; constraint?: string }) => {
      if (err.code === '23505' && err.constraint === 'appointments_one_per_person') {
        throw new RegionError(409, 'already_booked', '您已预约该时段，无需重复预约');
      }
      throw err;
    });
  });
  const names = await pool.query<{ site: string; item: string | null }>(
    `SELECT s.name AS site, c.item->'service'->>'name' AS item FROM sites s LEFT JOIN catalogue_items c ON c.code = $2 WHERE s.id = $1`,
    [req.siteId, req.serviceCode]);
  const n = names.rows[0];
  return { code, siteId: req.siteId, siteName: n?.site ?? req.siteId, serviceCode: req.serviceCode, serviceName: n?.item ?? req.serviceCode, slotStart: new Date(slotMs).toISOString() };
}

export async function cancel(pool: Pool, keys: RegionKeys, req: CancelRequest, now = new Date()): Promise<void> {
  await withTransaction(pool, async (db) => {
    const found = await db.query<{ site_id: string; service_code: string; slot_start: Date; cancel_hash: string; status: string }>(
      'SELECT site_id, service_code, slot_start, cancel_hash, status FROM appointments WHERE code = $1 FOR UPDATE', [req.code]);
    const a = found.rows[0];
    if (!a || a.cancel_hash !== cancelHash(siteAppointmentKey(keys, a.site_id), req.code, req.idLast4)) {
      throw new RegionError(404, 'appointment_not_found', NOT_FOUND);
    }
    if (a.status !== 'booked') throw new RegionError(409, 'not_cancellable', '该预约已取消或已办理，无需再取消');
    await db.query(`UPDATE appointments SET status = 'cancelled', updated_at = $2 WHERE code = $1`, [req.code, now]);
    await db.query('UPDATE slot_counts SET booked = booked - 1 WHERE site_id = $1 AND service_code = $2 AND slot_start = $3',
      [a.site_id, a.service_code, a.slot_start]);
  });
}

/** The site's bookings from yesterday on (a day back so a late change still reaches the hall), with its key. */
export async function siteFeed(pool: Pool, keys: RegionKeys, siteId: string, now = new Date()): Promise<AppointmentFeed> {
  const { rows } = await pool.query<{ code: string; service_code: string; slot_start: Date; person_hash: string; status: 'booked' | 'cancelled' }>(
    `SELECT code, service_code, slot_start, person_hash, status FROM appointments
      WHERE site_id = $1 AND slot_start >= $2 ORDER BY slot_start LIMIT 20000`, [siteId, new Date(now.getTime() - 86_400_000)]);
  return {
    keyId: APPOINTMENT_KEY_ID,
    key: siteAppointmentKey(keys, siteId).toString('base64'),
    appointments: rows.map((r) => ({ code: r.code, serviceCode: r.service_code, slotStart: r.slot_start.toISOString(), personHash: r.person_hash, status: r.status })),
  };
}
