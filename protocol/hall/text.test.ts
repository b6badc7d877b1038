import { describe, expect, it } from 'vitest';
import { cleanText, PersonName, plainText, textProblem } from './text.ts';

describe('cleanText', () => {
  it('normalises to NFC and trims whitespace and zero-width characters at both ends', () => {
    expect(cleanText('  \u200B张三\uFEFF\u3000')).toBe('张三');
    expect(cleanText('Jose\u0301')).toBe('José');
    expect(cleanText('Jose\u0301').length).toBe(4);
  });
  it('keeps a zero-width character inside the text (textProblem decides)', () => {
    expect(cleanText('张\u200B三')).toBe('张\u200B三');
  });
});

describe('textProblem', () => {
  it.each([
    ['张\u0000三', 'control'],
    ['张\n三', 'control'],
    ['张\u0085三', 'control'],
    ['\u202E三张', 'bidi'],
    ['张\u2066三\u2069', 'bidi'],
    ['张\u200F三', 'bidi'],
    ['张\uD800三', 'lone_surrogate'],
    ['', 'blank'],
  ] as const)('%j → %s', (text, problem) => {
    expect(textProblem(text)).toBe(problem);
  });
  it('accepts names with a middle dot, rare characters and private-use code points from ID card readers', () => {
    for (const name of ['阿卜杜·热合曼', '𠮷野', '王\uE000', '欧阳娜娜']) expect(textProblem(name)).toBeNull();
  });
});

describe('PersonName', () => {
  it('answers the cleaned name', () => {
    expect(PersonName.parse(' 张三 ')).toBe('张三');
  });
  it.each([
    ['\u200B\u200C\u200D', '姓名不能为空'],
    ['   ', '姓名不能为空'],
    ['张\u0007三', '姓名含有控制字符，请重新输入'],
    ['\u202E三张', '姓名含有改变文字方向的隐藏字符，请重新输入'],
    ['张\uDC00', '姓名含有无法显示的字符，请重新输入'],
    ['张'.repeat(41), '姓名过长（最多 40 个字）'],
  ])('refuses %j with “%s”', (name, message) => {
    const parsed = PersonName.safeParse(name);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.message)).toEqual([message]);
  });
  it('counts characters, not UTF-16 units', () => {
    expect(plainText('设备', 2).safeParse('𠮷𠮷').success).toBe(true);
  });
});
