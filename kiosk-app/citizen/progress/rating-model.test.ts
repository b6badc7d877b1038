import { describe, expect, it } from 'vitest';
import { EMPTY_FORM, formProblem, newRatingId, pressLevel, requestOf, sendOutcome, toggleReason } from './rating-model.ts';

const REASONS = ['等候时间过长', '工作人员态度不好', '其他原因'];

describe('DB21/T 4402 §11.1.3: 扫码评价 on the progress page', () => {
  it('a good level is sent at once, a 差评 opens its questions', () => {
    expect(pressLevel(5)).toEqual({ form: { score: 5, reasons: [], phone: '', consent: false }, send: true });
    expect(pressLevel(3).send).toBe(true);
    expect(pressLevel(2)).toEqual({ form: { score: 2, reasons: [], phone: '', consent: false }, send: false });
    expect(pressLevel(1).send).toBe(false);
  });

  it('a 差评 needs a reason from the hall\'s list; a call-back phone needs a valid number and consent', () => {
    const bad = pressLevel(1).form;
    expect(formProblem(bad, REASONS)).toBe('差评请至少选择一项原因或填写意见');
    const withReason = toggleReason(bad, '等候时间过长');
    expect(withReason.reasons).toEqual(['等候时间过长']);
    expect(toggleReason(withReason, '等候时间过长').reasons).toEqual([]);
    expect(formProblem(withReason, REASONS)).toBeNull();
    expect(formProblem({ ...withReason, phone: '12345' }, REASONS)).toBe('回访电话格式不正确');
    expect(formProblem({ ...withReason, phone: '138 0013 8000' }, REASONS)).toBe('留下回访电话前请您确认同意回访');
    expect(formProblem({ ...withReason, phone: '138 0013 8000', consent: true }, REASONS)).toBeNull();
    expect(formProblem(toggleReason(bad, '不在列表'), REASONS)).toBe('差评原因“不在列表”不在本大厅的原因列表中');
    expect(formProblem(EMPTY_FORM, REASONS)).toBe('请选择评价等级');
  });

  it('the request carries the phone without spaces and the id made once', () => {
    const form = { score: 2, reasons: ['其他原因'], phone: '138 0013 8000', consent: true };
    expect(requestOf(form, 'pAAAAAAAA')).toEqual({ id: 'pAAAAAAAA', score: 2, reasons: ['其他原因'], phone: '13800138000', consent: true });
    const id = newRatingId((n) => new Uint8Array(n).fill(1));
    expect(id).toBe('pBBBBBBBBBBBBBBBB');
    expect(id).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
  });

  it('answers: stored, kept at the region, rated elsewhere, refused, network failed', () => {
    const phone = { at: '2026-11-02T01:07:00.000Z', channel: '二维码' };
    const pad = { at: '2026-11-02T01:05:00.000Z', channel: '窗口评价器' };
    expect(sendOutcome(201, { state: 'accepted', rating: phone }, '')).toEqual({ kind: 'done', lines: ['感谢您的评价', '已评价（二维码）', '评价时间 09:07'] });
    expect(sendOutcome(202, { state: 'pending', rating: null }, '')).toEqual({ kind: 'done', lines: ['评价已提交，正在送达大厅'] });
    expect(sendOutcome(409, { state: 'rated', rating: pad }, '')).toEqual({ kind: 'done', lines: ['已评价（窗口评价器）', '评价时间 09:05'] });
    expect(sendOutcome(400, { error: { message: '差评原因重复' } }, '差评原因重复')).toEqual({ kind: 'refused', lines: ['差评原因重复'] });
    expect(sendOutcome(0, null, '')).toEqual({ kind: 'retry', lines: ['网络不稳定，正在重新提交…'] });
    expect(sendOutcome(503, null, '')).toMatchObject({ kind: 'retry' });
  });
});
