// Small shared field shapes for the pack files. Browser-safe: no Node imports anywhere under content/schema.
import { z } from 'zod';

/** Item codes stay strings (leading digits matter), e.g. "212036001001". */
export const itemCode = z.string().regex(/^[0-9A-Za-z]{1,40}$/, '编码只能由数字或字母组成');
/** "08:30" style time of day, 24 h. */
export const timeOfDay = z.string().regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, '时间应写成 08:30 这样的格式');
/** "2026-10-01" calendar date. */
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期应写成 2026-10-01 这样的格式');
export const phone = z.string().regex(/^[0-9+\-() ]{3,30}$/, '电话号码格式不正确');
export const nonEmpty = z.string().trim().min(1, '不能为空');
/** A file inside the pack, relative, forward slashes, e.g. "voice/digit-0.wav". */
export const packPath = z
  .string()
  .regex(/^(?!\/)(?!.*\.\.)(?!.*\/\/)[A-Za-z0-9._\-\/]+$/, '文件路径只能是包内的相对路径（字母、数字、._-/）');

export const timeRange = z.strictObject({ from: timeOfDay, to: timeOfDay });
export type TimeRange = z.infer<typeof timeRange>;
