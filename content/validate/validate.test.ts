import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_PUBLIC_KEY } from '../keys/demo.ts';
import { SAMPLE_DIR, sampleFiles, sealed } from '../corpus/broken.ts';
import { rawZip } from '../corpus/raw-zip.ts';
import { promptClip, servicesFileSchema, VOICE_PROMPTS, type PackData } from '../schema/index.ts';
import {
  diffPacks,
  formatIssue,
  generateKeyPair,
  pathProblem,
  readPackFolder,
  readPackZip,
  signManifest,
  validatePackFiles,
  validatePackSource,
  verifyManifest,
  writePackZip,
} from './index.ts';
import { zodIssues } from './zod-messages.ts';

const now = new Date('2026-11-23T02:00:00Z');
const tmp = mkdtempSync(join(tmpdir(), 'pack-validate-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Deflating and inflating the whole sample (about 9 MB of voice clips) takes seconds on a busy machine. */
const ZIP_TIMEOUT_MS = 60_000;

describe('the sample pack', () => {
  it('is valid, signed by the demo key, with 17 items, 6 windows and 8 staff', () => {
    const r = validatePackSource(SAMPLE_DIR, { trustedKeys: [DEMO_PUBLIC_KEY], now });
    expect(r.report.errors).toEqual([]);
    expect(r.report.summary).toMatchObject({ packId: 'ln-sample-county', sample: true, services: 17, windows: 6, staff: 8 });
    expect(r.report.warnings.map(formatIssue)).toEqual(['calendar.json 2027年: 节假日安排为暂定，国务院办公厅公布后请更新']);
    const data = r.data!;
    expect(data.windows.filter((w) => w.tidal).map((w) => w.number)).toEqual([6]);
    expect(data.windows.filter((w) => w.generalCounter).map((w) => w.number)).toEqual([1]);
    expect(data.manifest.hall).toMatchObject({ regionCode: '211223', creditCode: '12211223000000000B', callRepeat: 2 });
    expect(data.calendar.years.find((y) => y.year === 2026)!.workdays).toEqual(['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']);
  });

  it('is refused by a hall that does not trust the demo key', () => {
    const r = validatePackSource(SAMPLE_DIR, { trustedKeys: [generateKeyPair().publicKey], now });
    expect(r.report.errors.map((e) => e.rule)).toEqual(['signature.untrusted']);
  });

  it('survives a zip round trip byte for byte', { timeout: ZIP_TIMEOUT_MS }, () => {
    const files = sampleFiles();
    const back = readPackZip(writePackZip(files));
    expect(back.issues).toEqual([]);
    expect([...back.files.keys()].sort()).toEqual([...files.keys()].sort());
    for (const [k, v] of files) expect(Buffer.compare(back.files.get(k)!, v)).toBe(0);
  });
});

describe('hall codes', () => {
  it('a pack without region and credit codes is valid but the manager is reminded of both', () => {
    const files = sampleFiles();
    const m = JSON.parse(new TextDecoder().decode(files.get('manifest.json')));
    delete m.hall.regionCode;
    delete m.hall.creditCode;
    delete m.hall.callRepeat;
    files.set('manifest.json', new TextEncoder().encode(JSON.stringify(m)));
    const r = validatePackFiles({ files: sealed(files), issues: [] }, { trustedKeys: [DEMO_PUBLIC_KEY], now });
    expect(r.report.errors).toEqual([]);
    expect(r.data!.manifest.hall.callRepeat).toBe(2);
    expect(r.report.warnings.filter((w) => w.rule.startsWith('hall.')).map(formatIssue)).toEqual([
      'manifest.json 大厅信息: 没有填写行政区划代码（regionCode），无法生成规范的办件编号',
      'manifest.json 大厅信息: 没有填写经办机构的统一社会信用代码（creditCode），上报评价时无法生成事项实施编码',
    ]);
  });
});

describe('长辈模式 voice prompts', () => {
  const promptPaths = VOICE_PROMPTS.map(promptClip).sort();

  it('the sample lists a prompt for every kiosk step and state and every pad step in its signed manifest', () => {
    expect(promptPaths).toHaveLength(26);
    const r = validatePackSource(SAMPLE_DIR, { trustedKeys: [DEMO_PUBLIC_KEY], now });
    expect(r.data!.manifest.files.map((f) => f.path).filter((p) => p.startsWith('voice/prompt-'))).toEqual(promptPaths);
  });

  it('are optional: a pack without them is valid (the kiosk falls back to the browser speech)', () => {
    const files = sampleFiles();
    for (const p of promptPaths) files.delete(p);
    const r = validatePackFiles({ files: sealed(files), issues: [] }, { trustedKeys: [DEMO_PUBLIC_KEY], now });
    expect(r.report.errors).toEqual([]);
  });

  it('a misspelt clip name is a warning naming the file', () => {
    const files = sampleFiles();
    files.set('voice/prompt-hom.wav', files.get('voice/prompt-home.wav')!);
    const r = validatePackFiles({ files: sealed(files), issues: [] }, { trustedKeys: [DEMO_PUBLIC_KEY], now });
    expect(r.report.errors).toEqual([]);
    expect(r.report.warnings.filter((w) => w.rule === 'voice.unused-clip').map(formatIssue)).toEqual([
      'voice/prompt-hom.wav: 系统不会播放这个语音文件（不是叫号片段，也不是系统认识的 prompt-*.wav 语音提示），请核对文件名',
    ]);
  });
});

describe('zips made by the operating system', { timeout: ZIP_TIMEOUT_MS }, () => {
  const wrapped = (folder: string) =>
    rawZip([{ name: folder, data: new Uint8Array(), unixMode: 0o040755 }, ...[...sealed(sampleFiles())].map(([name, data]) => ({ name: folder + name, data, deflate: true }))]);

  it('accepts a pack whose files sit under one folder', () => {
    const r = validatePackFiles(readPackZip(wrapped('我的大厅-2/')), { trustedKeys: [DEMO_PUBLIC_KEY], now });
    expect(r.report.errors).toEqual([]);
    expect(r.files.has('manifest.json')).toBe(true);
  });

  it('never treats ../ as that folder', () => {
    const r = readPackZip(wrapped('../'));
    expect(r.files.size).toBe(0);
    expect(r.issues[0]).toEqual({ rule: 'safety.path', file: '../', place: '', problem: '路径中含有“..”，可能写到内容包以外，不允许' });
  });
});

describe('messages in manager words', () => {
  it('names file, item and field for schema problems', () => {
    const data = [{ name: '异地就医备案', code: 'x', guide: { materials: [{}, { form: 'copy' }] } }];
    const r = servicesFileSchema.safeParse(data);
    const messages = zodIssues('services.json', data, r.error!).map(formatIssue);
    expect(messages).toContain('services.json 第1项「异地就医备案」: 申办材料第2条缺少名称');
    expect(messages).toContain('services.json 第1项「异地就医备案」: 缺少主项');
  });
});

describe('Ed25519 signatures', () => {
  it('verifies the signer and rejects a changed byte', () => {
    const k = generateKeyPair();
    const manifest = new TextEncoder().encode('{"a":1}');
    const sig = new TextEncoder().encode(JSON.stringify(signManifest(manifest, k.privateKeyPem)));
    expect(verifyManifest(manifest, sig, [k.publicKey])).toEqual({ ok: true, keyId: k.keyId });
    expect(verifyManifest(new TextEncoder().encode('{"a":2}'), sig, [k.publicKey])).toEqual({ ok: false, reason: 'bad-signature', keyId: k.keyId });
    expect(verifyManifest(manifest, sig, [DEMO_PUBLIC_KEY])).toEqual({ ok: false, reason: 'untrusted', keyId: k.keyId });
    expect(verifyManifest(manifest, new TextEncoder().encode('garbage'), [k.publicKey])).toEqual({ ok: false, reason: 'malformed', keyId: null });
  });
});

describe('path safety', () => {
  it.each([
    ['../x.png', '路径中含有“..”，可能写到内容包以外，不允许'],
    ['media/../../x.png', '路径中含有“..”，可能写到内容包以外，不允许'],
    ['/etc/passwd', '使用了绝对路径，不允许'],
    ['C:/x.png', '使用了绝对路径，不允许'],
    ['media\\x.png', '路径中含有反斜杠“\\”，不允许'],
    ['media/sub/x.png', 'media/ 下不允许再建子目录'],
    ['media/照片.png', '文件名只能使用字母、数字和 . _ - /'],
  ])('%s is refused', (name, problem) => {
    expect(pathProblem(name)).toBe(problem);
  });
  it.each(['manifest.json', 'services.json', 'voice/digit-0.wav', 'staff/20101.png', 'media/hall.jpg'])('%s is allowed', (name) => {
    expect(pathProblem(name)).toBeNull();
  });

  it('refuses symlinks and unknown folders in a pack folder without following them', () => {
    const dir = join(tmp, 'folder');
    mkdirSync(join(dir, 'media'), { recursive: true });
    for (const [k, v] of sealed(sampleFiles())) {
      mkdirSync(join(dir, k, '..'), { recursive: true });
      writeFileSync(join(dir, k), v);
    }
    symlinkSync('/etc/passwd', join(dir, 'media/passwd.png'));
    mkdirSync(join(dir, 'docs'));
    const r = readPackFolder(dir);
    expect(r.issues.map(formatIssue)).toEqual(['docs/: 不是内容包认识的目录', 'media/passwd.png: 是符号链接，内容包不允许符号链接']);
    expect(r.files.has('media/passwd.png')).toBe(false);
  });
});

describe('diff in manager words', () => {
  it('lists added items, changed materials and window changes', () => {
    const base = validatePackFiles({ files: sealed(sampleFiles()), issues: [] }, { trustedKeys: [DEMO_PUBLIC_KEY], now }).data!;
    const next: PackData = structuredClone(base);
    next.manifest.version = 3;
    next.services.push({ ...structuredClone(base.services[0]!), code: '212036099001', name: '测试新事项', ticket: { ...base.services[0]!.ticket, prefix: 'T' } });
    next.services[0]!.guide.materials[1]!.count = 2;
    next.services[1]!.guide.timeLimit = { kind: 'working_days', days: 5 };
    next.windows[5]!.services = next.windows[5]!.services.filter((c) => c !== '212036001003');
    next.staff.pop();
    expect(diffPacks(base, next)).toEqual([
      '版本：2 → 3',
      '新增事项：测试新事项（212036099001，取号字头 T）',
      '事项「城乡居民参保登记」：申办材料 居住证（原件1份，可容缺） 改为 居住证（原件2份，可容缺）',
      '事项「职工参保登记」：办理时限由即办改为5个工作日',
      '6号窗口：不再办理 城乡居民参保登记',
      '移除工作人员：周雪（工号20108）',
    ]);
  });
});
