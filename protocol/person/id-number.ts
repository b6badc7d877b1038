// GB 11643 citizen identity numbers: 17 digits and a check character. Browser-safe (zod only).
import { z } from 'zod';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

/** The check character for the first 17 digits. */
export function idCheckCharacter(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('an ID number body is 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (WEIGHTS[i] as number);
  return CHECK_CHARS[sum % 11] as string;
}

export function isValidIdNumber(id: string): boolean {
  return /^\d{17}[\dX]$/.test(id) && idCheckCharacter(id.slice(0, 17)) === id[17];
}

/** The project's one ID-number schema (API bodies, bridge messages): also the 2023 permanent-residence card. Trimmed,
 * a lowercase x read as X (so every side hashes the same text), check character verified. */
export const IdNumberSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^\d{17}[\dX]$/, '身份证号码格式不正确，应为18位')
  .refine(isValidIdNumber, '身份证号码校验位不正确，请核对后重试');

/** The project's one ID-number mask (only a codec test still imports it from here). */
export { maskIdNumber } from './mask.ts';
