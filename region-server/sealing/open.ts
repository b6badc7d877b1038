// Opens a box a hall sealed to one of the region's sealing keys (the algorithm is described in protocol/region/records.ts).
// Only the upstream export calls this, and it audits each opening.
import { createDecipheriv, createPublicKey, diffieHellman, hkdfSync } from 'node:crypto';
import { SEAL_INFO, SealedPersonalFields, type SealedBox } from '../../protocol/region/records.ts';
import type { RegionSealingKey } from '../keys.ts';

export class SealError extends Error {}

export function openSealed(box: SealedBox, keys: readonly RegionSealingKey[]): SealedPersonalFields {
  const key = keys.find((k) => k.keyId === box.keyId);
  if (!key) throw new SealError(`no sealing key ${box.keyId} in the region's key file`);
  const epkRaw = Buffer.from(box.epk, 'base64url');
  const ephemeral = createPublicKey({ key: { kty: 'OKP', crv: 'X25519', x: box.epk }, format: 'jwk' });
  const shared = diffieHellman({ privateKey: key.privateKey, publicKey: ephemeral });
  const aesKey = Buffer.from(hkdfSync('sha256', shared, epkRaw, SEAL_INFO, 32));
  const decipher = createDecipheriv('aes-256-gcm', aesKey, Buffer.from(box.iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(box.tag, 'base64url'));
  let plain: Buffer;
  try {
    plain = Buffer.concat([decipher.update(Buffer.from(box.data, 'base64url')), decipher.final()]);
  } catch {
    throw new SealError('sealed box does not open: altered, or sealed to another key');
  }
  return SealedPersonalFields.parse(JSON.parse(plain.toString('utf8')));
}
