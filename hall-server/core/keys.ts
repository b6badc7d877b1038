// Where the hall's keys live: never in the data dir beside the database, so a copied backup of the data dir opens
// nothing. Read from the config's `keysFile`, else from systemd's credentials directory (`LoadCredential=hall-keys.json:…`
// sets $CREDENTIALS_DIRECTORY), else — only in a demo hall — from a demo keys dir beside the data dir, created on first
// start. A key file that its group or others may read, or a key file missing outside the demo, stops the start.
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { z } from 'zod';

/** The file name systemd's LoadCredential= gives the key file inside $CREDENTIALS_DIRECTORY. */
export const CREDENTIAL_NAME = 'hall-keys.json';

const Base64Key = z.string().regex(/^[A-Za-z0-9+/]{43}=$/, 'a key is 32 bytes in base64');

export const KeyFile = z.strictObject({
  /** HMAC-SHA256 key of ID hashes and request fingerprints. */
  hmacKey: Base64Key,
  /** AES-256-GCM key that seals new fields. */
  encryptionKey: Base64Key,
  /** Keys of earlier rotations, still read until `hall-keys rotate` has re-sealed every field with the current key. */
  previousEncryptionKeys: z.array(Base64Key).default([]),
  /** The hall's Ed25519 key (PKCS8 PEM) that signs what it sends its region; the region records the public half at
   * enrolment. Added by the region link on first use (hall-server/region-link/hall-key.ts). */
  regionSigningKey: z.string().regex(/^-----BEGIN PRIVATE KEY-----\n[\s\S]+\n-----END PRIVATE KEY-----\n?$/, 'a PKCS8 PEM private key').optional(),
});
export type KeyFile = z.infer<typeof KeyFile>;

export class KeyFileError extends Error {}

export function newKey(): string {
  return randomBytes(32).toString('base64');
}

/** The demo hall's key file: `<data dir>-keys/hall-keys.json`, beside the data dir, not inside it. */
export function demoKeyFile(dataDir: string): string {
  return join(dirname(dataDir), `${basename(dataDir)}-keys`, CREDENTIAL_NAME);
}

/** Writes a key file readable by its owner only (the directory too, when this creates it). */
export function writeKeyFile(path: string, keys: KeyFile): void {
  if (!existsSync(dirname(path))) mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const temp = `${path}.tmp-${process.pid}`;
  writeFileSync(temp, JSON.stringify(keys, null, 2) + '\n', { mode: 0o600 });
  chmodSync(temp, 0o600);
  renameSync(temp, path);
}

/** Reads a key file, refusing one that group or others may read or write. */
export function readKeyFile(path: string): KeyFile {
  let mode: number;
  try {
    mode = statSync(path).mode;
  } catch {
    throw new KeyFileError(`key file ${path} not found`);
  }
  if ((mode & 0o077) !== 0) {
    throw new KeyFileError(
      `key file ${path} is readable by others (mode ${(mode & 0o777).toString(8)}); run: chmod 600 ${path} (owner: the hall-server's user)`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new KeyFileError(`key file ${path} is not valid JSON: ${(err as Error).message}`);
  }
  const parsed = KeyFile.safeParse(json);
  if (!parsed.success) throw new KeyFileError(`key file ${path} is malformed: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data;
}

export interface KeySource {
  dataDir: string;
  /** The config's `keysFile`. */
  keysFile?: string | undefined;
  demo: boolean;
  /** process.env in production. */
  env: Record<string, string | undefined>;
}

/** Which key file to read, creating the demo one (and moving a data dir's old secrets.json there) in a demo hall. */
export function resolveKeyFile(source: KeySource): string {
  if (source.keysFile) return source.keysFile;
  const credentials = source.env['CREDENTIALS_DIRECTORY'];
  if (credentials && existsSync(join(credentials, CREDENTIAL_NAME))) return join(credentials, CREDENTIAL_NAME);
  const legacy = join(source.dataDir, 'secrets.json');
  if (!source.demo) {
    throw new KeyFileError(
      `no key file: set "keysFile" in the hall config or start under systemd with LoadCredential=${CREDENTIAL_NAME}:/etc/yibao-hall/${CREDENTIAL_NAME}` +
        ` (create one with: scripts/hall-keys generate FILE${existsSync(legacy) ? `; this data dir still holds its keys in ${legacy}: move that file out of the data dir and name it` : ''})`,
    );
  }
  const demo = demoKeyFile(source.dataDir);
  if (existsSync(demo)) return demo;
  if (existsSync(legacy)) {
    const old = JSON.parse(readFileSync(legacy, 'utf8')) as { hmacKey: string; encryptionKey: string };
    writeKeyFile(demo, { hmacKey: old.hmacKey, encryptionKey: old.encryptionKey, previousEncryptionKeys: [] });
    rmSync(legacy);
  } else {
    writeKeyFile(demo, { hmacKey: newKey(), encryptionKey: newKey(), previousEncryptionKeys: [] });
  }
  return demo;
}
