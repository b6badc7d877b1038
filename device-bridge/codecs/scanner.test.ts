import { describe, expect, it } from 'vitest';
import { classifyScan, DEFAULT_ECARD_PATTERN, DuplicateScanFilter, encodeHidPosReports, HidPosAssembler, ScanLineFramer } from './scanner.ts';

const lines = (framer: ScanLineFramer, ...chunks: string[]) => chunks.flatMap((chunk) => framer.push(Buffer.from(chunk)));

describe('ScanLineFramer', () => {
  it('ends lines on CR, LF and CRLF, including CRLF split across chunks', () => {
    const framer = new ScanLineFramer();
    expect(lines(framer, 'ABC\r', '\nDEF\n', 'GHI\r\n', 'JKL\r')).toEqual([
      { type: 'line', text: 'ABC' },
      { type: 'line', text: 'DEF' },
      { type: 'line', text: 'GHI' },
      { type: 'line', text: 'JKL' },
    ]);
  });

  it('keeps a 10 KB line whole and reports a longer one as overflow', () => {
    const framer = new ScanLineFramer();
    const tenK = 'Q'.repeat(10 * 1024);
    const chunks = tenK.match(/.{1,700}/g) ?? [];
    const events = lines(framer, ...chunks, '\r\n');
    expect(events).toEqual([{ type: 'line', text: tenK }]);
    const huge = lines(framer, 'X'.repeat(17 * 1024), '\nOK\n');
    expect(huge).toEqual([{ type: 'overflow', bytes: 17 * 1024 }, { type: 'line', text: 'OK' }]);
  });

  it('decodes UTF-8 split inside a character', () => {
    const framer = new ScanLineFramer();
    const bytes = Buffer.from('医保\n');
    expect([...framer.push(bytes.subarray(0, 2)), ...framer.push(bytes.subarray(2))]).toEqual([{ type: 'line', text: '医保' }]);
  });
});

describe('HID-POS reports', () => {
  it('reassembles a long payload sent in several 64-byte reports', () => {
    const payload = 'https://hall.example/t/A012?' + 'x'.repeat(120);
    const reports = encodeHidPosReports(payload);
    expect(reports).toHaveLength(3);
    expect(reports[0]?.[0]).toBe(2);
    const assembler = new HidPosAssembler();
    expect(reports.map((report) => assembler.push(report))).toEqual([null, null, payload]);
  });

  it('ignores reports with another id', () => {
    expect(new HidPosAssembler().push(Uint8Array.of(1, 3, 65, 66, 67))).toBeNull();
  });
});

describe('duplicate scans', () => {
  it('drops the same code within 2 s and accepts it after', () => {
    const filter = new DuplicateScanFilter();
    expect([filter.accept('A', 0), filter.accept('A', 1999), filter.accept('B', 2000), filter.accept('A', 4000)]).toEqual([true, false, true, true]);
  });
});

describe('classifyScan', () => {
  const classifier = { ticketPrefixes: ['https://hall.example/t/'], ecardPattern: DEFAULT_ECARD_PATTERN };
  it('tells a hall ticket, a 医保电子凭证 and anything else apart', () => {
    expect(classifyScan('https://hall.example/t/A012?d=20261122', classifier)).toBe('ticket');
    expect(classifyScan('6501AF38E9C0B1D24F7A90CC1E03B5D2E8F4A6C0B9D8E7F6', classifier)).toBe('ecard');
    expect(classifyScan('https://other.example/pay', classifier)).toBe('other');
    expect(classifyScan('6901234567892', classifier)).toBe('other');
  });
});
