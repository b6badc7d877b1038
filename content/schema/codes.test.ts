import { describe, expect, it } from 'vitest';
import { creditCodeCheckChar, creditCodeProblem, implementationCode } from './codes.ts';
import { hallInfoSchema } from './manifest.ts';

describe('统一社会信用代码 (GB 32100)', () => {
  it('computes the check character of the standard worked example and of the sample hall', () => {
    expect(creditCodeCheckChar('91350100M000100Y4')).toBe('3');
    expect(creditCodeCheckChar('12211223000000000')).toBe('B');
  });

  it('accepts a code whose check character fits and says what is wrong otherwise', () => {
    expect(creditCodeProblem('91350100M000100Y43')).toBeNull();
    expect(creditCodeProblem('91350100M000100Y44')).toBe('第18位校验码不符（按 GB 32100 计算应为“3”），请核对整个代码是否抄错');
    expect(creditCodeProblem('91350100M000100I43')).toBe('应为 18 位数字或大写字母（不含 I、O、S、V、Z）');
    expect(creditCodeProblem('91350100M000100Y4')).toBe('应为 18 位数字或大写字母（不含 I、O、S、V、Z）');
    expect(creditCodeProblem('91350100m000100y43')).toBe('应为 18 位数字或大写字母（不含 I、O、S、V、Z）');
  });

  it('forms the 事项实施编码 as credit code + item code', () => {
    expect(implementationCode('12211223000000000B', '212036001001')).toBe('12211223000000000B212036001001');
  });
});

describe('hall info defaults (packs written before these fields stay valid)', () => {
  const base = {
    name: '某某县医疗保障服务大厅', level: '县区', region: '辽宁省某市某县', address: '某路1号', hours: ['周一至周五'],
    consultPhone: '0410-0000001', complaintPhone: '0410-0000002', duties: ['参保登记'], commitments: ['一次性告知'],
  };
  it('reads the call twice and leaves the codes unset', () => {
    const h = hallInfoSchema.parse(base);
    expect(h.callRepeat).toBe(2);
    expect(h.regionCode).toBeUndefined();
    expect(h.creditCode).toBeUndefined();
  });
  it('takes 1–3 readings and a 6-digit region code', () => {
    expect(hallInfoSchema.parse({ ...base, callRepeat: 3, regionCode: '211223' })).toMatchObject({ callRepeat: 3, regionCode: '211223' });
    expect(hallInfoSchema.safeParse({ ...base, callRepeat: 0 }).success).toBe(false);
    expect(hallInfoSchema.safeParse({ ...base, callRepeat: 1.5 }).success).toBe(false);
    expect(hallInfoSchema.safeParse({ ...base, regionCode: '21122' }).success).toBe(false);
    expect(hallInfoSchema.safeParse({ ...base, regionCode: '021122' }).success).toBe(false);
  });
});
