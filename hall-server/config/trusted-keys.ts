// The hall's trusted pack-signing keys kept in a file of the data dir, beside those of the config: read by the packs
// module at every validation and by the startup pack import, so it belongs to neither.
import { existsSync, readFileSync } from 'node:fs';

/** One raw base64url Ed25519 public key per line ('#' comments allowed), read at every validation so a new key needs no restart. */
export const TRUSTED_KEYS_FILE = 'trusted-keys.txt';

export function readTrustedKeysFile(path: string): string[] {
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8')
    .split('\n')
    .map((l) => l.replace(/#.*/, '').trim())
    .filter((l) => /^[A-Za-z0-9_-]{43}$/.test(l));
}
