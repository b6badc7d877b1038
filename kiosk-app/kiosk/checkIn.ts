// 预约签到's I/O: sends the typed 预约码 or the identity a card or 医保码 gave to the hall, and turns the answer into the
// flow's actions (model/checkIn.ts). The hall answers from its own copy of the bookings, so this works while its
// region link is down. One idempotency key per request: a retry after a lost answer gets the same ticket back.
import type { ReadonlySignal } from '@preact/signals';
import { AppointmentEndpoints, type CheckInRequest } from '../../protocol/citizen/appointments.ts';
import type { IssueTicketResponse } from '../../protocol/hall/queue.ts';
import { call, HallApiError, newIdempotencyKey } from '../shared/hall/api.ts';
import { codeProblem, hallWhen, isNoBooking } from './model/checkIn.ts';
import type { Action, IssuedTicket, Step } from './model/flow.ts';
import type { Identity } from './model/types.ts';

export interface CheckInDeps {
  step: ReadonlySignal<Step>;
  dispatch(action: Action): void;
  utcOffsetMinutes(): number;
  senior(): boolean;
  /** The screen's ticket from the hall's issue answer. */
  ticketOf(res: IssueTicketResponse, serviceCode: string): IssuedTicket;
  print(ticket: IssuedTicket): Promise<void>;
  /** The hall could not be reached (the kiosk then shows 暂停取号). */
  unreachable(): void;
}

export interface CheckIn {
  /** 签到 with the digits typed on the keypad. */
  submitCode(): Promise<void>;
  /** A card was read or a 医保码 decoded while the check-in screen waits. */
  withIdentity(identity: Identity): Promise<void>;
  /** Forget the pending request's key (idle reset). */
  reset(): void;
}

export function createCheckIn(deps: CheckInDeps): CheckIn {
  let pending: { what: string; key: string } | null = null;

  async function send(req: Pick<CheckInRequest, 'code' | 'identity'>): Promise<void> {
    const current = deps.step.peek();
    if (current.name !== 'checkIn' || current.busy) return;
    const what = JSON.stringify(req);
    if (pending?.what !== what) pending = { what, key: newIdempotencyKey() };
    deps.dispatch({ type: 'checkingIn' });
    try {
      const res = await call(AppointmentEndpoints.checkIn, {
        body: { idempotencyKey: pending.key, ...req, ...(deps.senior() ? { senior: true } : {}) },
      });
      pending = null;
      const offset = deps.utcOffsetMinutes();
      const { serviceCode, serviceName, slotStart } = res.appointment;
      const slotMs = Date.parse(slotStart);
      if (res.timing === 'early' || !res.ticket) {
        const comeBackAt = hallWhen(Date.parse(res.comeBackFrom ?? slotStart), slotMs, offset);
        deps.dispatch({ type: 'checkInEarly', code: serviceCode, serviceName, message: res.message, comeBackAt });
        return;
      }
      const ticket: IssuedTicket = {
        ...deps.ticketOf(res.ticket, serviceCode),
        checkIn: { timing: res.timing, slot: hallWhen(slotMs, slotMs, offset), message: res.message },
      };
      deps.dispatch({ type: 'checkedIn', code: serviceCode, ticket });
      await deps.print(ticket);
    } catch (error) {
      if (error instanceof HallApiError && isNoBooking(error.code)) {
        pending = null;
        deps.dispatch({ type: 'checkInMissing', message: error.message });
        return;
      }
      if (error instanceof HallApiError && error.unreachable) deps.unreachable();
      deps.dispatch({ type: 'checkInFailed', message: error instanceof HallApiError ? error.message : '签到未成功，请重试或到咨询台' });
    }
  }

  return {
    async submitCode() {
      const current = deps.step.peek();
      if (current.name !== 'checkIn' || current.busy) return;
      const problem = codeProblem(current.digits);
      if (problem) return deps.dispatch({ type: 'checkInFailed', message: problem });
      await send({ code: current.digits });
    },
    // An item that needs identity gets it with the booking: the typed code goes along with the card.
    async withIdentity(identity) {
      const current = deps.step.peek();
      if (current.name !== 'checkIn') return;
      await send(codeProblem(current.digits) === null ? { code: current.digits, identity } : { identity });
    },
    reset() {
      pending = null;
    },
  };
}
