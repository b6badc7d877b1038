// Pack uploads against the real hall (issue 12 §1 "Pack upload", §3 "version walk-around" and "New-Year time bomb"):
// a zip that inflates to 240 MB is refused from a worker thread while the hall keeps answering and its memory stays
// flat; an older version cannot come back through another pack id; a restart after New Year keeps the pack.
import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { sampleFiles, sealed, toZip } from '../../content/corpus/broken.ts';
import { formatIssue } from '../../content/validate/index.ts';
import { PackEndpoints, type PackListResponse, type UploadResponse } from '../../protocol/hall/packs.ts';
import { endpointPath } from '../../protocol/hall/endpoint.ts';
import { spawnTestHall, startTestHall, type TestHall } from '../support/hall.ts';

const MiB = 1024 * 1024;

async function upload(hall: TestHall, admin: string, zip: Uint8Array): Promise<{ status: number; body: UploadResponse }> {
  const res = await fetch(hall.url + PackEndpoints.upload.path, {
    method: 'POST',
    headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/zip' },
    body: zip as Uint8Array<ArrayBuffer>,
  });
  return { status: res.status, body: (await res.json()) as UploadResponse };
}

/** Mostly zeros with a random byte every 280: deflates about 90:1, under the 100:1 zip-bomb ratio. */
function sparse(bytes: number): Uint8Array {
  const b = new Uint8Array(bytes);
  const r = randomBytes(Math.floor(bytes / 280));
  for (let i = 0; i < r.length; i++) b[i * 280] = r[i]!;
  return b;
}

/** The sample, signed by the trusted demo key, listing 8 media files of 30 MB whose bytes in the zip are not the
 * ones signed: every entry must be inflated and hashed to find out. About 3 MB of zip entries, 240 MB inflated. */
function inflatingBomb(): Uint8Array {
  const files = sampleFiles();
  const names = Array.from({ length: 8 }, (_, i) => `media/fill-${i}.mp4`);
  for (const n of names) files.set(n, new Uint8Array(30 * MiB));
  const signed = sealed(files);
  for (const n of names) signed.set(n, sparse(30 * MiB));
  return toZip(signed);
}

/** Resident memory of a process now and at its peak, from outside (/proc). */
function memoryOf(pid: number): { rssMb: number; peakMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)![1]);
  return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
}

describe('DB21/T 4402 content packs, uploads that would hurt the hall', () => {
  const halls: TestHall[] = [];
  afterAll(async () => {
    for (const h of halls) await h.close(true);
  });

  it('3 MB of zip entries inflating to 240 MB are refused in a worker thread: the hall answers meanwhile and its memory stays flat', async () => {
    // Built before the hall is asked anything: on a busy machine building 240 MB takes longer than the hall keeps an idle
    // keep-alive connection (65 s), and the upload would then go out on a connection the hall had already closed.
    const sampleZip = toZip(sealed(sampleFiles()));
    const zip = inflatingBomb();
    const hall = await spawnTestHall();
    halls.push(hall);
    const admin = await hall.admin();
    // The bomb adds about 3 MB of zip to the sample's own.
    expect(zip.length - sampleZip.length).toBeLessThan(3.5 * MiB);
    // Warm up: the first upload starts the worker machinery once.
    await upload(hall, admin, toZip(sealed(sampleFiles(), { key: null })));
    const before = memoryOf(hall.child.pid!);

    let done = false;
    let answeredMeanwhile = 0;
    let longestGapMs = 0;
    const probe = (async () => {
      let last = performance.now();
      while (!done) {
        const res = await fetch(`${hall.url}/api/health`);
        await res.arrayBuffer();
        const now = performance.now();
        longestGapMs = Math.max(longestGapMs, now - last);
        last = now;
        if (!done) answeredMeanwhile++;
      }
    })();
    const { status, body } = await upload(hall, admin, zip);
    done = true;
    await probe;
    const after = memoryOf(hall.child.pid!);
    console.log(`pack bomb: ${answeredMeanwhile} health answers meanwhile, longest gap ${longestGapMs.toFixed(0)} ms, rss ${before.rssMb.toFixed(0)} -> peak ${after.peakMb.toFixed(0)} MB`);

    expect(status).toBe(422);
    expect(body.report.errors.map(formatIssue)).toEqual(Array.from({ length: 8 }, (_, i) => `media/fill-${i}.mp4: 文件校验值与清单不符，文件在签名后被改动过`));
    expect(answeredMeanwhile).toBeGreaterThanOrEqual(3);
    // Holding the inflated files would add at least 240 MB (the issue measured +369 MB); the worker inflates every entry
    // into one 30 MB buffer and keeps none of them, plus what its garbage collector has not returned yet of the inflater's
    // steps (measured +126 – 146 MB beside a full test run).
    expect(after.peakMb - before.rssMb).toBeLessThan(200);
    expect((await hall.api('GET', '/api/health')).body.pack.version).toBe(1);
  }, 180_000);

  it('pack files are served with nosniff, so a browser never reads them as another type', async () => {
    const hall = halls[0]!;
    const res = await fetch(`${hall.url}/api/packs/files/ln-sample-county/1/staff/20101.png`);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });
});

describe('an older version comes back only through the audited rollback', () => {
  it('A v3 → B v1 → A v2 is refused at upload; the rollback to A v3 is recorded in the audit log', async () => {
    const hall = await startTestHall();
    const admin = await hall.admin();
    const pack = (packId: string, version: number) => toZip(sealed(sampleFiles(), { version, manifest: { packId } }));
    const activate = async (zip: Uint8Array) => {
      const up = await upload(hall, admin, zip);
      expect(up.body.report.errors.map(formatIssue)).toEqual([]);
      return hall.api('POST', endpointPath(PackEndpoints.activate.path, { slot: up.body.slot!.slot }), undefined, admin);
    };
    expect((await activate(pack('ln-sample-county', 3))).status).toBe(200);
    expect((await activate(pack('ln-other-hall', 1))).status).toBe(200);

    const back = await upload(hall, admin, pack('ln-sample-county', 2));
    expect(back.status).toBe(422);
    expect(back.body.report.errors.map(formatIssue)).toContain(
      'manifest.json 版本号: 版本 2 不高于本大厅曾经启用过的“ln-sample-county”版本 3；旧版本不能重新上传启用，要回到旧版本请在管理台用“回退”（会记入审计日志）',
    );
    const list = (await hall.api<PackListResponse>('GET', PackEndpoints.list.path, undefined, admin)).body;
    expect(list.rollbackTarget).toMatchObject({ packId: 'ln-sample-county', version: 3 });
    expect((await hall.api('POST', PackEndpoints.rollback.path, undefined, admin)).status).toBe(200);
    expect((await hall.api('GET', '/api/health')).body.pack).toEqual({ id: 'ln-sample-county', version: 3 });
    const audit = hall.hall!.app.db.prepare(`SELECT action FROM audit WHERE action LIKE 'pack.%' ORDER BY rowid`).all() as Array<{ action: string }>;
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['pack.activate', 'pack.refused', 'pack.rollback']));
    await hall.close(true);
  }, 120_000);
});

describe('the New-Year time bomb', () => {
  it('a hall restarted on 2028-01-03 with a pack whose calendar ends in 2027 keeps serving it and says so', async () => {
    const first = await startTestHall({ now: () => new Date('2027-12-01T02:00:00Z') });
    const dataDir = first.dataDir;
    expect((await first.api('GET', '/api/health')).body.calendar.state).toBe('next-year-missing');
    await first.close();
    const hall = await startTestHall({ dataDir, now: () => new Date('2028-01-03T02:00:00Z') });
    const health = await hall.api('GET', '/api/health');
    expect(health.status).toBe(200);
    expect(health.body.pack).toEqual({ id: 'ln-sample-county', version: 1 });
    expect(health.body.calendar).toEqual({
      state: 'this-year-missing',
      years: [2026, 2027],
      message: '内容包没有2028年的节假日安排：现在按周六、周日休息计算工作日，法定节假日和调休不会生效。请尽快上传含2028年安排的内容包',
    });
    const kiosk = await hall.pair('kiosk');
    expect((await hall.api('GET', PackEndpoints.active.path, undefined, kiosk)).status).toBe(200);
    await hall.close(true);
  }, 120_000);
});
