import { describe, expect, it } from 'vitest';
import { decodeSamResponse, encodeSamRequest, encodeSamResponse, SamFrameError, SamFrameParser, type SamParseEvent } from './sam-frame.ts';
import { expectSw3, SAM_SW3_ERRORS, SamStatusError } from './sam-status.ts';
import { decodeReadData, encodeReadData, PHOTO_BYTES } from './sam-read.ts';
import { encodeIdText } from './id-text.ts';

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');
const frames = (events: SamParseEvent[]) => events.filter((e) => e.type === 'frame').map((e) => hex(e.payload));
const errors = (events: SamParseEvent[]) => events.filter((e) => e.type === 'error').map((e) => e.error.code);

const readResponse = encodeSamResponse(
  0x90,
  encodeReadData(
    encodeIdText({ name: '张三', genderCode: '1', nationCode: '01', birth: '19900101', address: '沈阳', idNumber: '11010519491231002X', authority: '和平分局', validFrom: '20200101', validTo: '长期', cardType: 'resident' }),
    new Uint8Array(PHOTO_BYTES).fill(0x57),
  ),
);

describe('SAM frame encoding', () => {
  it('encodes the find, select, read and status commands with a computed CHK', () => {
    expect(hex(encodeSamRequest(0x20, 0x01))).toBe('aaaaaa966900032001' + '22');
    expect(hex(encodeSamRequest(0x20, 0x02))).toBe('aaaaaa966900032002' + '21');
    expect(hex(encodeSamRequest(0x30, 0x01))).toBe('aaaaaa966900033001' + '32');
    expect(hex(encodeSamRequest(0x11, 0xff))).toBe('aaaaaa96690003' + '11ff' + 'ed');
  });

  it('encodes a found-card response', () => {
    expect(hex(encodeSamResponse(0x9f, Uint8Array.of(0, 0, 0, 0)))).toBe('aaaaaa966900080000' + '9f00000000' + '97');
  });

  it('makes the 30 01 read response 1295 bytes', () => {
    expect(readResponse.length).toBe(1295);
  });
});

describe('SamFrameParser', () => {
  it('parses the read response split at every byte boundary', () => {
    for (let split = 1; split < readResponse.length; split++) {
      const parser = new SamFrameParser();
      const events = [...parser.push(readResponse.subarray(0, split)), ...parser.push(readResponse.subarray(split))];
      expect(errors(events)).toEqual([]);
      expect(events).toHaveLength(1);
      const response = decodeSamResponse((events[0] as { payload: Uint8Array }).payload);
      expect(response.sw3).toBe(0x90);
      expect(decodeReadData(response.data).text.length).toBe(256);
    }
  });

  it('parses a frame fed one byte at a time', () => {
    const parser = new SamFrameParser();
    const events = [...readResponse].flatMap((byte) => parser.push(Uint8Array.of(byte)));
    expect(events).toHaveLength(1);
    expect(parser.pendingBytes).toBe(0);
  });

  it('parses two frames in one chunk', () => {
    const chunk = Buffer.concat([encodeSamResponse(0x9f, Uint8Array.of(0, 0, 0, 0)), encodeSamResponse(0x90, Uint8Array.of(0, 0, 0, 0, 0, 0, 0, 0))]);
    expect(frames(new SamFrameParser().push(chunk))).toEqual(['00009f00000000', '0000900000000000000000']);
  });

  it('skips leading garbage, reporting it once, and resyncs on the preamble', () => {
    const chunk = Buffer.concat([Buffer.from('0102aaaa03ff', 'hex'), encodeSamResponse(0x90)]);
    const events = new SamFrameParser().push(chunk);
    expect(errors(events)).toEqual(['garbage']);
    expect(frames(events)).toEqual(['000090']);
  });

  it('keeps a partial preamble at a chunk end', () => {
    const parser = new SamFrameParser();
    const frame = encodeSamResponse(0x90);
    expect(parser.push(Buffer.concat([Buffer.from('ff', 'hex'), frame.subarray(0, 3)]))).toEqual([
      { type: 'error', error: expect.any(SamFrameError) },
    ]);
    expect(frames(parser.push(frame.subarray(3)))).toEqual(['000090']);
  });

  it('rejects a bad XOR and still takes the next frame', () => {
    const bad = encodeSamResponse(0x90);
    bad[bad.length - 1] = (bad[bad.length - 1] as number) ^ 0xff;
    const events = new SamFrameParser().push(Buffer.concat([bad, encodeSamResponse(0x9f)]));
    expect(errors(events)).toEqual(['checksum']);
    expect(frames(events)).toEqual(['00009f']);
  });

  it('rejects a wrong length and resyncs', () => {
    const tooShort = Buffer.from('aaaaaa966900010000', 'hex');
    const tooLong = Buffer.from('aaaaaa9669ffff0000', 'hex');
    const events = new SamFrameParser().push(Buffer.concat([tooShort, tooLong, encodeSamResponse(0x90)]));
    expect(errors(events)).toEqual(['length', 'length']);
    expect(frames(events)).toEqual(['000090']);
  });

  it('finds a frame whose preamble hides inside a frame with a corrupt LEN', () => {
    const good = encodeSamResponse(0x90);
    const corrupt = Buffer.from('aaaaaa9669000a000090', 'hex');
    const events = new SamFrameParser().push(Buffer.concat([corrupt, good]));
    expect(frames(events)).toEqual(['000090']);
  });
});

describe('SW3 status codes', () => {
  it('maps every documented SW3 error to a typed error with a Chinese reason', () => {
    const codes = Object.keys(SAM_SW3_ERRORS).map(Number);
    expect(codes).toEqual([0x10, 0x11, 0x21, 0x23, 0x24, 0x31, 0x32, 0x33, 0x40, 0x41, 0x47, 0x60, 0x66, 0x80, 0x81, 0x91]);
    for (const sw3 of codes) {
      const error = (() => {
        try {
          expectSw3(sw3);
        } catch (caught) {
          return caught;
        }
        return null;
      })();
      expect(error).toBeInstanceOf(SamStatusError);
      expect((error as SamStatusError).code).toBe(SAM_SW3_ERRORS[sw3 as keyof typeof SAM_SW3_ERRORS].code);
      expect((error as SamStatusError).reason).toMatch(/[\u4e00-\u9fa5]/);
    }
  });

  it('accepts 9F for find and 90 for the rest', () => {
    expect(() => expectSw3(0x9f, 0x9f)).not.toThrow();
    expect(() => expectSw3(0x90)).not.toThrow();
    expect(() => expectSw3(0x9f)).toThrow(SamStatusError);
  });

  it('names an undocumented code as unknown', () => {
    expect(new SamStatusError(0x55).code).toBe('unknown_status');
    expect(new SamStatusError(0x55).reason).toBe('读卡器返回未知状态（55）');
  });
});
