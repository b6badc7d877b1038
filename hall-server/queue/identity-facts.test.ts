import { describe, expect, it } from 'vitest';
import { idCheckCharacter } from '../../protocol/person/id-number.ts';
import { ApiError } from '../core/module.ts';
import { verifiedIdentityFacts } from './identity-facts.ts';

const withCheck = (first17: string) => first17 + idCheckCharacter(first17);
const TODAY = '2026-12-03';

describe('verifiedIdentityFacts', () => {
  const id = withCheck('21010220000315123');
  it('answers the facts of the number when the request agrees or says nothing', () => {
    expect(verifiedIdentityFacts({ idNumber: id, birthDate: '2000-03-15', sex: 'male' }, TODAY).birthDate).toBe('2000-03-15');
    expect(verifiedIdentityFacts({ idNumber: id }, TODAY)).toEqual({ birthDate: '2000-03-15', sex: 'male' });
  });
  it('refuses a birth date the number contradicts', () => {
    const err = (() => {
      try {
        verifiedIdentityFacts({ idNumber: id, birthDate: '1940-03-15' }, TODAY);
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ status: 400, code: 'identity_mismatch', message: '出生日期与身份证号码不符，请重新读卡或核对证件' });
  });
  it('refuses a sex the number contradicts', () => {
    expect(() => verifiedIdentityFacts({ idNumber: id, sex: 'female' }, TODAY)).toThrow('性别与身份证号码不符，请重新读卡或核对证件');
  });
});
