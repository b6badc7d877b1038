import { describe, expect, it } from 'vitest';
import { KeypadDecoder, KeypadModelSchema, reportsForAction, SIMULATED_CALLER_KEYPAD, SIMULATED_RATING_KEYPAD } from './keymap.ts';

describe('KeypadDecoder', () => {
  it('maps vendor report bytes to the five rating levels with a minimum interval', () => {
    const decoder = new KeypadDecoder(KeypadModelSchema.parse(SIMULATED_RATING_KEYPAD));
    expect(decoder.decode(Uint8Array.of(1, 1, 0, 0), 0)).toEqual({ device: 'rating', action: 'very_satisfied' });
    expect(decoder.decode(Uint8Array.of(1, 4), 500)).toBeNull();
    expect(decoder.decode(Uint8Array.of(1, 4), 1500)).toEqual({ device: 'rating', action: 'dissatisfied' });
    expect(decoder.decode(Uint8Array.of(1, 9), 9000)).toBeNull();
  });

  it('maps keyboard key codes, counting a held key once', () => {
    const model = KeypadModelSchema.parse({ ...SIMULATED_CALLER_KEYPAD, minIntervalMs: 0 });
    const decoder = new KeypadDecoder(model);
    const [press, release] = reportsForAction(model, 'no_show');
    expect(decoder.decode(press as Uint8Array, 0)).toEqual({ device: 'caller', action: 'no_show' });
    expect(decoder.decode(press as Uint8Array, 10)).toBeNull();
    expect(decoder.decode(release as Uint8Array, 20)).toBeNull();
    expect(decoder.decode(press as Uint8Array, 30)).toEqual({ device: 'caller', action: 'no_show' });
  });

  it('rejects a key map with an unknown action', () => {
    expect(KeypadModelSchema.safeParse({ ...SIMULATED_RATING_KEYPAD, keys: [{ report: '01', action: 'great' }] }).success).toBe(false);
  });
});
