import { describe, expect, it } from 'vitest';
import { PressGate, isBad, levelLabel, ratingProblem } from './levels.ts';
import { maskIdNumber, maskName, maskPhone } from '../person/mask.ts';

const reasons = ['等候时间长', '服务态度差', '办理效率低'];
const ok = { reasons: [], comment: '', phone: '', consent: false };

describe('rating rules', () => {
  it('国办发〔2019〕51号: maps the five levels and marks the last two as 差评', () => {
    expect([5, 4, 3, 2, 1].map(levelLabel)).toEqual(['非常满意', '满意', '基本满意', '不满意', '非常不满意']);
    expect([5, 4, 3, 2, 1].map(isBad)).toEqual([false, false, false, true, true]);
    expect(levelLabel(0)).toBe('未评价');
  });
  it('accepts good levels without reasons and refuses extras on them', () => {
    expect(ratingProblem({ score: 5, ...ok }, reasons)).toBeNull();
    expect(ratingProblem({ score: 3, ...ok, reasons: ['服务态度差'] }, reasons)).toBe('只有差评需要填写原因和回访电话');
    expect(ratingProblem({ score: 6, ...ok }, reasons)).toBe('评价等级无效');
  });
  it('国办发〔2019〕51号: requires a reason or comment for a 差评, from the pack list', () => {
    expect(ratingProblem({ score: 2, ...ok }, reasons)).toBe('差评请至少选择一项原因或填写意见');
    expect(ratingProblem({ score: 1, ...ok, reasons: ['服务态度差'] }, reasons)).toBeNull();
    expect(ratingProblem({ score: 1, ...ok, comment: '材料退回三次' }, reasons)).toBeNull();
    expect(ratingProblem({ score: 2, ...ok, reasons: ['太冷'] }, reasons)).toBe('差评原因“太冷”不在本大厅的原因列表中');
    expect(ratingProblem({ score: 2, ...ok, reasons: ['服务态度差', '服务态度差'] }, reasons)).toBe('差评原因重复');
  });
  it('checks the call-back phone and requires consent', () => {
    const bad = { score: 2, ...ok, reasons: ['服务态度差'] };
    expect(ratingProblem({ ...bad, phone: '12345' }, reasons)).toBe('回访电话格式不正确');
    expect(ratingProblem({ ...bad, phone: '13812345678' }, reasons)).toBe('留下回访电话前请您确认同意回访');
    expect(ratingProblem({ ...bad, phone: '13812345678', consent: true }, reasons)).toBeNull();
    expect(ratingProblem({ ...bad, phone: '024-23456789', consent: true }, reasons)).toBeNull();
  });
});

describe('PressGate', () => {
  it('drops presses inside the minimum interval', () => {
    const gate = new PressGate(1500);
    expect([gate.accept(0), gate.accept(300), gate.accept(1499), gate.accept(1500), gate.accept(2000)]).toEqual([
      true, false, false, true, false,
    ]);
    gate.reset();
    expect(gate.accept(2100)).toBe(true);
  });
});

describe('masking', () => {
  it('keeps only what the standard allows', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('024-23456789')).toBe('********6789');
    expect(maskIdNumber('210102199001011234')).toBe('210102********1234');
    expect(maskName('张三丰')).toBe('张*丰');
    expect(maskName('王五')).toBe('王*');
    expect(maskName('欧阳修文')).toBe('欧**文');
  });
});
