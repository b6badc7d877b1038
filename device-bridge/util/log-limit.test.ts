import { describe, expect, it } from 'vitest';
import { limitRepeats } from './log-limit.ts';

describe('limitRepeats', () => {
  it('lets one line through per window for lines that differ only in numbers, then says how many were held back', () => {
    const lines: string[] = [];
    let now = 0;
    const log = limitRepeats((level, message) => lines.push(`${level} ${message}`), 30_000, () => now);
    for (let i = 0; i < 300; i++) {
      log('debug', `idcard: SAM frame garbage: ${i % 7} bytes before a preamble`);
      log('warn', 'printer: no_reply');
      now += 10;
    }
    expect(lines).toEqual(['debug idcard: SAM frame garbage: 0 bytes before a preamble', 'warn printer: no_reply']);
    now = 30_000;
    log('warn', 'printer: no_reply');
    expect(lines.at(-1)).toBe('warn printer: no_reply (299 more like this in the 30 s before)');
  });
});
