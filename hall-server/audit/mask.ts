// A last guard on what the audit trail shows: an ID number or a mobile number that reached a free-text field (a
// terminal name typed by a manager, a 工号) is masked before it leaves the hall-server. Pure.
import { maskIdNumber, maskPhone } from '../../protocol/person/mask.ts';

/** 18-character ID numbers (check character not required: a mistyped one is still personal) standing alone. */
const ID_NUMBER = /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/g;
/** Mainland mobile numbers standing alone (not part of a longer number such as a 办件编号). */
const MOBILE = /(?<!\d)1[3-9]\d{9}(?!\d)/g;

export function maskPersonalText(text: string): string {
  return text.replace(ID_NUMBER, (id) => maskIdNumber(id)).replace(MOBILE, (phone) => maskPhone(phone));
}

/** Masks every string inside a JSON value (object keys are the callers' field names and are kept). */
export function maskPersonalJson(value: unknown): unknown {
  if (typeof value === 'string') return maskPersonalText(value);
  if (Array.isArray(value)) return value.map(maskPersonalJson);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskPersonalJson(v)]));
  }
  return value;
}
