// A stored 容缺受理 as the console sees it on a given hall day: open, supplied, or lapsed once its due date passed
// (DB21/T 4402 §9.5.10), with the working days left and whether to remind. Pure.
import { REMIND_WORKING_DAYS, type DeferralView } from '../../protocol/hall/deferrals.ts';
import { workingDaysBetween, type CompiledCalendar } from '../../protocol/rules/workdays.ts';

export interface DeferralRow {
  id: string;
  ticket_number: string;
  service_code: string;
  service_name: string;
  window: number;
  masked_name: string | null;
  materials: string;
  accepted_on: string;
  due_on: string;
  supplied_on: string | null;
}

export function deferralView(row: DeferralRow, today: string, cal: CompiledCalendar): DeferralView {
  const left = workingDaysBetween(today, row.due_on, cal);
  const state = row.supplied_on ? 'supplied' : row.due_on < today ? 'lapsed' : 'open';
  return {
    id: row.id,
    ticketNumber: row.ticket_number,
    serviceCode: row.service_code,
    serviceName: row.service_name,
    window: row.window,
    maskedName: row.masked_name,
    materials: JSON.parse(row.materials) as string[],
    acceptedOn: row.accepted_on,
    dueOn: row.due_on,
    suppliedOn: row.supplied_on,
    state,
    workingDaysLeft: left,
    remind: state === 'open' && left <= REMIND_WORKING_DAYS,
  };
}
