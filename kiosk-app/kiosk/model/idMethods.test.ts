import { describe, expect, it } from 'vitest';
import type { DeviceInfo } from '../../../protocol/bridge/messages.ts';
import { idMethods, noMethodWorks } from './idMethods.ts';

function device(id: DeviceInfo['id'], state: DeviceInfo['health']['state']): DeviceInfo {
  return { id, label: id, transport: 'serial', simulated: false, health: { state, code: state, reason: '', since: '2026-11-23T01:00:00.000Z' } };
}

describe('identify methods', () => {
  it('offers 医保码 only where the hall has a decode service', () => {
    expect(idMethods([], false)).toEqual({ idcard: 'ready', sscard: 'ready', ecard: 'absent' });
    expect(idMethods([], true)).toEqual({ idcard: 'ready', sscard: 'ready', ecard: 'ready' });
  });

  it('says which reader is out of order, and counts a degraded one as working', () => {
    const devices = [device('idcard', 'offline'), device('sscard', 'degraded'), device('scanner', 'offline')];
    expect(idMethods(devices, true)).toEqual({ idcard: 'offline', sscard: 'ready', ecard: 'offline' });
    expect(noMethodWorks(idMethods(devices, true))).toBe(false);
    expect(noMethodWorks(idMethods([device('idcard', 'offline'), device('sscard', 'offline')], false))).toBe(true);
  });
});
