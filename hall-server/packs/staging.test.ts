import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { insideSlot, writeSlot } from './staging.ts';

const base = mkdtempSync(join(tmpdir(), 'pack-staging-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));
const bytes = (s: string) => new TextEncoder().encode(s);

describe('writing a staging slot', () => {
  it('maps safe names inside the slot and refuses everything else', () => {
    const slot = join(base, 'slot-a');
    expect(insideSlot(slot, 'voice/qing.wav')).toBe(join(slot, 'voice/qing.wav'));
    for (const name of ['../evil.txt', 'voice/../../evil.txt', '/etc/passwd', 'voice\\..\\evil.txt', '']) expect(insideSlot(slot, name)).toBeNull();
  });

  it('writes nothing at all when one name would escape', () => {
    const slot = join(base, 'slot-b');
    const files = new Map([['services.json', bytes('[]')], ['../evil.txt', bytes('owned')]]);
    expect(() => writeSlot(slot, files)).toThrow('unsafe pack path refused: "../evil.txt"');
    expect(existsSync(slot)).toBe(false);
    expect(existsSync(join(base, 'evil.txt'))).toBe(false);
    expect(readdirSync(base)).toEqual([]);
  });

  it('writes a good pack file by file', () => {
    const slot = join(base, 'slot-c');
    writeSlot(slot, new Map([['services.json', bytes('[]')], ['voice/qing.wav', bytes('RIFF')]]));
    expect(readFileSync(join(slot, 'voice/qing.wav'), 'utf8')).toBe('RIFF');
  });
});
