import { describe, expect, it } from 'vitest';
import { hallDayEndMs, isCitizenToken, progressUrl, tokenOfProgressUrl } from './citizen-token.ts';
import { hallDayOf } from './hall-day.ts';

const rule = { startsAt: '03:00', utcOffsetMinutes: 480 };

describe('hallDayEndMs', () => {
  it('is the next 03:00 local for a ticket taken in the afternoon', () => {
    // 2026-12-03 14:00 +08:00 → ends 2026-12-04 03:00 +08:00 = 2026-12-03T19:00Z
    expect(new Date(hallDayEndMs(Date.parse('2026-12-03T06:00:00Z'), rule)).toISOString()).toBe('2026-12-03T19:00:00.000Z');
  });
  it('for a ticket taken at 01:00 local (still yesterday\'s hall day) is 03:00 the same night', () => {
    expect(new Date(hallDayEndMs(Date.parse('2026-12-03T17:00:00Z'), rule)).toISOString()).toBe('2026-12-03T19:00:00.000Z');
  });
  it('the last millisecond before the end belongs to the same hall day, the end to the next', () => {
    const issued = Date.parse('2026-12-03T02:00:00Z');
    const end = hallDayEndMs(issued, rule);
    expect(hallDayOf(end - 1, rule)).toBe(hallDayOf(issued, rule));
    expect(hallDayOf(end, rule)).not.toBe(hallDayOf(issued, rule));
  });
  it('at the very start of a hall day lasts the whole day', () => {
    const start = Date.parse('2026-12-03T19:00:00Z');
    expect(hallDayEndMs(start, rule) - start).toBe(86_400_000);
  });
});

describe('progress URLs', () => {
  const token = 'AbCdEfGhIjKlMnOpQrStUv_-';
  it('joins base and token', () => {
    expect(progressUrl('https://region.example/', token)).toBe(`https://region.example/t/${token}`);
  });
  it('reads the token back from a scanned URL, and nothing else', () => {
    expect(tokenOfProgressUrl(`http://192.168.1.10:4600/t/${token}`)).toBe(token);
    expect(tokenOfProgressUrl('YBTICKET:abc')).toBeNull();
    expect(tokenOfProgressUrl(`http://x/t/${token}x`)).toBeNull();
    expect(isCitizenToken(token)).toBe(true);
    expect(isCitizenToken('short')).toBe(false);
  });
});
