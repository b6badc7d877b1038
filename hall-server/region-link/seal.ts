// Seals a rating's personal fields to the region's current sealing key (the algorithm is described in
// protocol/region/records.ts): only the region, holding the private half, can open the box.
import { createCipheriv, createPublicKey, diffieHellman, generateKeyPairSync, hkdfSync, randomBytes } from 'node:crypto';
import { SEAL_ALGORITHM, SEAL_INFO, type SealedBox, type SealedPersonalFields, type SealingPublicKey } from '../../protocol/region/records.ts';

export function sealPersonalFields(fields: SealedPersonalFields, to: SealingPublicKey): SealedBox {
  const ephemeral = generateKeyPairSync('x25519');
  const epk = createPublicKey(ephemeral.privateKey).export({ format: 'jwk' }).x!;
  const regionKey = createPublicKey({ key: { kty: 'OKP', crv: 'X25519', x: to.publicKey }, format: 'jwk' });
  const shared = diffieHellman({ privateKey: ephemeral.privateKey, publicKey: regionKey });
  const key = Buffer.from(hkdfSync('sha256', shared, Buffer.from(epk, 'base64url'), SEAL_INFO, 32));
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const data = Buffer.concat([cipher.update(JSON.stringify(fields), 'utf8'), cipher.final()]);
  return {
    alg: SEAL_ALGORITHM,
    keyId: to.keyId,
    epk,
    iv: iv.toString('base64url'),
    tag: cipher.getAuthTag().toString('base64url'),
    data: data.toString('base64url'),
  };
}
