// Packs from the centre with nothing configured by hand: at enrolment the hall learns the region's pack-signing key and
// trusts it for its own site and level only. A region-built pack for the enrolled site activates (and is still trusted
// after a restart); one the region key signed for another level or another site is refused, in the manager's words.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadDemoRegionContent, seedDemoCatalogue } from '../../region-server/catalogue/demo.ts';
import { latestSitePack, publishSitePack, saveSiteFile, saveSiteProfile } from '../../region-server/catalogue/store.ts';
import { generateRegionKeyFile, loadRegionKeys, packSigningPublicKey, writeRegionKeyFile, type RegionKeys } from '../../region-server/keys.ts';
import { createEnrolmentCode, createSite } from '../../region-server/sites/enrol.ts';
import { startTestHall, type TestHall } from '../support/hall.ts';
import { freshDatabase, startTestRegion, type TestRegion } from '../support/region.ts';
import { waitForLink } from './link-helpers.ts';

const keyDir = mkdtempSync(join(tmpdir(), 'link-pack-trust-'));
const dataDir = mkdtempSync(join(tmpdir(), 'hall-test-'));
let keys: RegionKeys;
let pool: pg.Pool;
let region: TestRegion;
let hall: TestHall;

const demo = loadDemoRegionContent();

function profile(siteId: string, level: 'town' | 'village') {
  return {
    siteId,
    level,
    hall: {
      name: `${siteId}医保服务点（示例数据）`, region: '山东省济宁市邹城市', address: '邹城市（示例地址）',
      hours: ['周一至周五 8:30—11:30，13:30—17:00'], consultPhone: '0537-0000101', complaintPhone: '0537-0000102',
      duties: ['受理下放的医保经办事项'], commitments: ['一次性告知'], slogan: '中国医保 一生守护', tidalThreshold: 5, callRepeat: 2,
    },
    windows: [{ number: 1, name: '综合窗口', services: 'all' as const, tidal: false }],
    staff: [{ id: '20101', name: '王*', photo: 'staff/20101.png', partyMember: false, stars: 4 }],
  };
}

async function publish(siteId: string, level: 'town' | 'village'): Promise<number> {
  await saveSiteFile(pool, siteId, 'staff/20101.png', demo.photos.get('staff/20101.png')!);
  await saveSiteProfile(pool, profile(siteId, level));
  return (await publishSitePack(pool, siteId, keys.signingKeyPem, 'test')).version;
}

beforeAll(async () => {
  writeRegionKeyFile(join(keyDir, 'region-keys.json'), generateRegionKeyFile());
  keys = loadRegionKeys(join(keyDir, 'region-keys.json'));
  pool = (await freshDatabase()).pool;
  region = await startTestRegion({ keys, pool });
  await seedDemoCatalogue(pool, demo);
  await createSite(pool, { id: 'nancun', name: '南村医保服务点', level: 'village' }, 'test');
  await createSite(pool, { id: 'beicun', name: '北村医保服务点', level: 'village' }, 'test');
  hall = await startTestHall({ dataDir });
});
afterAll(async () => {
  await hall.close(true);
  await region.close();
  await pool.end();
  rmSync(keyDir, { recursive: true, force: true });
});

it('learns the region key at enrolment and activates its own site\'s pack; refuses another level\'s and another site\'s', async () => {
  const admin = await hall.admin();
  const code = await createEnrolmentCode(pool, 'nancun', 'test');
  expect((await hall.api('POST', '/api/admin/region/enrol', { url: region.url, code }, admin)).status).toBe(200);
  await waitForLink(hall, admin, (s) => s.siteId === 'nancun' && s.heldThrough === s.headSeq);

  // A region misconfigured with the wrong level for this site: its key signed it, the hall still refuses it.
  expect(await publish('nancun', 'town')).toBe(1);
  await hall.api('POST', '/api/admin/region/refresh', undefined, admin);
  const refused = await waitForLink(hall, admin, (s) => s.packVersion === 1);
  expect(refused.packRefusal).toBe('区域下发的内容包是为 nancun（镇街医保服务站）生成的，本大厅是 nancun（村居医保服务点），已拒收');
  expect((await hall.api('GET', '/api/health')).body.pack.id).toBe('ln-sample-county');

  expect(await publish('nancun', 'village')).toBe(2);
  await hall.api('POST', '/api/admin/region/refresh', undefined, admin);
  const taken = await waitForLink(hall, admin, (s) => s.packVersion === 2);
  expect(taken.packRefusal).toBeNull();
  expect((await hall.api('GET', '/api/health')).body.pack).toEqual({ id: 'region-nancun', version: 2 });

  // The neighbour's pack, signed by the same region key, brought in by hand: the key is not trusted for it.
  expect(await publish('beicun', 'village')).toBe(1);
  const neighbours = (await latestSitePack(pool, 'beicun', 0))!.zip;
  const upload = await fetch(`${hall.url}/api/admin/packs/upload`, {
    method: 'POST',
    headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/zip' },
    body: new Uint8Array(neighbours),
  });
  expect(upload.status).toBe(422);
  const report = (await upload.json()) as { report: { errors: Array<{ rule: string; problem: string }> } };
  expect(report.report.errors[0]).toMatchObject({
    rule: 'signature.site-scope',
    problem: '区域下发的内容包是为 beicun（村居医保服务点）生成的，本大厅是 nancun（村居医保服务点），已拒收',
  });
  expect((await hall.api('GET', '/api/health')).body.pack).toEqual({ id: 'region-nancun', version: 2 });
});

it('keeps the region pack active across a restart, trusting the key it learnt', async () => {
  await hall.close(false);
  hall = await startTestHall({ dataDir });
  expect((await hall.api('GET', '/api/health')).body.pack).toEqual({ id: 'region-nancun', version: 2 });
  const admin = await hall.admin();
  const status = await hall.api('GET', '/api/admin/region', undefined, admin);
  expect(status.body).toMatchObject({ siteId: 'nancun', packVersion: 2 });
  expect(packSigningPublicKey(keys)).toMatch(/^[A-Za-z0-9_-]{43}$/);
});
