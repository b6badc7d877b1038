// The region's key file: its Ed25519 pack-signing key and its X25519 sealing keys (the newest is current; older ones
// stay to open older boxes). JSON, mode 600, outside the database: `--keys-file FILE`, else
// $CREDENTIALS_DIRECTORY/region-keys.json (systemd LoadCredential=). A file group or others may read is refused.
import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import type { SealingPublicKey } from '../protocol/region/records.ts';
import { rawPublicKey } from '../content/validate/sign.ts';

export const REGION_CREDENTIAL_NAME = 'region-keys.json';

const Pem = z.string().regex(/^-----BEGIN PRIVATE KEY-----\n[\s\S]+\n-----END PRIVATE KEY-----\n?$/, 'a PKCS8 PEM private key');

export const RegionKeyFile = z.strictObject({
  signing: z.strictObject({ privateKey: Pem }),
  sealing: z
    .array(z.strictObject({ keyId: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/), privateKey: Pem, createdAt: z.iso.datetime({ offset: true }) }))
    .min(1),
});
export type RegionKeyFile = z.infer<typeof RegionKeyFile>;

export class RegionKeyError extends Error {}

export interface RegionSealingKey {
  keyId: string;
  privateKey: KeyObject;
  /** base64url of the raw 32-byte X25519 public key. */
  publicKey: string;
  createdAt: string;
}

export interface RegionKeys {
  /** PKCS8 PEM of the Ed25519 key that signs every site's pack. */
  signingKeyPem: string;
  /** Newest first: `sealing[0]` is the current key halls seal to. */
  sealing: RegionSealingKey[];
}

/** The raw base64url public half of the pack-signing key, as halls learn it at enrolment. */
export function packSigningPublicKey(keys: RegionKeys): string {
  return rawPublicKey(createPublicKey(createPrivateKey(keys.signingKeyPem)));
}

export function currentSealingKey(keys: RegionKeys): SealingPublicKey {
  const current = keys.sealing[0]!;
  return { keyId: current.keyId, publicKey: current.publicKey };
}

function rawX25519(key: KeyObject): string {
  const jwk = createPublicKey(key).export({ format: 'jwk' });
  if (jwk.crv !== 'X25519' || typeof jwk.x !== 'string') throw new RegionKeyError('a sealing key must be X25519');
  return jwk.x;
}

function newSealingEntry(now: Date): RegionKeyFile['sealing'][number] {
  const { privateKey } = generateKeyPairSync('x25519');
  return {
    keyId: `seal-${now.toISOString().slice(0, 10).replace(/-/g, '')}-${rawX25519(privateKey).slice(0, 8)}`,
    privateKey: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
    createdAt: now.toISOString(),
  };
}

export function generateRegionKeyFile(now = new Date()): RegionKeyFile {
  const { privateKey } = generateKeyPairSync('ed25519');
  return { signing: { privateKey: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString() }, sealing: [newSealingEntry(now)] };
}

/** A new current sealing key; the old ones stay to open the boxes sealed to them. */
export function withNewSealingKey(file: RegionKeyFile, now = new Date()): RegionKeyFile {
  return { ...file, sealing: [...file.sealing, newSealingEntry(now)] };
}

/** Writes the key file readable by its owner only (never over an existing file unless `replace`). */
export function writeRegionKeyFile(path: string, file: RegionKeyFile, replace = false): void {
  if (!replace && existsSync(path)) throw new RegionKeyError(`${path} exists; not overwriting a key file`);
  if (!existsSync(dirname(path))) mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const temp = `${path}.tmp-${process.pid}`;
  writeFileSync(temp, `${JSON.stringify(file, null, 2)}\n`, { mode: 0o600 });
  chmodSync(temp, 0o600);
  renameSync(temp, path);
}

/** The key file's path from `--keys-file` or systemd's credentials directory; null if neither names one. */
export function resolveRegionKeyFile(flag: string | undefined, env: Record<string, string | undefined>): string | null {
  if (flag) return flag;
  const credentials = env['CREDENTIALS_DIRECTORY'];
  return credentials && existsSync(join(credentials, REGION_CREDENTIAL_NAME)) ? join(credentials, REGION_CREDENTIAL_NAME) : null;
}

export function readRegionKeyFile(path: string): RegionKeyFile {
  let mode: number;
  try {
    mode = statSync(path).mode;
  } catch {
    throw new RegionKeyError(`region key file ${path} not found (create one with: npx tsx scripts/region.ts keygen --keys-file ${path})`);
  }
  if ((mode & 0o077) !== 0) {
    throw new RegionKeyError(`region key file ${path} is readable by others (mode ${(mode & 0o777).toString(8)}); run: chmod 600 ${path}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new RegionKeyError(`region key file ${path} is not valid JSON: ${(err as Error).message}`);
  }
  const parsed = RegionKeyFile.safeParse(json);
  if (!parsed.success) {
    throw new RegionKeyError(`region key file ${path} is malformed: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  return parsed.data;
}

export function regionKeys(file: RegionKeyFile): RegionKeys {
  const sealing = file.sealing
    .map((entry) => {
      const privateKey = createPrivateKey(entry.privateKey);
      return { keyId: entry.keyId, privateKey, publicKey: rawX25519(privateKey), createdAt: entry.createdAt };
    })
    .sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
  const signing = createPrivateKey(file.signing.privateKey);
  if (signing.asymmetricKeyType !== 'ed25519') throw new RegionKeyError('the signing key must be Ed25519');
  return { signingKeyPem: file.signing.privateKey, sealing };
}

export function loadRegionKeys(path: string): RegionKeys {
  return regionKeys(readRegionKeyFile(path));
}
