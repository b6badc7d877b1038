// Kiosk check-in (DB21/T 4402 §10.1.2): finds the booking by 预约码 or by the keyed hash of the ID number a card or
// 医保码 gave, then issues a 预约 ticket on time, says when to come back when early, and issues an ordinary ticket with
// an explanation when late (the booking then counts as 爽约).
import { createHmac } from 'node:crypto';
import {
  appointmentHashInput, checkInOpensAt, checkInTiming, type CheckInRequest, type CheckInResponse,
} from '../../protocol/citizen/appointments.ts';
import { ApiError, type HallApp, type Principal } from '../core/module.ts';
import type { QueueEngine } from '../queue/engine.ts';
import { checkInMessage } from './messages.ts';
import type { AppointmentRow, AppointmentStore } from './store.ts';

export interface CheckInDeps {
  app: HallApp;
  store: AppointmentStore;
  queue(): QueueEngine;
  utcOffsetMinutes: number;
}

/** The site's keyed hash of an ID number, with the key the region fed (decrypted from the hall's secrets); null before any feed. */
export function personHashAt(deps: Pick<CheckInDeps, 'app' | 'store'>, idNumber: string): string | null {
  const sealed = deps.store.sealedKey();
  if (!sealed) return null;
  const key = Buffer.from(deps.app.secrets.decrypt(sealed), 'base64');
  return createHmac('sha256', key).update(appointmentHashInput(idNumber)).digest('hex');
}

function find(deps: CheckInDeps, req: CheckInRequest, nowMs: number): AppointmentRow {
  if (req.code) {
    const byCode = deps.store.byCode(req.code);
    if (byCode) return byCode;
  } else if (req.identity) {
    const hash = personHashAt(deps, req.identity.idNumber);
    const byPerson = hash ? deps.store.nearestFor(hash, nowMs, req.idempotencyKey) : null;
    if (byPerson) return byPerson;
  }
  throw new ApiError(404, 'appointment_not_found', '没有找到您的预约，请核对预约码，或直接取号办理');
}

export function checkIn(deps: CheckInDeps, req: CheckInRequest, principal: Principal): CheckInResponse {
  const { app, store } = deps;
  const nowMs = app.now().getTime();
  const booking = find(deps, req, nowMs);
  if (booking.status === 'cancelled') throw new ApiError(409, 'appointment_cancelled', '该预约已取消，请直接取号办理');
  const retry = booking.check_in_key === req.idempotencyKey;
  if (booking.status === 'checked_in' && !retry) throw new ApiError(409, 'appointment_used', '该预约已签到取号，请留意叫号');
  // A retried check-in answers as the first did (the queue's idempotency key returns the same ticket).
  const timing = retry ? (booking.status === 'checked_in' ? 'on_time' : 'late') : checkInTiming(booking.slot_at, nowMs);
  const serviceName = app.pack().services.find((s) => s.code === booking.service)?.name ?? booking.service;
  const appointment = { code: booking.code, serviceCode: booking.service, serviceName, slotStart: new Date(booking.slot_at).toISOString() };
  const message = checkInMessage(timing, { serviceName, slotAtMs: booking.slot_at, nowMs, utcOffsetMinutes: deps.utcOffsetMinutes });
  if (timing === 'early') {
    return { timing, appointment, comeBackFrom: new Date(checkInOpensAt(booking.slot_at)).toISOString(), ticket: null, message };
  }
  const ticket = deps.queue().issue(
    { idempotencyKey: req.idempotencyKey, serviceCode: booking.service, identity: req.identity, senior: req.senior },
    principal,
    timing === 'on_time' ? booking.slot_at : null,
  );
  if (retry) return { timing, appointment, comeBackFrom: null, ticket, message };
  const status = timing === 'on_time' ? 'checked_in' : 'no_show';
  app.tx(() => {
    if (booking.status === 'booked') {
      app.events.publish('appointment.recorded', { code: booking.code, serviceCode: booking.service, slotStart: appointment.slotStart, status }, { roles: [] });
    }
    store.setStatus(booking.code, status, ticket.ticket.id, nowMs, req.idempotencyKey);
    app.audit(principal, 'appointment.check_in', { code: booking.code, timing, ticket: ticket.ticket.id });
  });
  return { timing, appointment, comeBackFrom: null, ticket, message };
}

/** 爽约: every booking whose check-in window has closed without a check-in, recorded once for statistics and the region. */
export function sweepNoShows(deps: Pick<CheckInDeps, 'app' | 'store'>, lateMs: number): number {
  const nowMs = deps.app.now().getTime();
  let total = 0;
  for (;;) {
    const page = deps.store.missed(nowMs - lateMs);
    if (!page.length) return total;
    deps.app.tx(() => {
      for (const b of page) {
        deps.store.setStatus(b.code, 'no_show', null, nowMs);
        deps.app.events.publish('appointment.recorded', {
          code: b.code, serviceCode: b.service, slotStart: new Date(b.slot_at).toISOString(), status: 'no_show',
        }, { roles: [] });
      }
    });
    total += page.length;
  }
}
