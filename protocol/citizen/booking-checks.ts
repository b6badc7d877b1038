// The booking page's narrow checks of what it sends and what the region answers (no zod: the page stays small).
// The region validates every request with the zod schemas of appointments.ts; these only keep a phone's page honest.
import type { Booking, BookingSites, FreeSlots } from './appointments.ts';
import { isValidIdNumber } from '../person/id-check.ts';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const isString = (v: unknown): v is string => typeof v === 'string';

export function readSites(body: unknown): BookingSites | null {
  if (!isObject(body) || !Array.isArray(body['sites'])) return null;
  const ok = body['sites'].every((s: unknown) => isObject(s) && isString(s['id']) && isString(s['name']) && isString(s['address']) &&
    Array.isArray(s['items']) && s['items'].every((i: unknown) => isObject(i) && isString(i['code']) && isString(i['name'])));
  return ok ? (body as BookingSites) : null;
}

export function readSlots(body: unknown): FreeSlots | null {
  if (!isObject(body) || !Array.isArray(body['slots'])) return null;
  const ok = body['slots'].every((s: unknown) => isObject(s) && isString(s['start']) && typeof s['free'] === 'number');
  return ok ? (body as FreeSlots) : null;
}

export function readBooking(body: unknown): Booking | null {
  if (!isObject(body)) return null;
  const ok = ['code', 'siteId', 'siteName', 'serviceCode', 'serviceName', 'slotStart'].every((k) => isString(body[k]));
  return ok && /^\d{8}$/.test(body['code'] as string) ? (body as Booking) : null;
}

/** The ID number as the region takes it (trimmed, x → X). */
export function normalIdNumber(text: string): string {
  return text.trim().toUpperCase();
}

/** What is wrong with a typed ID number, in the citizen's words; null when it is valid (check character included). */
export function idNumberProblem(text: string): string | null {
  const id = normalIdNumber(text);
  if (id === '') return '请填写身份证号码';
  if (!/^\d{17}[\dX]$/.test(id)) return '身份证号码应为 18 位（最后一位可能是 X）';
  return isValidIdNumber(id) ? null : '身份证号码有误，请核对后重新填写';
}

export function phoneProblem(text: string): string | null {
  return /^1[3-9]\d{9}$/.test(text.trim()) ? null : '请填写 11 位手机号码';
}

export function codeProblem(text: string): string | null {
  return /^\d{8}$/.test(text.trim()) ? null : '预约码为 8 位数字';
}

export function idLast4Problem(text: string): string | null {
  return /^\d{3}[\dX]$/.test(normalIdNumber(text)) ? null : '请填写身份证号码后 4 位';
}
