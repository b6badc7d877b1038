// Today and this month as the halls count them (their default: China Standard Time, a new day at 03:00), so the console
// opens on the day whose tickets and ratings the sites are still adding to.
import { DEFAULT_HALL_DAY, hallDayOf } from '../../protocol/rules/hall-day.ts';

export function todayInHall(): string {
  return hallDayOf(Date.now(), DEFAULT_HALL_DAY);
}

export function thisMonth(): string {
  return todayInHall().slice(0, 7);
}

/** `count` months back from `month` (YYYY-MM), newest first. */
export function recentMonths(month: string, count: number): string[] {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return Array.from({ length: count }, (_, i) => {
    const index = y * 12 + (m - 1) - i;
    return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
  });
}
