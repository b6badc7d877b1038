// Today and this month in hall time (the halls' default, China Standard Time).
import { hallDate } from '../../protocol/rules/hall-time.ts';

export function todayInHall(): string {
  return hallDate(new Date());
}

export function thisMonth(): string {
  return todayInHall().slice(0, 7);
}
