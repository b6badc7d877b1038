import { describe, expect, it } from 'vitest';
import { decodeIdText, encodeIdText, IdTextError, type IdTextFields } from './id-text.ts';
import { idCheckCharacter, isValidIdNumber, maskIdNumber } from '../../protocol/person/id-number.ts';
import { NATIONS } from './nations.ts';

const resident: IdTextFields = {
  name: '张三丰',
  genderCode: '1',
  nationCode: '01',
  birth: '19491231',
  address: '辽宁省沈阳市和平区南京北街1号',
  idNumber: '11010519491231002X',
  authority: '沈阳市公安局和平分局',
  validFrom: '20200101',
  validTo: '长期',
  cardType: 'resident',
};

function codeOf(run: () => unknown): string | null {
  try {
    run();
    return null;
  } catch (error) {
    return error instanceof IdTextError ? error.code : 'untyped';
  }
}

describe('GB 11643 check character', () => {
  it('computes the check character with the standard weights', () => {
    expect(idCheckCharacter('11010519491231002')).toBe('X');
    expect(isValidIdNumber('11010519491231002X')).toBe(true);
    expect(isValidIdNumber('110105194912310021')).toBe(false);
    expect(isValidIdNumber('440524188001010014')).toBe(true);
  });

  it('masks for the citizen’s own screen as 6 + ******** + 4', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('110105********002X');
  });
});

describe('ID text block', () => {
  it('round-trips a resident card with 长期 validity', () => {
    const block = encodeIdText(resident);
    expect(block.length).toBe(256);
    expect(Buffer.from(block.subarray(0, 6)).toString('hex')).toBe('205f094e304e');
    expect(decodeIdText(block)).toEqual({
      docType: 'resident',
      name: '张三丰',
      gender: '男',
      nationCode: '01',
      nation: '汉',
      birthDate: '1949-12-31',
      address: '辽宁省沈阳市和平区南京北街1号',
      idNumber: '11010519491231002X',
      authority: '沈阳市公安局和平分局',
      validFrom: '2020-01-01',
      validTo: '长期',
    });
  });

  it('reads a J card (港澳台居民居住证) without a nation', () => {
    const decoded = decodeIdText(encodeIdText({ ...resident, name: '陈大文', genderCode: '2', idNumber: '810000199001010' + '00' + idCheckCharacter('81000019900101000'), birth: '19900101', validTo: '20300101', cardType: 'J' }));
    expect(decoded.docType).toBe('J');
    expect(decoded.nation).toBeNull();
    expect(decoded.gender).toBe('女');
    expect(decoded.validTo).toBe('2030-01-01');
  });

  it('rejects a foreigner card clearly', () => {
    expect(codeOf(() => decodeIdText(encodeIdText({ ...resident, cardType: 'I' })))).toBe('foreigner_card');
    expect(new IdTextError('foreigner_card', '').reason).toBe('暂不支持外国人永久居留身份证，请改用医保码或到窗口办理');
  });

  it('rejects a wrong check digit, gender, nation, date and length', () => {
    expect(codeOf(() => decodeIdText(encodeIdText({ ...resident, idNumber: '110105194912310021' })))).toBe('bad_id_number');
    expect(codeOf(() => decodeIdText(encodeIdText({ ...resident, genderCode: '3' as '1' })))).toBe('bad_gender');
    expect(codeOf(() => decodeIdText(encodeIdText({ ...resident, nationCode: '60' })))).toBe('bad_nation');
    expect(codeOf(() => decodeIdText(encodeIdText({ ...resident, birth: '19490231' })))).toBe('bad_date');
    expect(codeOf(() => decodeIdText(new Uint8Array(255)))).toBe('length');
  });

  it('knows all 58 nation codes', () => {
    expect(NATIONS.size).toBe(58);
    expect(NATIONS.get('56')).toBe('基诺');
    expect(NATIONS.get('98')).toBe('外国血统中国籍人士');
  });
});
