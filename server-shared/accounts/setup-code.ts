// The one-time setup code of a hall without accounts (as Jenkins and Home Assistant do it): made at first start,
// printed on the hall-server's console and kept in `<data dir>/setup-code.txt`, readable by the service user only.
// Whoever sets the hall up must have seen one of the two. The file goes once the first account exists. The
// region-server's console makes its first-run code with `newSetupCode` too.
import { randomInt, timingSafeEqual, createHash } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const SETUP_CODE_FILE = 'setup-code.txt';
/** No 0/O, 1/I/L: read off a console and typed by hand. */
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

export function newSetupCode(): string {
  const groups: string[] = [];
  for (let g = 0; g < 3; g++) {
    let group = '';
    for (let i = 0; i < 4; i++) group += ALPHABET[randomInt(ALPHABET.length)];
    groups.push(group);
  }
  return groups.join('-');
}

/** Reads the code kept in the data dir, or makes and writes one (mode 0600). */
export function ensureSetupCode(dataDir: string): { code: string; file: string } {
  const file = join(dataDir, SETUP_CODE_FILE);
  if (existsSync(file)) {
    const code = readFileSync(file, 'utf8').trim();
    if (/^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$/.test(code)) {
      if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
      return { code, file };
    }
  }
  const code = newSetupCode();
  writeFileSync(file, code + '\n', { mode: 0o600 });
  chmodSync(file, 0o600);
  return { code, file };
}

export function removeSetupCode(dataDir: string): void {
  rmSync(join(dataDir, SETUP_CODE_FILE), { force: true });
}

/** Case and dash insensitive, in constant time. */
export function setupCodeMatches(expected: string, given: string): boolean {
  const norm = (s: string) => createHash('sha256').update(s.toUpperCase().replace(/[^0-9A-Z]/g, '')).digest();
  return timingSafeEqual(norm(expected), norm(given));
}
