import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DEMO_PUBLIC_KEY } from '../keys/demo.ts';
import { formatIssue, generateKeyPair, readPackZip, validatePackFiles, validatePackZip } from '../validate/index.ts';
import { brokenPacks, CORPUS_ACTIVE_VERSION, CORPUS_NOW, sampleFiles, sealed, toZip, warningPacks } from './broken.ts';
import { finderZip } from './broken-zip.ts';

/** Each case builds and deflates a whole pack: generous, for a busy machine. */
const CASE_TIMEOUT_MS = 60_000;
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
  }, CASE_TIMEOUT_MS);

  it.each(brokenPacks.map((b) => [b.id, b] as const))('%s is refused with its own message', (_id, broken) => {
    // The way the hall and the CLI read a zip: manifest first.
    const r = validatePackZip(broken.zip(), opts);
    expect(r.report.ok).toBe(false);
    expect(r.data).toBeNull();
    const messages = r.report.errors.filter((e) => e.rule === broken.rule).map(formatIssue);
    if (typeof broken.message === 'string') expect(messages).toContain(broken.message);
    else expect(messages.some((m) => (broken.message as RegExp).test(m))).toBe(true);
  }, CASE_TIMEOUT_MS);

  it.each(warningPacks.map((b) => [b.id, b] as const))('%s is accepted with its warning', (_id, pack) => {
    const r = validatePackZip(pack.zip(), opts);
    expect(r.report.errors.map(formatIssue)).toEqual([]);
    expect(r.report.warnings.filter((w) => w.rule === pack.rule).map(formatIssue)).toContain(pack.message);
  }, CASE_TIMEOUT_MS);

  it('a Finder zip (pack in its folder, __MACOSX and .DS_Store beside it) is accepted, the junk named once and ignored', () => {
    const r = validatePackZip(finderZip(), opts);
    expect(r.report.errors.map(formatIssue)).toEqual([]);
    // One resource fork per file of the sealed sample, and the .DS_Store.
    const junk = sealed(sampleFiles()).size + 1;
    expect(r.report.warnings.filter((w) => w.rule === 'zip.macosx').map(formatIssue)).toEqual([
      `压缩包中有 macOS 访达自动加入的 __MACOSX / .DS_Store 文件（${junk} 个），已忽略；用 pack build 打包可以避免`,
    ]);
    expect([...r.files.keys()].some((k) => k.includes('MACOSX') || k.includes('DS_Store'))).toBe(false);
  }, CASE_TIMEOUT_MS);
});

describe('manifest first', { timeout: CASE_TIMEOUT_MS }, () => {
  it('a zip signed by an unknown key is refused for its signature alone: nothing else is inflated or reported', () => {
    const zip = toZip(sealed(sampleFiles(), { key: generateKeyPair().privateKeyPem }));
    const r = validatePackZip(zip, opts);
    expect(r.report.errors.map((e) => e.rule)).toEqual(['signature.untrusted']);
    expect([...r.files.keys()].sort()).toEqual(['manifest.json', 'manifest.sig']);
  });

  it('an entry the signed manifest does not list is never inflated, one that lies about its size is not either', () => {
    const files = sealed(sampleFiles());
    files.set('media/extra.png', randomBytes(3 * 1024 * 1024));
    const chime = files.get('voice/chime.wav')!;
    files.set('voice/chime.wav', chime.subarray(0, 100));
    const r = validatePackZip(toZip(files), opts);
    expect(r.report.errors.filter((e) => e.rule.startsWith('manifest.')).map(formatIssue).sort()).toEqual([
      'media/extra.png: 不在文件清单中（未知文件），不允许',
      `voice/chime.wav: 文件大小（100 字节）与清单记录（${chime.length} 字节）不符，文件可能被改动过`,
    ]);
    expect(r.files.has('media/extra.png')).toBe(false);
    expect(r.files.has('voice/chime.wav')).toBe(false);
  });
});
