import { describe, expect, it } from 'vitest';
import { describeEvent } from './model.ts';
import { bridgeUrlFromLocation } from '../../shared/bridge/url.ts';

describe('devices panel model', () => {
  it('never shows a full ID number or name in the event log', () => {
    const line = describeEvent({ type: 'identity.read', identity: { source: 'idcard', name: '王秀英', idNumber: '21010219480305002X', birthDate: '1948-03-05', gender: '女', docType: 'resident' } });
    expect(line).toBe('读到身份证：王*英，女，证件号尾号 002X');
    expect(line).not.toContain('210102');
  });

  it('describes keys and scans in Chinese', () => {
    expect(describeEvent({ type: 'key', key: { device: 'caller', action: 'no_show' } })).toBe('呼叫器按键：过号');
    expect(describeEvent({ type: 'scan', kind: 'ecard', payload: 'X'.repeat(40) })).toBe('扫码：医保电子凭证（40 个字符）');
  });

  it('takes the bridge address from ?bridge=', () => {
    expect(bridgeUrlFromLocation('?bridge=http://127.0.0.1:5000/')).toBe('ws://127.0.0.1:5000/');
    expect(bridgeUrlFromLocation('')).toBe('ws://127.0.0.1:4601/');
  });
});
