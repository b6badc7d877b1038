import { describe, expect, it } from 'vitest';
import { idCheckCharacter } from '../../../protocol/person/id-number.ts';
import { findPersonalNumbers, maskPersonalNumbers } from './pii.ts';

const ID = '21010219850612003' + idCheckCharacter('21010219850612003');

describe('findPersonalNumbers', () => {
  it('finds an ID number only with a valid check character', () => {
    expect(findPersonalNumbers(`我的身份证${ID}办了三次`)).toEqual([{ kind: 'id_number', start: 5, end: 23, digits: ID }]);
    const wrong = ID.slice(0, 17) + (ID[17] === '0' ? '1' : '0');
    expect(findPersonalNumbers(`号码${wrong}`)).toEqual([]);
  });
  it('finds an ID number ending in a lowercase or full-width x', () => {
    const withX = '11010519491231002X';
    expect(findPersonalNumbers(`证件 ${withX.toLowerCase()}`).map((n) => n.digits)).toEqual([withX]);
    expect(findPersonalNumbers('证件１１０１０５１９４９１２３１００２Ｘ').map((n) => n.digits)).toEqual([withX]);
  });
  it('finds mobile numbers with separators, +86 and full-width digits', () => {
    const digits = (text: string) => findPersonalNumbers(text).map((n) => `${n.kind}:${n.digits}`);
    expect(digits('电话13812345678')).toEqual(['mobile:13812345678']);
    expect(digits('打138-1234-5678或138 1234 5678')).toEqual(['mobile:13812345678', 'mobile:13812345678']);
    expect(digits('+86 13812345678')).toEqual(['mobile:13812345678']);
    expect(digits('１３８１２３４５６７８')).toEqual(['mobile:13812345678']);
  });
  it('finds landline numbers with an area code', () => {
    const digits = (text: string) => findPersonalNumbers(text).map((n) => `${n.kind}:${n.digits}`);
    expect(digits('座机024-23456789')).toEqual(['landline:02423456789']);
    expect(digits('（0411）8765432')).toEqual(['landline:04118765432']);
    expect(digits('010 12345678')).toEqual(['landline:01012345678']);
  });
  it('leaves ticket numbers, case numbers, dates, amounts and longer digit runs alone', () => {
    for (const text of ['A023号', '办件编号211223001202603020000001', '2026-11-23 等了40分钟', '报销1380元', '编号138123456789', 'SN13812345678X']) {
      expect(findPersonalNumbers(text), text).toEqual([]);
    }
  });
});

describe('maskPersonalNumbers', () => {
  it('masks every number and keeps the rest of the comment', () => {
    expect(maskPersonalNumbers(`请回电13812345678，座机024-23456789，身份证${ID}。`)).toEqual({
      masked: `请回电138****5678，座机*******6789，身份证210102********${ID.slice(-4)}。`,
      count: 3,
    });
  });
  it('answers a comment without numbers unchanged', () => {
    expect(maskPersonalNumbers('等候时间太长')).toEqual({ masked: '等候时间太长', count: 0 });
  });
});
