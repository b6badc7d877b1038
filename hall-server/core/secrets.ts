// Keyed hashing and authenticated encryption for personal data. Keys come from the hall config, or are generated
// once and kept in `<dataDir>/secrets.json` (readable only by the hall-server's user).
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Secrets } from './module.ts';

export interface SecretKeys {
  hmacKey: string;
  encryptionKey: string;
}

export function loadOrCreateKeys(dataDir: string, configured: SecretKeys | undefined): SecretKeys {
  if (configured) return configured;
  const path = join(dataDir, 'secrets.json');
  if (existsSync(path)) return JSON.parse(readFileSync(path, 'utf8')) as SecretKeys;
  const keys = { hmacKey: randomBytes(32).toString('base64'), encryptionKey: randomBytes(32).toString('base64') };
  writeFileSync(path, JSON.stringify(keys) + '\n', { mode: 0o600 });
  return keys;
}

export function createSecrets(keys: SecretKeys): Secrets {
  const hmacKey = Buffer.from(keys.hmacKey, 'base64');
  const aesKey = Buffer.from(keys.encryptionKey, 'base64');
  return {
    hashId(idNumber) {
      return createHmac('sha256', hmacKey).update(idNumber.trim().toUpperCase()).digest('hex');
    },
    fingerprint(text) {
      return createHmac('sha256', hmacKey).update('request-fingerprint\u0000').update(text, 'utf8').digest('hex');
    },
    encrypt(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', aesKey, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return ['v1', iv.toString('base64'), body.toString('base64'), cipher.getAuthTag().toString('base64')].join('.');
    },
    decrypt(sealed) {
      const [version, iv, body, tag] = sealed.split('.');
      if (version !== 'v1' || !iv || body === undefined || !tag) throw new Error('not a sealed field');
      const decipher = createDecipheriv('aes-256-gcm', aesKey, Buffer.from(iv, 'base64'));
      decipher.setAuthTag(Buffer.from(tag, 'base64'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8');
    },
  };
}
