import { z } from 'zod';
import { nonEmpty, timeRange } from './common.ts';

export const noticeSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]{1,40}$/, '公告编号只能由小写字母、数字和-组成'),
  /** Where it shows: the call board, the kiosk home, or both. */
  targets: z.array(z.enum(['board', 'kiosk'])).min(1),
  title: nonEmpty,
  body: nonEmpty,
  important: z.boolean(),
  /** Shown from/until (inclusive), ISO date-times; absent = always. */
  from: z.iso.datetime({ offset: true }).optional(),
  until: z.iso.datetime({ offset: true }).optional(),
  /** Only within these times of day; absent = all day. */
  daily: z.array(timeRange).optional(),
});
export type Notice = z.infer<typeof noticeSchema>;
export const noticesFileSchema = z.array(noticeSchema);

/** Whether a notice shows on `target` at `now` (local wall time "HH:MM" given separately so it is timezone-free). */
export function noticeIsShowing(notice: Notice, target: 'board' | 'kiosk', now: Date, hhmm: string): boolean {
  if (!notice.targets.includes(target)) return false;
  if (notice.from && now < new Date(notice.from)) return false;
  if (notice.until && now > new Date(notice.until)) return false;
  if (notice.daily && !notice.daily.some((r) => r.from <= hhmm && hhmm < r.to)) return false;
  return true;
}
