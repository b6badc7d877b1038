// Property-based fuzzing: whatever bytes arrive, the parsers answer with frames or their own typed errors, never a crash.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeFullStatus, decodeStatusByte, StatusDecodeError } from './escpos-status.ts';
import { decodeSamResponse, encodeSamResponse, SamFrameError, SamFrameParser } from './sam-frame.ts';
import { SamStatusError, expectSw3 } from './sam-status.ts';
import { decodeReadData } from './sam-read.ts';
import { decodeIdText, IdTextError } from './id-text.ts';

const RUNS = 100_000;

function onlyTyped(run: () => void): void {
  try {
    run();
  } catch (error) {
    if (!(error instanceof SamFrameError || error instanceof SamStatusError || error instanceof IdTextError)) throw error;
  }
}

const frameArb = fc
  .tuple(fc.integer({ min: 0, max: 255 }), fc.uint8Array({ maxLength: 40 }))
  .map(([sw3, data]) => encodeSamResponse(sw3, data));

// Streams of valid frames, mutated frames and noise, cut into random chunks.
const streamArb = fc
  .array(
    fc.oneof(
      frameArb,
      frameArb.chain((frame) =>
        fc.tuple(fc.nat({ max: frame.length - 1 }), fc.integer({ min: 1, max: 255 })).map(([at, flip]) => {
          const copy = frame.slice();
          copy[at] = (copy[at] as number) ^ flip;
          return copy;
        }),
      ),
      fc.uint8Array({ maxLength: 24 }),
      fc.constant(Uint8Array.of(0xaa, 0xaa, 0xaa, 0x96, 0x69)),
    ),
    { maxLength: 6 },
  )
  .chain((parts) => {
    const bytes = Buffer.concat(parts);
    return fc.array(fc.nat({ max: bytes.length }), { maxLength: 5 }).map((cuts) => ({ bytes, cuts: [...cuts].sort((a, b) => a - b) }));
  });

describe('fuzzing', () => {
  it(`SAM stream parser: ${RUNS} random streams give only frames and typed errors`, () => {
    fc.assert(
      fc.property(streamArb, ({ bytes, cuts }) => {
        const parser = new SamFrameParser();
        let last = 0;
        for (const cut of [...cuts, bytes.length]) {
          for (const event of parser.push(bytes.subarray(last, cut))) {
            if (event.type === 'error') expect(event.error).toBeInstanceOf(SamFrameError);
            else
              onlyTyped(() => {
                const response = decodeSamResponse(event.payload);
                expectSw3(response.sw3);
                decodeIdText(decodeReadData(response.data).text);
              });
          }
          last = cut;
        }
        expect(parser.pendingBytes).toBeLessThanOrEqual(bytes.length);
      }),
      { numRuns: RUNS },
    );
  }, 180_000);

  it(`ESC/POS status decoder: ${RUNS} random replies give a status or StatusDecodeError`, () => {
    fc.assert(
      fc.property(fc.integer({ min: -2, max: 6 }), fc.integer({ min: -10, max: 300 }), fc.array(fc.integer({ min: 0, max: 255 }), { maxLength: 6 }), (query, byte, replies) => {
        for (const run of [() => decodeStatusByte(query, byte), () => decodeFullStatus(replies)]) {
          try {
            const status = run();
            expect(typeof status).toBe('object');
          } catch (error) {
            expect(error).toBeInstanceOf(StatusDecodeError);
          }
        }
      }),
      { numRuns: RUNS },
    );
  }, 180_000);
});
