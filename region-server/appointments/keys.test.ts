// Who holds which key: each site's appointment key is derived from the region key file, differs per site, and the hash
// the region stores is the one a hall computes from the same number with the key its feed carries.
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { appointmentHashInput } from '../../protocol/citizen/appointments.ts';
import { generateRegionKeyFile, regionKeys } from '../keys.ts';
import { cancelHash, openPhone, personHash, sealPhone, siteAppointmentKey } from './keys.ts';

const keys = regionKeys(generateRegionKeyFile());
const ID = '21010219800101001X';

describe('appointment keys', () => {
  it('are stable per site, differ between sites and between region key files', () => {
    expect(siteAppointmentKey(keys, 'dongcun').equals(siteAppointmentKey(keys, 'dongcun'))).toBe(true);
    expect(siteAppointmentKey(keys, 'dongcun').equals(siteAppointmentKey(keys, 'xicun'))).toBe(false);
    expect(siteAppointmentKey(regionKeys(generateRegionKeyFile()), 'dongcun').equals(siteAppointmentKey(keys, 'dongcun'))).toBe(false);
  });

  it('give the hash a hall computes with the fed key, and never contain the number', () => {
    const key = siteAppointmentKey(keys, 'dongcun');
    const hallSide = createHmac('sha256', Buffer.from(key.toString('base64'), 'base64')).update(appointmentHashInput(ID.toLowerCase())).digest('hex');
    expect(personHash(key, ID)).toBe(hallSide);
    expect(personHash(key, ID)).toMatch(/^[0-9a-f]{64}$/);
    expect(cancelHash(key, '12345678', '001x')).toBe(cancelHash(key, '12345678', '001X'));
    expect(cancelHash(key, '12345678', '001X')).not.toBe(cancelHash(key, '12345679', '001X'));
  });

  it('seal the phone so that only the region opens it', () => {
    const sealed = sealPhone(keys, '13900001111');
    expect(sealed).not.toContain('13900001111');
    expect(openPhone(keys, sealed)).toBe('13900001111');
    expect(() => openPhone(regionKeys(generateRegionKeyFile()), sealed)).toThrow();
  });
});
