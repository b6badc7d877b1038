// Age from a birth date (pure): the one rule both the kiosk's 绿色通道 offer and the queue's priority decision use.

/** Full years between a birth date and a date, both YYYY-MM-DD. */
export function ageOn(birthDate: string, onDate: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = onDate.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}
