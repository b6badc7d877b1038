// Frames of the second-generation ID card SAM module:
//   AA AA AA 96 69 | LEN_H LEN_L | payload | CHK
// LEN counts the payload and CHK; CHK is the XOR of LEN_H, LEN_L and the payload.
// Requests carry CMD PARA [data]; responses carry SW1 SW2 SW3 [data].

export const SAM_PREAMBLE = Uint8Array.of(0xaa, 0xaa, 0xaa, 0x96, 0x69);
/** Longest frame we accept: text + photo + fingerprint reads are about 2.3 KB. */
export const SAM_MAX_LEN = 4096;
/** A request carries at least CMD PARA + CHK. */
export const SAM_MIN_LEN = 3;

export type SamFrameErrorCode = 'checksum' | 'length' | 'garbage';

const FRAME_ERROR_TEXT: Record<SamFrameErrorCode, string> = {
  checksum: '读卡器数据校验错误',
  length: '读卡器数据长度错误',
  garbage: '读卡器发送了无法识别的数据',
};

/** A frame that could not be taken from the byte stream. `reason` is for people (Chinese). */
export class SamFrameError extends Error {
  readonly reason: string;
  constructor(
    readonly code: SamFrameErrorCode,
    detail: string,
  ) {
    super(`SAM frame ${code}: ${detail}`);
    this.name = 'SamFrameError';
    this.reason = FRAME_ERROR_TEXT[code];
  }
}

function xor(bytes: Uint8Array, start: number, end: number): number {
  let value = 0;
  for (let i = start; i < end; i++) value ^= bytes[i] as number;
  return value;
}

export function encodeSamFrame(payload: Uint8Array): Uint8Array {
  const len = payload.length + 1;
  if (len > SAM_MAX_LEN) throw new RangeError(`SAM payload of ${payload.length} bytes is too long`);
  const frame = new Uint8Array(5 + 2 + len);
  frame.set(SAM_PREAMBLE, 0);
  frame[5] = len >> 8;
  frame[6] = len & 0xff;
  frame.set(payload, 7);
  frame[frame.length - 1] = xor(frame, 5, frame.length - 1);
  return frame;
}

export function encodeSamRequest(cmd: number, para: number, data: Uint8Array = new Uint8Array()): Uint8Array {
  const payload = new Uint8Array(2 + data.length);
  payload[0] = cmd;
  payload[1] = para;
  payload.set(data, 2);
  return encodeSamFrame(payload);
}

export function encodeSamResponse(sw3: number, data: Uint8Array = new Uint8Array()): Uint8Array {
  const payload = new Uint8Array(3 + data.length);
  payload[2] = sw3;
  payload.set(data, 3);
  return encodeSamFrame(payload);
}

export interface SamRequest {
  cmd: number;
  para: number;
  data: Uint8Array;
}

export interface SamResponse {
  sw1: number;
  sw2: number;
  sw3: number;
  data: Uint8Array;
}

export function decodeSamRequest(payload: Uint8Array): SamRequest {
  if (payload.length < 2) throw new SamFrameError('length', `request payload of ${payload.length} bytes`);
  return { cmd: payload[0] as number, para: payload[1] as number, data: payload.subarray(2) };
}

export function decodeSamResponse(payload: Uint8Array): SamResponse {
  if (payload.length < 3) throw new SamFrameError('length', `response payload of ${payload.length} bytes`);
  return { sw1: payload[0] as number, sw2: payload[1] as number, sw3: payload[2] as number, data: payload.subarray(3) };
}

export type SamParseEvent = { type: 'frame'; payload: Uint8Array } | { type: 'error'; error: SamFrameError };

/**
 * Stream parser: feed it chunks as they arrive (split anywhere, several frames in one chunk, garbage between them).
 * It never throws; bad input becomes an error event and the parser resyncs on the next preamble.
 */
export class SamFrameParser {
  private buffer = new Uint8Array(0);

  push(chunk: Uint8Array): SamParseEvent[] {
    const merged = new Uint8Array(this.buffer.length + chunk.length);
    merged.set(this.buffer, 0);
    merged.set(chunk, this.buffer.length);
    const events: SamParseEvent[] = [];
    let offset = 0;
    let garbage = 0;
    // Bytes skipped while resyncing after a reported error are part of that error, not new garbage.
    let resyncing = false;
    const flushGarbage = () => {
      if (garbage > 0 && !resyncing) events.push({ type: 'error', error: new SamFrameError('garbage', `${garbage} bytes before a preamble`) });
      garbage = 0;
    };

    while (offset < merged.length) {
      const start = findPreamble(merged, offset);
      if (start < 0) {
        // Keep a possible partial preamble at the end; the rest is garbage.
        const keep = partialPreambleLength(merged);
        garbage += merged.length - keep - offset;
        offset = merged.length - keep;
        break;
      }
      garbage += start - offset;
      offset = start;
      if (merged.length < start + 7) break;
      const len = ((merged[start + 5] as number) << 8) | (merged[start + 6] as number);
      if (len < SAM_MIN_LEN || len > SAM_MAX_LEN) {
        flushGarbage();
        events.push({ type: 'error', error: new SamFrameError('length', `LEN ${len} outside ${SAM_MIN_LEN}..${SAM_MAX_LEN}`) });
        resyncing = true;
        offset = start + 1;
        continue;
      }
      const end = start + 7 + len;
      if (merged.length < end) break;
      flushGarbage();
      resyncing = false;
      const expected = xor(merged, start + 5, end - 1);
      const actual = merged[end - 1] as number;
      if (expected !== actual) {
        events.push({ type: 'error', error: new SamFrameError('checksum', `CHK 0x${actual.toString(16)} expected 0x${expected.toString(16)}`) });
        // LEN itself may be corrupt: a preamble inside the bad frame starts the next candidate.
        const inner = findPreamble(merged.subarray(0, end), start + 1);
        offset = inner >= 0 ? inner : end;
        continue;
      }
      events.push({ type: 'frame', payload: merged.slice(start + 7, end - 1) });
      offset = end;
    }
    flushGarbage();
    this.buffer = merged.slice(offset);
    return events;
  }

  /** Drops a half-received frame, e.g. after a timeout or when the port closes. */
  reset(): void {
    this.buffer = new Uint8Array(0);
  }

  get pendingBytes(): number {
    return this.buffer.length;
  }
}

function findPreamble(bytes: Uint8Array, from: number): number {
  outer: for (let i = from; i <= bytes.length - SAM_PREAMBLE.length; i++) {
    for (let j = 0; j < SAM_PREAMBLE.length; j++) if (bytes[i + j] !== SAM_PREAMBLE[j]) continue outer;
    return i;
  }
  return -1;
}

/** Length of the longest preamble prefix the buffer ends with. */
function partialPreambleLength(bytes: Uint8Array): number {
  for (let keep = Math.min(SAM_PREAMBLE.length - 1, bytes.length); keep > 0; keep--) {
    let matches = true;
    for (let j = 0; j < keep; j++) {
      if (bytes[bytes.length - keep + j] !== SAM_PREAMBLE[j]) {
        matches = false;
        break;
      }
    }
    if (matches) return keep;
  }
  return 0;
}
