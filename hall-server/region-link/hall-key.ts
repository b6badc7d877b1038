// The hall's Ed25519 key that signs its batches and requests to the region: kept in the hall's key file (never in the
// data dir), created there on first use.
import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { rawPublicKey } from '../../content/validate/sign.ts';
import { readKeyFile, writeKeyFile } from '../core/keys.ts';

export interface HallKey {
  privateKey: KeyObject;
  /** base64url of the raw public key, as the region records it. */
  publicKey: string;
}

export function hallSigningKey(keysFile: string): HallKey {
  const file = readKeyFile(keysFile);
  let pem = file.regionSigningKey;
  if (!pem) {
    pem = generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    writeKeyFile(keysFile, { ...file, regionSigningKey: pem });
  }
  const privateKey = createPrivateKey(pem);
  return { privateKey, publicKey: rawPublicKey(createPublicKey(privateKey)) };
}
