// Who holds the appointment keys: the region derives them from its key file's signing key (HKDF-SHA256), never stores
// them. Each site gets its own key, sent only to that site's hall in its signed feed: a hall can compute the keyed hash
// of an ID number its kiosk reads and match its own site's bookings, nothing else. The phone key never leaves the region.
import { createCipheriv, createDecipheriv, createHmac, createPrivateKey, hkdfSync, randomBytes } from 'node:crypto';
import { appointmentHashInput } from '../../protocol/citizen/appointments.ts';
import type { RegionKeys } from '../keys.ts';

export const APPOINTMENT_KEY_ID = 'hkdf-v1';

function derive(keys: RegionKeys, info: string): Buffer {
  const ikm = createPrivateKey(keys.signingKeyPem).export({ format: 'der', type: 'pkcs8' });
  return Buffer.from(hkdfSync('sha256', ikm, 'yibao-appointments-v1', info, 32));
}

export function siteAppointmentKey(keys: RegionKeys, siteId: string): Buffer {
  return derive(keys, `site:${siteId}`);
}

export function personHash(siteKey: Buffer, idNumber: string): string {
  return createHmac('sha256', siteKey).update(appointmentHashInput(idNumber)).digest('hex');
}

/** Binds the last four ID digits to one 预约码: cancelling needs both. */
export function cancelHash(siteKey: Buffer, code: string, idLast4: string): string {
  return createHmac('sha256', siteKey).update(`cancel:${code}:${idLast4.toUpperCase()}`).digest('hex');
}

/** AES-256-GCM under the region's phone key: iv.tag.ciphertext, base64. */
export function sealPhone(keys: RegionKeys, phone: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', derive(keys, 'phone'), iv);
  const body = Buffer.concat([cipher.update(phone, 'utf8'), cipher.final()]);
  return [iv, cipher.getAuthTag(), body].map((b) => b.toString('base64')).join('.');
}

export function openPhone(keys: RegionKeys, sealed: string): string {
  const [iv, tag, body] = sealed.split('.').map((part) => Buffer.from(part, 'base64'));
  const decipher = createDecipheriv('aes-256-gcm', derive(keys, 'phone'), iv!);
  decipher.setAuthTag(tag!);
  return Buffer.concat([decipher.update(body!), decipher.final()]).toString('utf8');
}
