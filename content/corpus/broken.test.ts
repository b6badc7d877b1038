import { describe, expect, it } from 'vitest';
import { DEMO_PUBLIC_KEY } from '../keys/demo.ts';
import { formatIssue, readPackZip, validatePackFiles } from '../validate/index.ts';
import { brokenPacks, CORPUS_ACTIVE_VERSION, CORPUS_NOW, sampleFiles, sealed, toZip } from './broken.ts';

const opts = { trustedKeys: [DEMO_PUBLIC_KEY], activeVersion: CORPUS_ACTIVE_VERSION, now: CORPUS_NOW };

describe('broken-pack corpus', () => {
  it('has at least 25 cases with distinct ids and messages', () => {
    expect(brokenPacks.length).toBeGreaterThanOrEqual(25);
    expect(new Set(brokenPacks.map((b) => b.id)).size).toBe(brokenPacks.length);
    expect(new Set(brokenPacks.map((b) => String(b.message))).size).toBe(brokenPacks.length);
  });

  it('the unmutated sample, sealed the same way, passes (so each failure below is the mutation)', () => {
    const r = validatePackFiles(readPackZip(toZip(sealed(sampleFiles()))), opts);
    expect(r.report.errors).toEqual([]);
    expect(r.report.ok).toBe(true);
  });

  it.each(brokenPacks.map((b) => [b.id, b] as const))('%s is refused with its own message', (_id, broken) => {
    const r = validatePackFiles(readPackZip(broken.zip()), opts);
    expect(r.report.ok).toBe(false);
    expect(r.data).toBeNull();
    const messages = r.report.errors.filter((e) => e.rule === broken.rule).map(formatIssue);
    if (typeof broken.message === 'string') expect(messages).toContain(broken.message);
    else expect(messages.some((m) => (broken.message as RegExp).test(m))).toBe(true);
  });
});
