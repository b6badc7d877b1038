import { describe, expect, it } from 'vitest';
import { ApiError } from '../core/module.ts';
import { EcardDecodes } from './decodes.ts';

const person = { name: '赵丽华', idNumber: '210102196703150027', birthDate: '1967-03-15' };
const tick = () => new Promise((r) => setTimeout(r, 0));

describe('ecard decodes in flight', () => {
  it('answers pending, then the identity once, only to the kiosk that asked', async () => {
    let now = 0;
    const decodes = new EcardDecodes(() => new Date(now));
    let finish!: (v: typeof person) => void;
    const id = decodes.start('kiosk-1', new Promise((r) => (finish = r)));
    expect(decodes.take('kiosk-1', id)).toEqual({ pending: true });
    expect(() => decodes.take('kiosk-2', id)).toThrow(ApiError);
    finish(person);
    await tick();
    expect(decodes.take('kiosk-1', id)).toEqual({ identity: person });
    expect(() => decodes.take('kiosk-1', id)).toThrow(/已过期/);
  });

  it('hands a platform refusal over as the same error, and forgets decodes after a minute', async () => {
    let now = 0;
    const decodes = new EcardDecodes(() => new Date(now));
    const refused = decodes.start('k', Promise.reject(new ApiError(422, 'ecard_rejected', '医保码无法识别')));
    await tick();
    expect(() => decodes.take('k', refused)).toThrow(/医保码无法识别/);
    const slow = decodes.start('k', new Promise(() => undefined));
    now = 61_000;
    expect(() => decodes.take('k', slow)).toThrow(/已过期/);
  });
});
