import { z } from 'zod';
import { isoDate, nonEmpty } from './common.ts';

export const calendarYearSchema = z.strictObject({
  year: z.number().int().min(2020).max(2100),
  /** True when the State Council schedule was not yet published and the dates are an estimate. */
  provisional: z.boolean(),
  /** Statutory holidays and the days off around them (no service). */
  holidays: z.array(z.strictObject({ name: nonEmpty, dates: z.array(isoDate).min(1) })),
  /** 调休: weekend days that are working days. */
  workdays: z.array(isoDate),
});
export type CalendarYear = z.infer<typeof calendarYearSchema>;
export const calendarSchema = z.strictObject({ years: z.array(calendarYearSchema).min(1) });
export type Calendar = z.infer<typeof calendarSchema>;
