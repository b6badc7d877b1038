import { createCipheriv, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { newKey } from './keys.ts';
import { createSecrets, keyId } from './secrets.ts';

/** A field sealed the way the hall did before key ids (v1.iv.body.tag). */
function sealV1(key: string, plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', Buffer.from(key, 'base64'), iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return ['v1', iv.toString('base64'), body.toString('base64'), cipher.getAuthTag().toString('base64')].join('.');
}

describe('secrets', () => {
  const hmacKey = newKey();
  const oldKey = newKey();
  const currentKey = newKey();

  it('never seals two fields with the same nonce, across refills of the nonce pool', () => {
    const secrets = createSecrets({ hmacKey, encryptionKey: currentKey });
    const sealed = Array.from({ length: 1000 }, () => secrets.encrypt('13900001111'));
    const nonces = new Set(sealed.map((s) => s.split('.')[2]));
    expect(nonces.size).toBe(1000);
    expect(sealed.every((s) => secrets.decrypt(s) === '13900001111')).toBe(true);
  });

  it('seals with the current key and names it', () => {
    const secrets = createSecrets({ hmacKey, encryptionKey: currentKey });
    const sealed = secrets.encrypt('13900001111');
    expect(sealed.startsWith(`v2.${keyId(currentKey)}.`)).toBe(true);
    expect(secrets.decrypt(sealed)).toBe('13900001111');
    expect(secrets.sealedWithCurrentKey(sealed)).toBe(true);
  });

  it('opens fields of an earlier key during a rotation, v1 and v2', () => {
    const before = createSecrets({ hmacKey, encryptionKey: oldKey });
    const during = createSecrets({ hmacKey, encryptionKey: currentKey, previousEncryptionKeys: [oldKey] });
    const v2 = before.encrypt('张三');
    expect(during.decrypt(v2)).toBe('张三');
    expect(during.sealedWithCurrentKey(v2)).toBe(false);
    expect(during.decrypt(sealV1(oldKey, '李四'))).toBe('李四');
  });

  it('reseals a copied field: the same text under the current key, sealed anew only under an earlier key', () => {
    const before = createSecrets({ hmacKey, encryptionKey: oldKey });
    const during = createSecrets({ hmacKey, encryptionKey: currentKey, previousEncryptionKeys: [oldKey] });
    const current = during.encrypt('110101199003070011');
    expect(during.reseal(current)).toBe(current);
    const earlier = before.encrypt('张三');
    const resealed = during.reseal(earlier);
    expect(resealed).not.toBe(earlier);
    expect(during.sealedWithCurrentKey(resealed)).toBe(true);
    expect(during.decrypt(resealed)).toBe('张三');
    expect(during.sealedWithCurrentKey(during.reseal(sealV1(oldKey, '李四')))).toBe(true);
  });

  it('refuses a field of a key it does not hold', () => {
    const other = createSecrets({ hmacKey, encryptionKey: newKey() });
    expect(() => other.decrypt(createSecrets({ hmacKey, encryptionKey: oldKey }).encrypt('x'))).toThrow('sealed with an unknown key');
    expect(() => other.decrypt(sealV1(oldKey, 'x'))).toThrow('sealed with none of the known keys');
  });

  it('keeps ID hashes and request fingerprints apart under one HMAC key', () => {
    const secrets = createSecrets({ hmacKey, encryptionKey: currentKey });
    expect(secrets.hashId('21010219850612003X')).not.toBe(secrets.fingerprint('21010219850612003X'));
  });
});
