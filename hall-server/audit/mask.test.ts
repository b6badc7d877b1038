import { describe, expect, it } from 'vitest';
import { maskPersonalJson, maskPersonalText } from './mask.ts';

describe('audit masking', () => {
  it('masks an ID number and a mobile number standing alone', () => {
    expect(maskPersonalText('210102196703150027')).toBe('210102********0027');
    expect(maskPersonalText('张三 21010219670315002X 来访')).toBe('张三 210102********002X 来访');
    expect(maskPersonalText('联系 13812345678')).toBe('联系 138****5678');
  });

  it('keeps longer numbers, ticket numbers and 工号 as they are', () => {
    expect(maskPersonalText('210102001202611230000123')).toBe('210102001202611230000123');
    expect(maskPersonalText('A003')).toBe('A003');
    expect(maskPersonalText('20101')).toBe('20101');
    expect(maskPersonalText('138123456789')).toBe('138123456789');
  });

  it('masks strings at any depth and leaves other values alone', () => {
    expect(maskPersonalJson({ name: '13912345678号机', window: 2, tags: ['210102196703150027'], nested: { ok: true, v: null } })).toEqual({
      name: '139****5678号机',
      window: 2,
      tags: ['210102********0027'],
      nested: { ok: true, v: null },
    });
  });
});
