// Today and this month in hall time (the halls' default, China Standard Time).
import { hallDate } from '../../protocol/rules/hall-time.ts';

export function todayInHall(): string {
  return hallDate(new Date());
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
