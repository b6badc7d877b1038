import { describe, expect, it } from 'vitest';
import { callText, callWords, cardinalWords, ticketWords } from './words.ts';

describe('call words', () => {
  it('reads A023 at window 5 as the exact clip sequence', () => {
    expect(callWords({ ticket: 'A023', window: 5 })).toEqual(['chime', '请', 'A', '零', '二', '三', '号', '到', '五', '号窗口办理']);
  });

  it('reads every ticket digit, zeros included', () => {
    expect(ticketWords('B100')).toEqual(['B', '一', '零', '零']);
    expect(ticketWords('v007')).toEqual(['V', '零', '零', '七']);
  });

  it('reads window numbers as cardinals', () => {
    expect(cardinalWords(1)).toEqual(['一']);
    expect(cardinalWords(10)).toEqual(['十']);
    expect(cardinalWords(12)).toEqual(['十', '二']);
    expect(cardinalWords(20)).toEqual(['二', '十']);
    expect(cardinalWords(35)).toEqual(['三', '十', '五']);
    expect(cardinalWords(105)).toEqual(['一', '百', '零', '五']);
    expect(cardinalWords(110)).toEqual(['一', '百', '一', '十']);
  });

  it('rejects what it cannot read', () => {
    expect(() => ticketWords('A-1')).toThrow(/unexpected character/);
    expect(() => cardinalWords(1000)).toThrow(/out of range/);
    expect(() => cardinalWords(2.5)).toThrow(/out of range/);
  });

  it('gives the caption text', () => {
    expect(callText({ ticket: 'A023', window: 5 })).toBe('请A023号到5号窗口办理');
  });
});
