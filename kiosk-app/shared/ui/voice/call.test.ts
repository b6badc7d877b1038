import { describe, expect, it } from 'vitest';
import { callAnnouncement } from './call.ts';

const manifest = { packId: 'ln-sample', version: 3 };
const url = (clip: string) => `/api/packs/files/ln-sample/3/voice/${clip}.wav`;

describe('call announcement', () => {
  it('reads A023 at window 5 as chime, 请, A, 零, 二, 三, 号, 到, 五, 号, 窗口办理', () => {
    const a = callAnnouncement({ number: 'A023', window: 5 }, manifest, 2);
    expect(a.clips).toEqual(
      ['chime', 'qing', 'letter-A', 'digit-0', 'digit-2', 'digit-3', 'hao', 'dao', 'digit-5', 'hao', 'chuangkou-banli'].map(url),
    );
    expect(a.repeat).toBe(2);
    expect(a.text).toBe('请 A023 号到 5 号窗口办理');
  });

  it('reads window 12 as 十二 and window 20 as 二十', () => {
    expect(callAnnouncement({ number: 'B100', window: 12 }, manifest).clips.slice(2)).toEqual(
      ['letter-B', 'digit-1', 'digit-0', 'digit-0', 'hao', 'dao', 'shi', 'digit-2', 'hao', 'chuangkou-banli'].map(url),
    );
    expect(callAnnouncement({ number: 'C001', window: 20 }, manifest).clips.slice(8, 10)).toEqual(['digit-2', 'shi'].map(url));
  });

  it('refuses a number it cannot read', () => {
    expect(() => callAnnouncement({ number: 'A-1', window: 5 }, manifest)).toThrow(/not a ticket number/);
  });
});
