// The one ID-number schema of the API: format, GB 11643 check character, lowercase x read as X.
import { describe, expect, it } from 'vitest';
import { IdNumber } from './common.ts';
import { Identity } from './queue.ts';

const VALID = '11010519491231002X';

describe('IdNumber', () => {
  it('accepts a valid number and reads a lowercase x as X', () => {
    expect(IdNumber.parse(VALID)).toBe(VALID);
    expect(IdNumber.parse('11010519491231002x')).toBe(VALID);
    expect(IdNumber.parse(' 210102196703150027 ')).toBe('210102196703150027');
  });
  it('refuses a wrong check character and a wrong length with Chinese messages', () => {
    const wrongCheck = IdNumber.safeParse('110105194912310021');
    expect(wrongCheck.success ? null : wrongCheck.error.issues.map((i) => i.message)).toEqual(['身份证号码校验位不正确，请核对后重试']);
    const short = IdNumber.safeParse('11010519491231002');
    expect(short.success ? null : short.error.issues[0]!.message).toBe('身份证号码格式不正确，应为18位');
  });
  it('is what the ticket request validates', () => {
    const identity = { name: '张三', birthDate: '1949-12-31', source: 'id_card' as const };
    expect(Identity.parse({ ...identity, idNumber: '11010519491231002x' }).idNumber).toBe(VALID);
    expect(Identity.safeParse({ ...identity, idNumber: '110105194912310021' }).success).toBe(false);
  });
});
