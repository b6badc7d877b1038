import { describe, expect, it } from 'vitest';
import type { RatingPrompt } from '../../protocol/hall/ratings.ts';
import { startBadPath, toggleReason } from './badPath.ts';
import { backToLevels, badStep, expire, finished, press, ratedElsewhere, withdraw } from './model.ts';

const prompt: RatingPrompt = {
  ticketId: 't1', number: 'A001', serviceName: '参保登记', caseNumber: 'C1', staffId: '20101',
  finishedAt: '2026-11-23T01:00:00.000Z', expiresAt: '2026-11-23T01:02:00.000Z', senior: false,
};
const now = Date.parse('2026-11-23T01:00:05.000Z');
const reasons = ['等候时间过长', '其他原因'];

describe('pad model', () => {
  it('prompts on a finished ticket, submits a good level at once, stamped when pressed', () => {
    const { view } = finished({ kind: 'idle' }, prompt, new Set(), now);
    expect(view).toEqual({ kind: 'rate', prompt });
    const step = press(view, 5, now);
    expect(step.view).toEqual({ kind: 'thanks', bad: false });
    expect(step.submit).toEqual({ prompt, input: { score: 5, reasons: [], comment: '', phone: '', consent: false }, ratedAtMs: now });
  });

  it('never prompts twice for a ticket rated on this pad, nor for an expired one', () => {
    expect(finished({ kind: 'idle' }, prompt, new Set(['t1']), now).view).toEqual({ kind: 'idle' });
    expect(finished({ kind: 'idle' }, prompt, new Set(), Date.parse(prompt.expiresAt)).view).toEqual({ kind: 'idle' });
  });

  it('starts the 差评 path on 不满意 / 非常不满意, and its first 返回 goes back to the five levels', () => {
    const rate = { kind: 'rate' as const, prompt };
    const { view, submit } = press(rate, 1, now);
    expect(submit).toBeNull();
    expect(view).toEqual(startBadPath(prompt, 1, now));
    expect(backToLevels(view).view).toEqual(rate);
  });

  it('ends the path on thanks with its submission, or on idle without one', () => {
    const path = startBadPath(prompt, 2, now);
    const input = { score: 2, reasons: ['其他原因'], comment: '', phone: '', consent: false };
    expect(badStep(path, { path: null, submit: { prompt, input, ratedAtMs: now } })).toEqual({
      view: { kind: 'thanks', bad: true }, submit: { prompt, input, ratedAtMs: now },
    });
    expect(badStep(path, { path: null, submit: null }).view).toEqual({ kind: 'idle' });
  });

  it('ignores presses outside the rating screen (a second press after submitting)', () => {
    expect(press({ kind: 'thanks', bad: false }, 5, now)).toEqual({ view: { kind: 'thanks', bad: false }, submit: null });
    expect(press({ kind: 'idle' }, 4, now).submit).toBeNull();
  });

  it('returns to idle when the prompt expires or the server records 未评价, but never from the middle of the 差评 path', () => {
    const rate = { kind: 'rate' as const, prompt };
    expect(expire(rate, now).view).toBe(rate);
    expect(expire(rate, Date.parse(prompt.expiresAt)).view).toEqual({ kind: 'idle' });
    expect(expire(rate, now, 't1').view).toEqual({ kind: 'idle' });
    expect(expire(rate, now, 'other').view).toBe(rate);
    const path = toggleReason(startBadPath(prompt, 1, now), '等候时间过长');
    expect(expire(path, Date.parse(prompt.expiresAt) + 60_000).view).toBe(path);
    expect(expire(path, now, 't1').view).toBe(path);
  });

  it('a next service arriving mid-path submits the reasons chosen so far and prompts for the new one', () => {
    const path = toggleReason(startBadPath(prompt, 1, now), '等候时间过长');
    const next = { ...prompt, ticketId: 't2', number: 'A002' };
    const step = finished(path, next, new Set(), now, reasons);
    expect(step.view).toEqual({ kind: 'rate', prompt: next });
    expect(step.submit).toEqual({
      prompt, ratedAtMs: now, input: { score: 1, reasons: ['等候时间过长'], comment: '', phone: '', consent: false },
    });
  });

  it('withdraws the prompt of a ticket whose finish staff undid, also mid-path, but never a thank-you', () => {
    expect(withdraw({ kind: 'rate', prompt }, 't1').view).toEqual({ kind: 'idle' });
    expect(withdraw(startBadPath(prompt, 2, now), 't1').view).toEqual({ kind: 'idle' });
    expect(withdraw({ kind: 'rate', prompt }, 't2').view).toEqual({ kind: 'rate', prompt });
    expect(withdraw({ kind: 'thanks', bad: false }, 't1').view).toEqual({ kind: 'thanks', bad: false });
  });

  it('DB21/T 4402 §11.1.3: the phone rated first: the prompt or the 差评 path closes with 已评价（二维码）', () => {
    const rate = { kind: 'rate' as const, prompt };
    const at = '2026-11-23T01:01:00.000Z';
    expect(ratedElsewhere(rate, prompt.ticketId, '二维码', at)).toEqual({ view: { kind: 'ratedElsewhere', channel: '二维码', at }, submit: null });
    const bad = startBadPath(prompt, 1, now);
    expect(ratedElsewhere(bad, prompt.ticketId, '二维码', at).view).toEqual({ kind: 'ratedElsewhere', channel: '二维码', at });
    expect(ratedElsewhere(rate, 'another-ticket', '二维码', at).view).toBe(rate);
    expect(ratedElsewhere(rate, prompt.ticketId, '窗口评价器', at).view).toBe(rate);
    expect(ratedElsewhere({ kind: 'idle' }, prompt.ticketId, '二维码', at).view).toEqual({ kind: 'idle' });
  });
});
