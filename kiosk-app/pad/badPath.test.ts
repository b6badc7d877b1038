import { describe, expect, it } from 'vitest';
import type { RatingPrompt } from '../../protocol/hall/ratings.ts';
import {
  abandonBadPath, answerConsent, badBack, moreReasons, phoneDone, phoneKey, reasonPages, reasonsDone, reasonsOnScreen,
  secondsBeforeAbandon, skipPhone, startBadPath, toggleReason, type BadPath,
} from './badPath.ts';

const prompt: RatingPrompt = {
  ticketId: 't1', number: 'A001', serviceName: '参保登记', caseNumber: 'C1', staffId: '20101',
  finishedAt: '2026-11-23T01:00:00.000Z', expiresAt: '2026-11-23T01:02:00.000Z', senior: false,
};
const pressedAt = Date.parse('2026-11-23T01:01:50.000Z');
const REASONS = ['等候时间过长', '工作人员态度不好', '一次性告知不清楚，需要多次跑', '办理时间超过承诺时限', '材料要求过多', '业务不熟练', '窗口无人或擅自离岗', '其他原因'];

function typed(path: BadPath, digits: string): BadPath {
  return [...digits].reduce(phoneKey, path);
}

describe('差评 path, one question per screen', () => {
  it('shows at most 4 reasons a screen; 更多原因 pages through and keeps what was chosen', () => {
    let path = startBadPath(prompt, 1, pressedAt);
    expect(reasonPages(REASONS)).toBe(2);
    expect(reasonsOnScreen(path, REASONS)).toEqual(REASONS.slice(0, 4));
    path = toggleReason(path, '等候时间过长');
    path = moreReasons(path, REASONS);
    expect(reasonsOnScreen(path, REASONS)).toEqual(REASONS.slice(4));
    path = toggleReason(path, '业务不熟练');
    expect(path.chosen).toEqual(['等候时间过长', '业务不熟练']);
    expect(moreReasons(path, REASONS).page).toBe(0);
    expect(toggleReason(path, '业务不熟练').chosen).toEqual(['等候时间过长']);
  });

  it('asks for a reason before going on, then for the phone', () => {
    const none = reasonsDone(startBadPath(prompt, 2, pressedAt));
    expect(none.submit).toBeNull();
    expect(none.path?.error).toBe('请至少选择一项不满意的原因');
    const next = reasonsDone(toggleReason(startBadPath(prompt, 2, pressedAt), '其他原因'));
    expect(next.path).toMatchObject({ step: 'phone', error: null });
  });

  it('types the phone on the big keypad (清除, 删除, at most 12 digits) and asks consent as its own question', () => {
    let path: BadPath = { ...toggleReason(startBadPath(prompt, 1, pressedAt), '其他原因'), step: 'phone' };
    path = typed(path, '1381234567899');
    expect(path.phone).toBe('138123456789');
    path = phoneKey(phoneKey(path, '删除'), '删除');
    expect(path.phone).toBe('1381234567');
    expect(phoneDone(path, REASONS).path?.error).toBe('回访电话格式不正确');
    path = phoneKey(path, '8');
    const consent = phoneDone(path, REASONS).path!;
    expect(consent.step).toBe('consent');
    expect(phoneKey(path, '清除').phone).toBe('');
    expect(answerConsent(consent, true, REASONS).submit).toEqual({
      prompt, ratedAtMs: pressedAt, input: { score: 1, reasons: ['其他原因'], comment: '', phone: '13812345678', consent: true },
    });
    expect(answerConsent(consent, false, REASONS).submit?.input).toMatchObject({ phone: '', consent: false });
    expect(badBack(consent)?.step).toBe('phone');
  });

  it('不留电话 submits the reasons with no phone, even one typed half-way', () => {
    const path: BadPath = { ...toggleReason(startBadPath(prompt, 1, pressedAt), '其他原因'), step: 'phone', phone: '138' };
    expect(skipPhone(path, REASONS).submit?.input).toEqual({ score: 1, reasons: ['其他原因'], comment: '', phone: '', consent: false });
  });

  it('返回 walks back screen by screen; from the first screen of reasons the path ends', () => {
    const path = moreReasons(startBadPath(prompt, 1, pressedAt), REASONS);
    expect(badBack(path)?.page).toBe(0);
    expect(badBack({ ...path, page: 0 })).toBeNull();
    expect(badBack({ ...path, step: 'phone' })?.step).toBe('reasons');
  });

  it('abandoned, it submits the reasons chosen so far without the phone, and nothing without a reason', () => {
    const chosen: BadPath = { ...toggleReason(startBadPath(prompt, 1, pressedAt), '其他原因'), step: 'consent', phone: '13812345678' };
    expect(abandonBadPath(chosen, REASONS).submit?.input).toEqual({ score: 1, reasons: ['其他原因'], comment: '', phone: '', consent: false });
    expect(abandonBadPath(startBadPath(prompt, 1, pressedAt), REASONS)).toEqual({ path: null, submit: null });
  });

  it('counts its 60 s from the last touch', () => {
    expect(secondsBeforeAbandon(1000, 1000)).toBe(60);
    expect(secondsBeforeAbandon(1000, 41_500)).toBe(20);
    expect(secondsBeforeAbandon(1000, 61_000)).toBe(0);
  });
});
