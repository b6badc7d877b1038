// Test helper: valid, distinct 18-digit ID numbers (check character computed) and the identity a kiosk sends for them.
import { idCheckCharacter } from '../../protocol/person/id-number.ts';
import type { Identity } from '../../protocol/hall/index.ts';

/** An ID number born on `birthDate` (YYYY-MM-DD); `serial` (0–999) tells people born the same day apart, odd is male. */
export function testIdNumber(birthDate: string, serial: number): string {
  const first17 = `210102${birthDate.replaceAll('-', '')}${String(serial % 1000).padStart(3, '0')}`;
  return first17 + idCheckCharacter(first17);
}

let next = 0;

/** A new person each call (born 1980–2007, so never 长者 priority), as read from an ID card. */
export function testIdentity(name = '张三'): Identity {
  const n = next++;
  const day = new Date(Date.UTC(1980, 0, 1) + ((process.pid * 37 + Math.floor(n / 1000)) % 10_000) * 86_400_000);
  const birthDate = day.toISOString().slice(0, 10);
  return { idNumber: testIdNumber(birthDate, n), name, birthDate, source: 'id_card' };
}
