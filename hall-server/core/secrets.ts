// Keyed hashing and authenticated encryption for personal data, with the keys of the hall's key file (core/keys.ts).
// A sealed field names the key that sealed it (v2.<key id>.…), so after a rotation the earlier keys still open the
// fields not yet re-sealed; fields sealed before key ids (v1) are tried with every key.
import { createCipheriv, createDecipheriv, createHash, createHmac, randomFillSync } from 'node:crypto';
import type { KeyFile } from './keys.ts';
import type { Secrets } from './module.ts';

const IV_BYTES = 12;
const IV_POOL_IVS = 256;
const ivPool = Buffer.alloc(IV_BYTES * IV_POOL_IVS);
let ivPoolNext = IV_POOL_IVS;

/** A fresh random 96-bit GCM nonce, copied out of a pool the CSPRNG fills 256 at a time: a rating seals several fields,
 * and one CSPRNG call each was 6 % of a rating submit's CPU. Each nonce is handed out once. */
export function randomIv(): Buffer {
  if (ivPoolNext === IV_POOL_IVS) {
    randomFillSync(ivPool);
    ivPoolNext = 0;
  }
  const start = ivPoolNext++ * IV_BYTES;
  return Buffer.from(ivPool.subarray(start, start + IV_BYTES));
}

/** The 8-hex-digit id of an encryption key (a hash of it: names the key, reveals nothing of it). */
export function keyId(base64Key: string): string {
  return createHash('sha256').update('yibao-hall-key-id\u0000').update(Buffer.from(base64Key, 'base64')).digest('hex').slice(0, 8);
}

export interface HallSecrets extends Secrets {
  /** True when `sealed` was sealed with the current encryption key (rotation skips those). */
  sealedWithCurrentKey(sealed: string): boolean;
}

function open(aesKey: Buffer, iv: string, body: string, tag: string): string {
  const decipher = createDecipheriv('aes-256-gcm', aesKey, Buffer.from(iv, 'base64'));
  decipher.setAuthTag(Buffer.from(tag, 'base64'));
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8');
}

export function createSecrets(keys: Pick<KeyFile, 'hmacKey' | 'encryptionKey'> & { previousEncryptionKeys?: string[] }): HallSecrets {
  const hmacKey = Buffer.from(keys.hmacKey, 'base64');
  const currentId = keyId(keys.encryptionKey);
  const aesKeys = new Map<string, Buffer>();
  for (const k of [keys.encryptionKey, ...(keys.previousEncryptionKeys ?? [])]) aesKeys.set(keyId(k), Buffer.from(k, 'base64'));
  const current = aesKeys.get(currentId)!;
  const secrets: HallSecrets = {
    hashId(idNumber) {
      return createHmac('sha256', hmacKey).update(idNumber.trim().toUpperCase()).digest('hex');
    },
    fingerprint(text) {
      return createHmac('sha256', hmacKey).update('request-fingerprint\u0000').update(text, 'utf8').digest('hex');
    },
    encrypt(plain) {
      const iv = randomIv();
      const cipher = createCipheriv('aes-256-gcm', current, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return ['v2', currentId, iv.toString('base64'), body.toString('base64'), cipher.getAuthTag().toString('base64')].join('.');
    },
    decrypt(sealed) {
      const parts = sealed.split('.');
      if (parts[0] === 'v2' && parts.length === 5) {
        const key = aesKeys.get(parts[1]!);
        if (!key) throw new Error(`sealed with an unknown key ${parts[1]}`);
        return open(key, parts[2]!, parts[3]!, parts[4]!);
      }
      if (parts[0] === 'v1' && parts.length === 4) {
        for (const key of aesKeys.values()) {
          try {
            return open(key, parts[1]!, parts[2]!, parts[3]!);
          } catch {
            // another key's field: try the next
          }
        }
        throw new Error('sealed with none of the known keys');
      }
      throw new Error('not a sealed field');
    },
    sealedWithCurrentKey(sealed) {
      return sealed.startsWith(`v2.${currentId}.`);
    },
    reseal(sealed) {
      return secrets.sealedWithCurrentKey(sealed) ? sealed : secrets.encrypt(secrets.decrypt(sealed));
    },
  };
  return secrets;
}
