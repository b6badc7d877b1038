// GB 11643 citizen identity numbers: 17 digits and a check character. Browser-safe (zod only).
import { z } from 'zod';
import { isValidIdNumber } from './id-check.ts';

export { idCheckCharacter, isValidIdNumber } from './id-check.ts';

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
