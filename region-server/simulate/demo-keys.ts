// The demo region's key file, made once for `npm start`: an Ed25519 signing key (packs) and an X25519 sealing key
// (personal fields), in the region key file's format (region-server/keys.ts), mode 600, kept apart from the database.
import { generateKeyPairSync } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export interface RegionKeysFile {
  signing: { privateKey: string };
  sealing: Array<{ keyId: string; privateKey: string; createdAt: string }>;
}

export function newRegionKeys(now = new Date()): RegionKeysFile {
  const signing = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const sealing = generateKeyPairSync('x25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  return {
    signing: { privateKey: signing },
    sealing: [{ keyId: `demo-${now.toISOString().slice(0, 10)}`, privateKey: sealing, createdAt: now.toISOString() }],
  };
}

/** Writes a new key file at `path` unless one is there; either way the file ends up mode 600. */
export function ensureDemoKeysFile(path: string): void {
  if (!existsSync(path)) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, `${JSON.stringify(newRegionKeys(), null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  }
  chmodSync(path, 0o600);
}
