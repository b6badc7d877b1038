// Content packs through the real hall-server: upload → report → preview → activate → rollback, history, refusal of
// every broken pack while the running pack keeps serving, and nothing written outside the staging slot.
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { brokenPacks, sampleFiles, sealed, toZip } from '../../content/corpus/broken.ts';
import type { PackData } from '../../content/schema/index.ts';
import { formatIssue, generateKeyPair, writePackZip } from '../../content/validate/index.ts';
import { PackEndpoints, type PackListResponse, type UploadResponse } from '../../protocol/hall/packs.ts';
import { endpointPath } from '../../protocol/hall/endpoint.ts';
import { startTestHall, type TestHall, type TestSocket } from '../support/hall.ts';

let hall: TestHall;
let admin: string;
let board: TestSocket;

async function upload(zip: Uint8Array): Promise<{ status: number; body: UploadResponse }> {
  const res = await fetch(hall.url + PackEndpoints.upload.path, {
    method: 'POST',
    headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/zip' },
    body: zip as Uint8Array<ArrayBuffer>,
  });
  return { status: res.status, body: (await res.json()) as UploadResponse };
}

/** The sample as version `v`, with the hall renamed so a change is visible. */
function sampleVersion(v: number): Uint8Array {
  const files = sampleFiles();
  const m = JSON.parse(new TextDecoder().decode(files.get('manifest.json')));
  m.hall.name = `示例县医疗保障服务大厅（示例数据 第${v}版）`;
  files.set('manifest.json', new TextEncoder().encode(JSON.stringify(m)));
  return toZip(sealed(files, { version: v }));
}

const activeVersion = async (): Promise<number> => (await hall.api('GET', '/api/health')).body.pack.version;

function allFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? allFiles(p) : [p];
  });
}

beforeAll(async () => {
  hall = await startTestHall();
  admin = await hall.admin();
  board = await hall.socket(await hall.pair('board'));
  await board.waitFor((m) => m.type === 'snapshot');
});
afterAll(async () => {
  await hall.close();
});

describe('packs through the hall-server', () => {
  it('starts with the signed sample pack active', async () => {
    expect(await activeVersion()).toBe(1);
    const list = (await hall.api<PackListResponse>('GET', PackEndpoints.list.path, undefined, admin)).body;
    expect(list.active).toMatchObject({ packId: 'ln-sample-county', version: 1, state: 'active', sample: true });
    const data = (await hall.api<PackData>('GET', PackEndpoints.active.path, undefined, await hall.pair('kiosk'))).body;
    expect(data.services).toHaveLength(17);
    const clip = await fetch(`${hall.url}/api/packs/files/ln-sample-county/1/voice/qing.wav`);
    expect(clip.status).toBe(200);
    expect(clip.headers.get('content-type')).toBe('audio/wav');
    expect(Buffer.from(await clip.arrayBuffer()).subarray(0, 4).toString()).toBe('RIFF');
  });

  it('refuses every broken pack with its message while version 1 keeps serving', async () => {
    const seqBefore = board.messages.length;
    for (const broken of brokenPacks) {
      const { status, body } = await upload(broken.zip());
      expect(status, broken.id).toBe(422);
      expect(body.accepted).toBe(false);
      const messages = body.report.errors.filter((e) => e.rule === broken.rule).map(formatIssue);
      if (typeof broken.message === 'string') expect(messages, broken.id).toContain(broken.message);
      else expect(messages.some((m) => (broken.message as RegExp).test(m)), broken.id).toBe(true);
      expect(await activeVersion()).toBe(1);
    }
    expect(board.messages.slice(seqBefore).filter((m) => m.type === 'event' && m.event.type === 'pack.activated')).toEqual([]);
    const list = (await hall.api<PackListResponse>('GET', PackEndpoints.list.path, undefined, admin)).body;
    expect(list.slots).toHaveLength(1);
    expect(list.history.filter((h) => h.action === 'refused')).toHaveLength(brokenPacks.length);
    expect(readdirSync(join(hall.dataDir, 'packs', 'staging'))).toEqual([]);
  }, 300_000);

  it('never writes a ../ entry outside the staging slot (checked on disk)', async () => {
    const broken = brokenPacks.find((b) => b.id === 'dot-dot-entry')!;
    const { status } = await upload(broken.zip());
    expect(status).toBe(422);
    // '../../evil.txt' from the staging slot <data>/packs/staging/<slot> would land in <data>/packs; from <data>, beside it.
    expect(allFiles(hall.dataDir).filter((p) => p.endsWith('evil.txt'))).toEqual([]);
    expect(existsSync(join(hall.dataDir, '..', 'evil.txt'))).toBe(false);
    expect(readdirSync(join(hall.dataDir, 'packs', 'staging'))).toEqual([]);
    expect(existsSync(join(hall.dataDir, 'packs', 'evil.txt'))).toBe(false);
  });

  it('stages a new version without touching the running one, previews it, then activates it for every terminal', async () => {
    const { status, body } = await upload(sampleVersion(2));
    expect(status).toBe(201);
    expect(body.slot).toMatchObject({ version: 2, state: 'verified', uploadedBy: expect.any(String) });
    expect(await activeVersion()).toBe(1);
    const slot = body.slot!.slot;
    const preview = (await hall.api<PackData>('GET', endpointPath(PackEndpoints.preview.path, { slot: slot }), undefined, admin)).body;
    expect(preview.manifest.hall.name).toBe('示例县医疗保障服务大厅（示例数据 第2版）');
    expect((await fetch(`${hall.url}/api/packs/files/ln-sample-county/2/staff/20101.png`)).status).toBe(200);
    expect((await hall.api('GET', endpointPath(PackEndpoints.report.path, { slot: slot }), undefined, admin)).body.ok).toBe(true);

    const activated = await hall.api('POST', endpointPath(PackEndpoints.activate.path, { slot: slot }), undefined, admin);
    expect(activated.status).toBe(200);
    const event = await board.waitFor((m) => m.type === 'event' && m.event.type === 'pack.activated' && m.event.data.version === 2);
    expect(event.event.data).toEqual({ id: 'ln-sample-county', version: 2 });
    expect(await activeVersion()).toBe(2);
    expect(hall.hall!.app.pack().manifest.hall.name).toBe('示例县医疗保障服务大厅（示例数据 第2版）');
  });

  it('refuses a lower version than the active one and re-activating the active one', async () => {
    const { status, body } = await upload(sampleVersion(1));
    expect(status).toBe(422);
    expect(body.report.errors.map(formatIssue)).toContain('manifest.json 版本号: 版本 1 不高于正在使用的版本 2；新内容包的版本号必须更大（要回到旧版本请用“回退”）');
    const list = (await hall.api<PackListResponse>('GET', PackEndpoints.list.path, undefined, admin)).body;
    const again = await hall.api('POST', endpointPath(PackEndpoints.activate.path, { slot: list.active!.slot }), undefined, admin);
    expect(again.status).toBe(409);
    expect(again.body.error.message).toBe('版本 2 已经在使用中');
  });

  it('rolls back in one action and records who did what', async () => {
    const res = await hall.api('POST', PackEndpoints.rollback.path, undefined, admin);
    expect(res.status).toBe(200);
    expect(res.body.active).toMatchObject({ version: 1, state: 'active' });
    await board.waitFor((m) => m.type === 'event' && m.event.type === 'pack.activated' && m.event.data.version === 1 && m.event.seq > 0);
    expect(await activeVersion()).toBe(1);
    const none = await hall.api('POST', PackEndpoints.rollback.path, undefined, admin);
    expect(none.status).toBe(409);
    expect(none.body.error.message).toBe('没有可以回退的上一个版本');
    const list = (await hall.api<PackListResponse>('GET', PackEndpoints.list.path, undefined, admin)).body;
    expect(list.history.slice(0, 3).map((h) => [h.action, h.version])).toEqual([
      ['rolled_back', 1],
      ['refused', 1],
      ['activated', 2],
    ]);
    expect(list.history[0]!.actor).not.toBe('系统');
    expect(list.history[0]!.note).toBe('回退到 示例数据：辽宁省示例县医疗保障服务大厅 版本 1（原版本 2）');
  });

  it('keeps the last 5 packs on disk and in the list', async () => {
    for (let v = 3; v <= 8; v++) {
      const { body } = await upload(sampleVersion(v));
      expect(body.accepted).toBe(true);
      expect((await hall.api('POST', endpointPath(PackEndpoints.activate.path, { slot: body.slot!.slot }), undefined, admin)).status).toBe(200);
    }
    const list = (await hall.api<PackListResponse>('GET', PackEndpoints.list.path, undefined, admin)).body;
    expect(list.slots.map((s) => s.version).sort((a, b) => a - b)).toEqual([4, 5, 6, 7, 8]);
    expect(readdirSync(join(hall.dataDir, 'packs', 'slots'))).toHaveLength(5);
    expect(list.rollbackTarget?.version).toBe(7);
  });

  it('accepts the zip that `pack build` writes (fflate, deflate and stored entries)', async () => {
    const { status, body } = await upload(writePackZip(sealed(sampleFiles(), { version: 9 })));
    expect(status).toBe(201);
    expect(body.slot).toMatchObject({ version: 9, state: 'verified' });
  });

  it('lets another pack id replace the content line (with a warning), and rollback returns to the one before', async () => {
    const files = sampleFiles();
    const m = JSON.parse(new TextDecoder().decode(files.get('manifest.json')));
    m.packId = 'ln-own-hall';
    m.title = '本大厅正式内容';
    files.set('manifest.json', new TextEncoder().encode(JSON.stringify(m)));
    const { status, body } = await upload(toZip(sealed(files, { version: 1 })));
    expect(status).toBe(201);
    expect(body.report.warnings.map(formatIssue)).toContain('manifest.json 内容包标识: 是“ln-own-hall”，与正在使用的“ln-sample-county”不同：启用后将整体替换为这个内容包');
    expect((await hall.api('POST', endpointPath(PackEndpoints.activate.path, { slot: body.slot!.slot }), undefined, admin)).status).toBe(200);
    expect((await hall.api('GET', '/api/health')).body.pack).toEqual({ id: 'ln-own-hall', version: 1 });
    const back = await hall.api('POST', PackEndpoints.rollback.path, undefined, admin);
    expect(back.body.active).toMatchObject({ packId: 'ln-sample-county', version: 8 });
  });

  it('trusts a key once it is listed in <data>/packs/trusted-keys.txt, without a restart', async () => {
    const key = generateKeyPair();
    const zip = toZip(sealed(sampleFiles(), { version: 11, key: key.privateKeyPem }));
    expect((await upload(zip)).body.report.errors.map((e) => e.rule)).toEqual(['signature.untrusted']);
    writeFileSync(join(hall.dataDir, 'packs', 'trusted-keys.txt'), `# 本大厅内容包签名公钥\n${key.publicKey}\n`);
    const { status, body } = await upload(zip);
    expect(status).toBe(201);
    expect(body.report.summary?.signedBy).toBe(key.keyId);
  });

  it('refuses uploads from terminals and unauthenticated callers', async () => {
    const kiosk = await hall.pair('kiosk');
    const res = await fetch(hall.url + PackEndpoints.upload.path, { method: 'POST', headers: { authorization: `Bearer ${kiosk}` }, body: sampleVersion(10) as Uint8Array<ArrayBuffer> });
    expect(res.status).toBe(403);
    expect((await fetch(hall.url + PackEndpoints.upload.path, { method: 'POST', body: sampleVersion(10) as Uint8Array<ArrayBuffer> })).status).toBe(401);
  });
});

describe('restart', () => {
  it('comes back with the pack that was active, not the older --pack', async () => {
    const dataDir = hall.dataDir;
    await hall.close(false);
    hall = await startTestHall({ dataDir });
    admin = await hall.admin();
    board = await hall.socket(await hall.pair('board'));
    expect(await activeVersion()).toBe(8);
    const list = (await hall.api<PackListResponse>('GET', PackEndpoints.list.path, undefined, await hall.admin())).body;
    expect(list.history[0]!.action).toBe('uploaded');
    expect(list.history[0]!.version).toBe(11);
  });
});
