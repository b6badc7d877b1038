import { describe, expect, it } from 'vitest';
import { commonPasswords } from './common-passwords.ts';
import { passwordProblem } from '../../protocol/rules/password-policy.ts';

const context = { hallName: '示例县医疗保障服务大厅（示例数据）', name: '张三丰', staffNo: '1001' };
const check = (password: string) => passwordProblem(password, commonPasswords(), context);

describe('password policy (NIST SP 800-63B §5.1.1)', () => {
  it('refuses the weak passwords that passed before, each with its reason in Chinese', () => {
    expect(check('12345678')).toBe('密码至少需要 10 个字符（现在是 8 个）');
    expect(check('aaaaaaaa')).toBe('密码至少需要 10 个字符（现在是 8 个）');
    expect(check('        ')).toBe('密码至少需要 10 个字符（现在是 8 个）');
    expect(check('          ')).toBe('密码不能由同一个字符重复组成');
    expect(check('aaaaaaaaaaaa')).toBe('密码不能由同一个字符重复组成');
  });

  it('refuses simple sequences, including digits that wrap and short repeated blocks', () => {
    for (const p of ['1234567890', '0987654321', '7890123456', 'abcdefghij', 'jihgfedcba', '1212121212', 'abcabcabcabc', '1231231231']) {
      expect(check(p), p).toBe('密码不能是简单的连续或重复序列（如 1234567890、abcdefghij、123123123）');
    }
  });

  it('refuses common passwords from the shipped list: pinyin, keyboard walks, lucky numbers (case-insensitive)', () => {
    expect(commonPasswords().size).toBeGreaterThan(2000);
    for (const p of ['woaini1314', 'WoAiNi5201314', 'zhangwei123456', '1qaz2wsx3edc', 'qwertyuiop', 'password123', 'yibao123456', '5201314520']) {
      expect(check(p), p).toBe('这是常见密码，很容易被猜到，请换一个');
    }
  });

  it('refuses the hall name (or its distinctive part), the own name and the 工号', () => {
    expect(check('示例县医疗保障服务大厅2026')).toBe('密码不能包含大厅名称');
    expect(check('我在示例县上班很多年')).toBe('密码不能包含大厅名称');
    expect(check('张三丰的门禁卡号码是多少')).toBe('密码不能包含本人姓名');
    expect(check('gonghao-1001-xyz')).toBe('密码不能包含工号');
  });

  it('accepts a long passphrase of any characters (no composition rules)', () => {
    expect(check('春眠不觉晓处处闻啼鸟')).toBeNull();
    expect(check('correct horse battery staple')).toBeNull();
    expect(check('test-admin-password')).toBeNull();
  });
});
