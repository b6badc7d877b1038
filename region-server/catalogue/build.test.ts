import { describe, expect, it } from 'vitest';
import type { Service } from '../../content/schema/index.ts';
import { sealPack } from '../../content/validate/manifest-build.ts';
import { generateKeyPair } from '../../content/validate/sign.ts';
import { validatePackFiles } from '../../content/validate/validate.ts';
import type { CatalogueItem, SiteProfile } from '../../protocol/region/catalogue.ts';
import type { SiteLevel } from '../../protocol/region/sync.ts';
import { buildSitePack } from './build.ts';
import { loadDemoRegionContent } from './demo.ts';

const demo = loadDemoRegionContent();
const regionKey = generateKeyPair();

function profile(siteId: string, level: SiteLevel, windows: SiteProfile['windows']): SiteProfile {
  return {
    siteId,
    level,
    hall: {
      name: `示例${siteId}医保服务站（示例数据）`,
      region: '山东省济宁市邹城市',
      address: `邹城市${siteId}为民服务中心一楼（示例地址）`,
      hours: ['周一至周五 8:30—11:30，13:30—17:00'],
      consultPhone: '0537-0000101',
      complaintPhone: '0537-0000102',
      duties: ['负责辖区参保登记、异地就医备案等下放事项的受理'],
      commitments: ['一次性告知', '首问负责'],
      slogan: '中国医保 一生守护',
      tidalThreshold: 5,
      callRepeat: 2,
    },
    windows,
    staff: [{ id: '20101', name: '王*', photo: 'staff/20101.png', partyMember: true, stars: 5 }],
  };
}

function build(p: SiteProfile, catalogue: readonly CatalogueItem[] = demo.catalogue) {
  const files = sealPack(
    buildSitePack({ catalogue, profile: p, region: demo.region, photos: demo.photos, version: 3, created: '2026-12-03T09:00:00+08:00' }),
    regionKey.privateKeyPem,
  );
  return validatePackFiles({ files, issues: [] }, { trustedKeys: [regionKey.publicKey], now: new Date('2026-12-03T01:00:00Z') });
}

const village = profile('dongcun', 'village', [{ number: 1, name: '综合窗口', services: 'all', tidal: false }]);
const hospital = profile('renmin-yiyuan', 'hospital', [
  { number: 1, name: '综合窗口', services: 'all', tidal: false },
  { number: 2, name: '生育待遇窗口', services: ['212036011001', '212036011002'], tidal: false },
]);

describe('buildSitePack', () => {
  it('a village point gets seed 001\'s village list on one 综合柜员 window, signed by the region and valid for a hall', () => {
    const result = build(village);
    expect(result.report.errors).toEqual([]);
    expect(result.data!.services.map((s) => s.name)).toEqual([
      '城乡居民参保登记',
      '城乡居民参保信息变更登记',
      '参保人员参保缴费信息查询',
      '参保单位参保缴费信息查询',
      '长期异地就医备案',
      '转外就医备案',
      '异地急诊转住院联网备案',
      '门诊慢特病病种待遇认定',
    ]);
    expect(result.data!.windows).toEqual([
      { number: 1, name: '综合窗口', services: result.data!.services.map((s) => s.code), tidal: false, generalCounter: true },
    ]);
    expect(result.data!.manifest).toMatchObject({ packId: 'region-dongcun', version: 3, hall: { level: '村社区' } });
  });

  it('each item carries the site\'s own agency, hours and phone, and the catalogue\'s guide otherwise', () => {
    const service = build(hospital).data!.services.find((s) => s.code === '212036011001')!;
    const source = demo.catalogue.find((i) => i.service.code === '212036011001')!.service;
    expect(service.guide.agency).toEqual({ name: '示例renmin-yiyuan医保服务站（示例数据）', location: '邹城市renmin-yiyuan为民服务中心一楼（示例地址）' });
    expect(service.guide.hours).toBe('周一至周五 8:30—11:30，13:30—17:00');
    expect(service.guide.consultPhone).toBe('0537-0000101');
    expect(service.guide.materials).toEqual(source.guide.materials);
    expect(service.guide.supervisePhone).toBe(source.guide.supervisePhone);
  });

  it('六统一: one change of an item\'s materials reaches every site that offers it and no other', () => {
    const code = '212036008001'; // 长期异地就医备案: every level offers it
    const births = '212036011001'; // 生育医疗费支付: hospitals and clinics, not villages
    const changed = demo.catalogue.map((item): CatalogueItem => {
      if (item.service.code !== code && item.service.code !== births) return item;
      const service: Service = {
        ...item.service,
        guide: {
          ...item.service.guide,
          materials: [{ name: '医保电子凭证或社会保障卡', form: 'original', count: 1, deferrable: false }],
          deferredAcceptance: { allowed: false },
        },
      };
      return { ...item, service };
    });
    for (const site of [village, hospital]) {
      const before = build(site).data!.services;
      const rebuilt = build(site, changed);
      expect(rebuilt.report.errors).toEqual([]);
      const after = rebuilt.data!.services;
      expect(after.find((s) => s.code === code)!.guide.materials.map((m) => m.name)).toEqual(['医保电子凭证或社会保障卡']);
      const untouched = (list: Service[]) => list.filter((s) => s.code !== code && s.code !== births);
      expect(untouched(after)).toEqual(untouched(before));
    }
    expect(build(village, changed).data!.services.some((s) => s.code === births)).toBe(false);
  });

  it('a pack signed by another key is refused by a hall that trusts only the region', () => {
    const files = sealPack(
      buildSitePack({ catalogue: demo.catalogue, profile: village, region: demo.region, photos: demo.photos, version: 1, created: '2026-12-03T09:00:00+08:00' }),
      generateKeyPair().privateKeyPem,
    );
    const result = validatePackFiles({ files, issues: [] }, { trustedKeys: [regionKey.publicKey], now: new Date('2026-12-03T01:00:00Z') });
    expect(result.report.ok).toBe(false);
    expect(result.report.errors.map((e) => e.rule)).toContain('signature.untrusted');
  });
});
