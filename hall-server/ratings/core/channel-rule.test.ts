import { describe, expect, it } from 'vitest';
import { alreadyRatedMessage, channelOfSource, phoneDecision } from './channel-rule.ts';

const pad = { at: '2026-11-02T01:05:00.000Z', channel: '窗口评价器' as const };
const phone = { at: '2026-11-02T01:07:00.000Z', channel: '二维码' as const };

describe('DB21/T 4402 §11.1.3: one rating per service across pad and phone', () => {
  it('the phone may rate while the pad prompt is still open (pending)', () => {
    expect(phoneDecision({ outcome: 'pending', withdrawn: false, rated: null })).toEqual({ kind: 'accept', supersedesUnrated: false });
  });
  it('after the pad prompt expired (未评价) the phone may still rate, and its rating supersedes the 未评价', () => {
    expect(phoneDecision({ outcome: 'unrated', withdrawn: false, rated: null })).toEqual({ kind: 'accept', supersedesUnrated: true });
  });
  it('the pad rated first: the phone is answered 已评价 with when and where', () => {
    expect(phoneDecision({ outcome: 'rated', withdrawn: false, rated: pad })).toEqual({ kind: 'rated', by: pad });
  });
  it('the phone rated first: a second phone rating is answered with the first', () => {
    expect(phoneDecision({ outcome: 'rated', withdrawn: false, rated: phone })).toEqual({ kind: 'rated', by: phone });
  });
  it('an unfinished ticket or an undone finish cannot be rated', () => {
    expect(phoneDecision(null)).toMatchObject({ kind: 'refuse', code: 'ticket_not_finished', message: '业务办结后才能评价' });
    expect(phoneDecision({ outcome: 'pending', withdrawn: true, rated: null })).toMatchObject({ kind: 'refuse', code: 'finish_undone' });
  });
  it('a rating kept after an undone finish still wins over the phone', () => {
    expect(phoneDecision({ outcome: 'rated', withdrawn: true, rated: pad })).toEqual({ kind: 'rated', by: pad });
  });
});

describe('channels', () => {
  it('the phone source is 二维码, the pad sources are 窗口评价器', () => {
    expect(['qr', 'touch', 'keypad'].map(channelOfSource)).toEqual(['二维码', '窗口评价器', '窗口评价器']);
  });
  it('tells the pad where and when the service was rated', () => {
    expect(alreadyRatedMessage(phone, () => '09:07')).toBe('已评价（二维码，09:07），每次服务只能评价一次');
    expect(alreadyRatedMessage(null, () => '')).toBe('本次服务已经评价过了，每次服务只能评价一次');
  });
});
