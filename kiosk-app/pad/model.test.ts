import { describe, expect, it } from 'vitest';
import type { RatingPrompt } from '../../protocol/hall/ratings.ts';
import { back, expire, finished, press, submitReasons, withdraw } from './model.ts';

const prompt: RatingPrompt = {
  ticketId: 't1', number: 'A001', serviceName: '参保登记', caseNumber: 'C1', staffId: '20101',
  finishedAt: '2026-11-23T01:00:00.000Z', expiresAt: '2026-11-23T01:02:00.000Z',
};
const now = Date.parse('2026-11-23T01:00:05.000Z');
const reasons = ['等候时间过长', '其他原因'];

describe('pad model', () => {
  it('prompts on a finished ticket, submits a good level at once', () => {
    const { view } = finished({ kind: 'idle' }, prompt, new Set(), now);
    expect(view).toEqual({ kind: 'rate', prompt });
    const step = press(view, 5);
    expect(step.view).toEqual({ kind: 'thanks', bad: false });
    expect(step.submit).toEqual({ prompt, input: { score: 5, reasons: [], comment: '', phone: '', consent: false } });
  });

  it('never prompts twice for a ticket rated on this pad, nor for an expired one', () => {
    expect(finished({ kind: 'idle' }, prompt, new Set(['t1']), now).view).toEqual({ kind: 'idle' });
    expect(finished({ kind: 'idle' }, prompt, new Set(), Date.parse(prompt.expiresAt)).view).toEqual({ kind: 'idle' });
  });

  it('asks for reasons on 差评 and refuses to submit without one', () => {
    const rate = { kind: 'rate' as const, prompt };
    const { view } = press(rate, 1);
    expect(view).toEqual({ kind: 'reasons', prompt, score: 1, error: null });
    const empty = submitReasons(view, { reasons: [], comment: '', phone: '', consent: false }, reasons);
    expect(empty.submit).toBeNull();
    expect(empty.view).toMatchObject({ kind: 'reasons', error: '差评请至少选择一项原因或填写意见' });
    const ok = submitReasons(view, { reasons: ['等候时间过长'], comment: '', phone: '13812345678', consent: true }, reasons);
    expect(ok.view).toEqual({ kind: 'thanks', bad: true });
    expect(ok.submit?.input).toEqual({ score: 1, reasons: ['等候时间过长'], comment: '', phone: '13812345678', consent: true });
    expect(back(view).view).toEqual(rate);
  });

  it('ignores presses outside the rating screen (a second press after submitting)', () => {
    expect(press({ kind: 'thanks', bad: false }, 5)).toEqual({ view: { kind: 'thanks', bad: false }, submit: null });
    expect(press({ kind: 'idle' }, 4).submit).toBeNull();
  });

  it('returns to idle when the prompt expires or the server records 未评价', () => {
    const rate = { kind: 'rate' as const, prompt };
    expect(expire(rate, now).view).toBe(rate);
    expect(expire(rate, Date.parse(prompt.expiresAt)).view).toEqual({ kind: 'idle' });
    expect(expire(rate, now, 't1').view).toEqual({ kind: 'idle' });
    expect(expire(rate, now, 'other').view).toBe(rate);
  });

  it('withdraws the prompt of a ticket whose finish staff undid, also mid-reasons, but never a thank-you', () => {
    expect(withdraw({ kind: 'rate', prompt }, 't1').view).toEqual({ kind: 'idle' });
    expect(withdraw({ kind: 'reasons', prompt, score: 2, error: null }, 't1').view).toEqual({ kind: 'idle' });
    expect(withdraw({ kind: 'rate', prompt }, 't2').view).toEqual({ kind: 'rate', prompt });
    expect(withdraw({ kind: 'thanks', bad: false }, 't1').view).toEqual({ kind: 'thanks', bad: false });
  });
});
