import { describe, expect, it } from 'vitest';
import type { Service } from '../../content/schema/index.ts';
import { deferredNote, duration, secondsBetween } from './timing.ts';

describe('counter helpers', () => {
  it('formats durations in Chinese', () => {
    expect([0, 59, 60, 185, 3600, 3725].map(duration)).toEqual(['0秒', '59秒', '1分00秒', '3分05秒', '1小时00分', '1小时02分']);
    expect(duration(null)).toBe('—');
    expect(secondsBetween('2026-11-23T01:00:00.000Z', Date.parse('2026-11-23T01:03:05.000Z'))).toBe(185);
    expect(secondsBetween(null, 0)).toBeNull();
  });
  it('DB21/T 4402 §9.5: names the materials that may follow under 容缺受理', () => {
    const service = {
      guide: {
        deferredAcceptance: { allowed: true, note: '须签署容缺承诺书' },
        materials: [
          { name: '身份证', deferrable: false },
          { name: '户口簿', deferrable: true },
        ],
      },
    } as unknown as Service;
    expect(deferredNote(service)).toBe('本事项可容缺受理；可后补：户口簿；须签署容缺承诺书');
    expect(deferredNote({ guide: { deferredAcceptance: { allowed: false }, materials: [] } } as unknown as Service)).toBeNull();
    expect(deferredNote(undefined)).toBeNull();
  });
});
