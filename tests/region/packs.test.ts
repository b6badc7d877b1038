// Packs from the centre: the region builds each site's pack from the one catalogue and the site's profile, signs it with
// the region key, and a hall fetches its own (and only its own) with a request signed by its enrolled key.
import { sign } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateKeyPair } from '../../content/validate/sign.ts';
import { validatePackSource } from '../../content/validate/validate.ts';
import type { CatalogueItem } from '../../protocol/region/catalogue.ts';
import { SITE_HEADER, SYNC_SIGNATURE_HEADER, TIME_HEADER, requestToSign, type SiteLevel } from '../../protocol/region/sync.ts';
import { loadCatalogue, publishSitePack, saveCatalogueItem } from '../../region-server/catalogue/store.ts';
import { loadDemoRegionContent, seedDemoCatalogue } from '../../region-server/catalogue/demo.ts';
import { createEnrolmentCode } from '../../region-server/sites/enrol.ts';
import { StandInHall, startTestRegion, type TestRegion } from '../support/region.ts';
import { createDemoSite } from './site-fixtures.ts';

let region: TestRegion;
const regionKey = generateKeyPair();
const demo = loadDemoRegionContent();

async function site(id: string, level: SiteLevel): Promise<StandInHall> {
  await createDemoSite(region.pool, demo, id, level);
  const hall = new StandInHall(region.url);
  await hall.enrol(await createEnrolmentCode(region.pool, id, 'test'));
  return hall;
}

async function fetchPack(hall: StandInHall, siteId: string, have: number, opts: { time?: Date; key?: StandInHall } = {}) {
  const path = `/api/region/sites/${siteId}/pack?have=${have}`;
  const time = (opts.time ?? new Date()).toISOString();
  const signature = sign(null, Buffer.from(requestToSign('GET', path, time)), (opts.key ?? hall).privateKey).toString('base64');
  const res = await fetch(`${region.url}${path}`, { headers: { [SITE_HEADER]: siteId, [TIME_HEADER]: time, [SYNC_SIGNATURE_HEADER]: signature } });
  return { status: res.status, version: res.headers.get('x-pack-version'), bytes: new Uint8Array(await res.arrayBuffer()) };
}

beforeAll(async () => {
  region = await startTestRegion();
  await seedDemoCatalogue(region.pool, demo);
});
afterAll(async () => {
  await region.close();
});

describe('packs from the centre', () => {
  it('a hall fetches its site\'s signed pack; it validates under the region key; nothing newer answers 204', async () => {
    const hall = await site('xicun', 'village');
    expect(await publishSitePack(region.pool, 'xicun', regionKey.privateKeyPem, 'test')).toMatchObject({ siteId: 'xicun', version: 1, changed: true });
    const pack = await fetchPack(hall, 'xicun', 0);
    expect(pack.status).toBe(200);
    expect(pack.version).toBe('1');
    const { report, data } = validatePackSource(pack.bytes, { trustedKeys: [regionKey.publicKey] });
    expect(report.errors).toEqual([]);
    expect(data!.manifest).toMatchObject({ packId: 'region-xicun', version: 1, hall: { name: 'xicun医保服务点（示例数据）', level: '村社区' } });
    expect((await fetchPack(hall, 'xicun', 1)).status).toBe(204);
  });

  it('a catalogue change makes a new version only for the sites that offer the item', async () => {
    await site('nancun', 'village');
    await site('renmin', 'hospital');
    for (const id of ['nancun', 'renmin']) await publishSitePack(region.pool, id, regionKey.privateKeyPem, 'test');
    expect(await publishSitePack(region.pool, 'renmin', regionKey.privateKeyPem, 'test')).toMatchObject({ version: 1, changed: false });
    const catalogue = await loadCatalogue(region.pool);
    const births = catalogue.findIndex((i) => i.service.code === '212036011002'); // 生育津贴支付: hospitals, not villages
    const item: CatalogueItem = catalogue[births]!;
    // The guide's hours are each site's own (from its profile): a catalogue edit of them changes no site's pack.
    await saveCatalogueItem(region.pool, { ...item, service: { ...item.service, guide: { ...item.service.guide, hours: '周一至周五' } } }, births, 'test');
    expect(await publishSitePack(region.pool, 'renmin', regionKey.privateKeyPem, 'test')).toMatchObject({ version: 1, changed: false });
    const changedFee = { ...item, service: { ...item.service, guide: { ...item.service.guide, fee: '不收费（含复印）' } } };
    await saveCatalogueItem(region.pool, changedFee, births, 'test');
    expect(await publishSitePack(region.pool, 'renmin', regionKey.privateKeyPem, 'test')).toMatchObject({ version: 2, changed: true });
    expect(await publishSitePack(region.pool, 'nancun', regionKey.privateKeyPem, 'test')).toMatchObject({ version: 1, changed: false });
  });

  it('a hall cannot fetch another site\'s pack, nor with a clock 20 minutes off; each refusal is audited', async () => {
    const mine = await site('beicun', 'village');
    const other = await site('dongcun', 'village');
    await publishSitePack(region.pool, 'dongcun', regionKey.privateKeyPem, 'test');
    expect((await fetchPack(mine, 'dongcun', 0)).status).toBe(401);
    expect((await fetchPack(other, 'dongcun', 0, { time: new Date(Date.now() - 20 * 60_000) })).status).toBe(401);
    expect((await fetchPack(other, 'dongcun', 0, { time: new Date(Date.now() + 9 * 60_000) })).status).toBe(200);
    const refused = await region.pool.query("SELECT count(*)::int AS n FROM region_audit WHERE action = 'request.refused' AND site_id = 'dongcun'");
    expect(refused.rows[0].n).toBe(2);
  });

  it('the console learns which version a site runs from its pushed pack.activated event', async () => {
    const hall = await site('xicheng', 'town');
    await publishSitePack(region.pool, 'xicheng', regionKey.privateKeyPem, 'test');
    hall.log.push({ seq: 1, type: 'pack.activated', at: new Date().toISOString(), data: { id: 'region-xicheng', version: 1 } });
    expect((await hall.push(1, 1)).status).toBe(200);
    const row = await region.pool.query("SELECT running_pack_version FROM sites WHERE id = 'xicheng'");
    expect(row.rows[0].running_pack_version).toBe(1);
  });
});
