// Small shared field shapes for the pack files. Browser-safe: no Node imports anywhere under content/schema.
import { z } from 'zod';

/** Item codes stay strings (leading digits matter), e.g. "212036001001". */
export const itemCode = z.string().regex(/^[0-9A-Za-z]{1,40}$/, '编码只能由数字或字母组成');
/** "08:30" style time of day, 24 h. */
export const timeOfDay = z.string().regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, '时间应写成 08:30 这样的格式');
/** "2026-10-01" calendar date. */
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期应写成 2026-10-01 这样的格式');
/** At least three digits: "   " or "--" is not a phone number. */
export const phone = z.string().regex(/^(?=(?:[^0-9]*[0-9]){3})[0-9+\-() ]{3,30}$/, '电话号码格式不正确（应为数字，可含 - 和括号，至少 3 位数字）');

/** Characters that take no space on screen: zero-width spaces and joiners, the BOM, soft hyphens, direction marks. */
export const INVISIBLE_CHARS = /[\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF]/g;
/** Whether a text shows anything at all (not only spaces, full-width spaces or invisible characters). */
export const isVisibleText = (text: string): boolean => text.replace(INVISIBLE_CHARS, '').replace(/[\s\u3000]/g, '') !== '';

/** Any text a citizen reads: not blank, not only invisible characters, not a wall of text. */
export const nonEmpty = z
  .string()
  .trim()
  .min(1, '不能为空')
  .max(1000)
  .refine(isVisibleText, '只有空格或看不见的字符（如零宽空格），等于空白');
/** A name shown on a tile, a ticket, the board or a pad. */
export const nameText = nonEmpty.max(40);
/** A file inside the pack, relative, forward slashes, e.g. "voice/digit-0.wav". */
export const packPath = z
  .string()
  .regex(/^(?!\/)(?!.*\.\.)(?!.*\/\/)[A-Za-z0-9._\-\/]+$/, '文件路径只能是包内的相对路径（字母、数字、._-/）');

export const timeRange = z.strictObject({ from: timeOfDay, to: timeOfDay });
export type TimeRange = z.infer<typeof timeRange>;
