// Loads the shipped list of common passwords (common-passwords.txt, made by scripts/gen-common-passwords.ts) once.
import { readFileSync } from 'node:fs';

let cached: ReadonlySet<string> | null = null;

export function commonPasswords(): ReadonlySet<string> {
  cached ??= new Set(
    readFileSync(new URL('./common-passwords.txt', import.meta.url), 'utf8')
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean),
  );
  return cached;
}
