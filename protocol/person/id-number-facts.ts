// What a GB 11643 citizen identity number (and the 2023 permanent-residence card, same layout) itself says about its
// holder: the birth date (digits 7–14) and the sex (digit 17: odd male, even female). The hall takes these from the
// number, never from the request, and refuses a request that contradicts them (hall-server/queue/identity-facts.ts).
// Pure.

export type Sex = 'male' | 'female';

export interface IdNumberFacts {
  birthDate: string;
  sex: Sex;
}

/** The birth date and sex in a check-verified 18-character number; null when its date is impossible or after `today`. */
export function idNumberFacts(idNumber: string, today: string): IdNumberFacts | null {
  const m = /^\d{6}(\d{4})(\d{2})(\d{2})\d{2}(\d)[\dX]$/.exec(idNumber);
  if (!m) return null;
  const [, y, mo, d, sexDigit] = m as unknown as [string, string, string, string, string];
  const birthDate = `${y}-${mo}-${d}`;
  const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d));
  if (Number(y) < 1880 || new Date(ms).toISOString().slice(0, 10) !== birthDate || birthDate > today) return null;
  return { birthDate, sex: Number(sexDigit) % 2 === 1 ? 'male' : 'female' };
}
