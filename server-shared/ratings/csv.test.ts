import { describe, expect, it } from 'vitest';
import { tableCsv, upstreamCaseNo, upstreamCsv } from './csv.ts';

describe('upstream CSV', () => {
  it('writes BOM, the 12 columns and CRLF rows with exact bytes', () => {
    const csv = upstreamCsv([
      {
        caseNo: '210102001202611230000001', itemCode: '11210100MB0123456X132036001001', itemName: '单位参保登记',
        idType: '111', idNumber: '210102199001011234', name: '张三', phone: '13812345678',
        receivedAt: '2026-11-23 09:00:00', promisedAt: '2026-11-23 09:20:00', legalAt: '2026-11-23 09:20:00',
        score: 2, ratedAt: '2026-11-23 09:21:05',
      },
    ]);
    const bytes = new TextEncoder().encode(csv);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv).toBe(
      '\uFEFF办件编号,事项实施编码,事项名称,证件类型,证件号码,姓名,联系电话,收件时间,承诺办结时间,法定办结时间,整体满意度,评价时间\r\n' +
        '210102001202611230000001,11210100MB0123456X132036001001,单位参保登记,111,210102199001011234,张三,13812345678,' +
        '2026-11-23 09:00:00,2026-11-23 09:20:00,2026-11-23 09:20:00,2,2026-11-23 09:21:05\r\n',
    );
  });
  it('quotes separators and defuses formulas', () => {
    expect(tableCsv(['a', 'b'], [['x,"y"', '=1+1'], ['line\nbreak', null]])).toBe(
      '\uFEFFa,b\r\n"x,""y""","\'=1+1"\r\n"line\nbreak",\r\n',
    );
  });
  it('builds the case number region + 001 + date + 0 + sequence', () => {
    expect(upstreamCaseNo('210102', '2026-11-23', 42)).toBe('210102001202611230000042');
    expect(() => upstreamCaseNo('2101', '2026-11-23', 1)).toThrow(/6 digits/);
  });
});
