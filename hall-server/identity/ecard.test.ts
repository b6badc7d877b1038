import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../core/module.ts';
import { EcQueryConfig } from './config.ts';
import { birthDateOf, decodeEcQueryResponse, queryEcard } from './ecard.ts';
import { startEcQueryStandin, type EcQueryStandin } from '../../tests/support/ecard-standin.ts';

const SENIOR_ID = '210102195001011239';

let standin: EcQueryStandin;
beforeAll(async () => {
  standin = await startEcQueryStandin({ 'ECQR-senior-0001': { userName: '张三丰', idNo: SENIOR_ID } });
});
afterAll(() => standin.close());

function config(url: string) {
  return EcQueryConfig.parse({ url, orgId: 'H21010200001', timeoutMs: 1000 });
}

describe('医保电子凭证 decode adapter', () => {
  it('sends ec.query with device type SelfService and returns name, ID number and birth date', async () => {
    const decoded = await queryEcard(config(standin.url), 'ECQR-senior-0001');
    expect(decoded).toEqual({ name: '张三丰', idNumber: SENIOR_ID, birthDate: '1950-01-01' });
    expect(standin.requests.at(-1)).toEqual({
      transType: 'ec.query',
      orgId: 'H21010200001',
      data: {
        orgId: 'H21010200001', businessType: '01101', deviceType: 'SelfService', officeId: 'self-service',
        operatorId: 'kiosk', operatorName: '自助取号机', qrCode: 'ECQR-senior-0001',
      },
    });
  });

  it('says in words when the platform rejects the code', async () => {
    await expect(queryEcard(config(standin.url), 'ECQR-expired-9999')).rejects.toMatchObject({
      status: 422,
      code: 'ecard_rejected',
      message: '医保码无法识别（电子凭证已过期），请刷新医保码后重试，或使用身份证、社保卡',
    });
  });

  it('answers 503 when the hall has no decode service, 504 when it cannot be reached', async () => {
    await expect(queryEcard(null, 'x')).rejects.toMatchObject({ status: 503, code: 'ecard_not_configured' });
    await expect(queryEcard(config('http://127.0.0.1:1/ec/query'), 'ECQR-senior-0001')).rejects.toMatchObject({ status: 504 });
  });

  it('refuses a reply whose ID number fails the check digit', () => {
    expect(() => decodeEcQueryResponse({ code: 0, data: { userName: '李四', idNo: '210102195001011238' } })).toThrow(ApiError);
    expect(() => decodeEcQueryResponse({ unexpected: true })).toThrow(/无法识别/);
  });

  it('reads the birth date from the ID number', () => {
    expect(birthDateOf('21010219661122123X')).toBe('1966-11-22');
  });
});
