import { describe, expect, it } from 'vitest';
import { blockingProblem, CLEAN_STATUS, decodeFullStatus, decodeStatusByte, encodeFullStatus, StatusDecodeError } from './escpos-status.ts';

describe('DLE EOT status decoder', () => {
  it('reads a healthy printer as 12 12 12 12', () => {
    expect(decodeFullStatus([0x12, 0x12, 0x12, 0x12])).toEqual(CLEAN_STATUS);
    expect(blockingProblem(CLEAN_STATUS)).toBeNull();
  });

  it('decodes each documented bit', () => {
    expect(decodeStatusByte(1, 0x1a)).toEqual({ offline: true });
    expect(decodeStatusByte(2, 0x16)).toEqual({ coverOpen: true, stoppedAtPaperEnd: false, errorOccurred: false });
    expect(decodeStatusByte(2, 0x32)).toEqual({ coverOpen: false, stoppedAtPaperEnd: true, errorOccurred: false });
    expect(decodeStatusByte(3, 0x1a)).toEqual({ cutterError: true, unrecoverableError: false, autoRecoverableError: false });
    expect(decodeStatusByte(4, 0x1e)).toEqual({ paperNearEnd: true, paperOut: false });
    expect(decodeStatusByte(4, 0x72)).toEqual({ paperNearEnd: false, paperOut: true });
  });

  it('names the blocking problem, paper first', () => {
    expect(blockingProblem(decodeFullStatus([0x1a, 0x36, 0x12, 0x72]))).toBe('paper_out');
    expect(blockingProblem(decodeFullStatus([0x1a, 0x16, 0x12, 0x12]))).toBe('cover_open');
    expect(blockingProblem(decodeFullStatus([0x12, 0x12, 0x1a, 0x12]))).toBe('cutter_error');
    expect(blockingProblem(decodeFullStatus([0x12, 0x12, 0x12, 0x1e]))).toBeNull();
  });

  it('round-trips through the encoder the simulator uses', () => {
    const status = { ...CLEAN_STATUS, paperNearEnd: true, coverOpen: true, offline: true };
    expect(decodeFullStatus(encodeFullStatus(status))).toEqual(status);
  });

  it('rejects bytes whose fixed bits are wrong', () => {
    expect(() => decodeStatusByte(1, 0x00)).toThrow(StatusDecodeError);
    expect(() => decodeStatusByte(4, 0x93)).toThrow(StatusDecodeError);
    expect(() => decodeStatusByte(5, 0x12)).toThrow(StatusDecodeError);
    expect(() => decodeFullStatus([0x12, 0x12])).toThrow(StatusDecodeError);
  });
});
