// A demo site for the region's pack tests: its profile (one window, one staff member with a photo) and the steps that
// create it in the region's database.
import type { Pool } from 'pg';
import type { SiteProfile } from '../../protocol/region/catalogue.ts';
import type { SiteLevel } from '../../protocol/region/sync.ts';
import type { loadDemoRegionContent } from '../../region-server/catalogue/demo.ts';
import { saveSiteFile, saveSiteProfile } from '../../region-server/catalogue/store.ts';
import { createSite } from '../../region-server/sites/enrol.ts';

export function siteProfile(siteId: string, level: SiteLevel): SiteProfile {
  return {
    siteId,
    level,
    hall: {
      name: `${siteId}医保服务点（示例数据）`,
      region: '山东省济宁市邹城市',
      address: `邹城市${siteId}（示例地址）`,
      hours: ['周一至周五 8:30—11:30，13:30—17:00'],
      consultPhone: '0537-0000101',
      complaintPhone: '0537-0000102',
      duties: ['受理下放的医保经办事项'],
      commitments: ['一次性告知'],
      slogan: '中国医保 一生守护',
      tidalThreshold: 5,
      callRepeat: 2,
    },
    windows: [{ number: 1, name: '综合窗口', services: 'all', tidal: false }],
    staff: [{ id: '20101', name: '王*', photo: 'staff/20101.png', partyMember: false, stars: 4 }],
  };
}

/** Creates the site with its profile and its staff member's photo from the demo content. */
export async function createDemoSite(
  pool: Pool,
  demo: ReturnType<typeof loadDemoRegionContent>,
  id: string,
  level: SiteLevel,
): Promise<void> {
  await createSite(pool, { id, name: `${id}医保服务点`, level }, 'test');
  await saveSiteProfile(pool, siteProfile(id, level));
  await saveSiteFile(pool, id, 'staff/20101.png', demo.photos.get('staff/20101.png')!);
}
