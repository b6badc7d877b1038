// Ed25519 signatures of manifest.json (node:crypto). Public keys travel as base64url of the raw 32 bytes;
// private keys are PKCS#8 PEM files.
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { z } from 'zod';

export const signatureFileSchema = z.strictObject({
  alg: z.literal('Ed25519'),
  keyId: z.string(),
  signature: z.string().regex(/^[A-Za-z0-9+/=]+$/),
});
export type SignatureFile = z.infer<typeof signatureFileSchema>;

export interface KeyPair {
  /** base64url raw public key (what a hall config lists as trusted). */
  publicKey: string;
  privateKeyPem: string;
  keyId: string;
}

export function publicKeyFromRaw(raw: string): KeyObject {
  return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: raw.trim() }, format: 'jwk' });
}

export function rawPublicKey(key: KeyObject): string {
  const jwk = key.export({ format: 'jwk' });
  if (jwk.crv !== 'Ed25519' || typeof jwk.x !== 'string') throw new Error('not an Ed25519 key');
  return jwk.x;
}

/** Short fingerprint shown in reports and history: first 16 hex chars of sha256(raw public key). */
export function keyId(rawPublic: string): string {
  return createHash('sha256').update(Buffer.from(rawPublic, 'base64url')).digest('hex').slice(0, 16);
}

export function generateKeyPair(): KeyPair {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const raw = rawPublicKey(publicKey);
  return { publicKey: raw, privateKeyPem: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(), keyId: keyId(raw) };
}

export function signManifest(manifestBytes: Uint8Array, privateKeyPem: string): SignatureFile {
  const priv = createPrivateKey(privateKeyPem);
  const raw = rawPublicKey(createPublicKey(priv));
  return { alg: 'Ed25519', keyId: keyId(raw), signature: sign(null, manifestBytes, priv).toString('base64') };
}

export type SignatureCheck =
  | { ok: true; keyId: string }
  | { ok: false; reason: 'malformed' | 'untrusted' | 'bad-signature'; keyId: string | null };

/** Checks `sigBytes` (manifest.sig) over `manifestBytes` against the trusted raw public keys. */
export function verifyManifest(manifestBytes: Uint8Array, sigBytes: Uint8Array, trustedKeys: readonly string[]): SignatureCheck {
  let sig: SignatureFile;
  try {
    sig = signatureFileSchema.parse(JSON.parse(Buffer.from(sigBytes).toString('utf8')));
  } catch {
    return { ok: false, reason: 'malformed', keyId: null };
  }
  const key = trustedKeys.find((k) => keyId(k) === sig.keyId);
  if (!key) return { ok: false, reason: 'untrusted', keyId: sig.keyId };
  const good = verify(null, manifestBytes, publicKeyFromRaw(key), Buffer.from(sig.signature, 'base64'));
  return good ? { ok: true, keyId: sig.keyId } : { ok: false, reason: 'bad-signature', keyId: sig.keyId };
}
