// The demo network's simulated sites: a 1+21+N network in miniature (seed 001's Zoucheng pilot), town stations, a
// hospital station, a clinic point and village points, each with its windows, staff and how busy it is. Names are
// marked 模拟 so nobody mistakes them for real halls.
import type { SiteLevel } from '../../protocol/region/sync.ts';

export interface DemoSite {
  id: string;
  name: string;
  level: SiteLevel;
  windows: number;
  staff: Array<{ id: string; name: string }>;
  busy: number;
}

export const DEMO_SITES: readonly DemoSite[] = [
  { id: 'gangshan', name: '钢山街道医保服务站（模拟）', level: 'town', windows: 3, busy: 0.7, staff: [{ id: '31101', name: '孟庆华' }, { id: '31102', name: '孔令娟' }, { id: '31103', name: '颜世杰' }] },
  { id: 'qianquan', name: '千泉街道医保服务站（模拟）', level: 'town', windows: 3, busy: 0.6, staff: [{ id: '31201', name: '张海燕' }, { id: '31202', name: '刘文博' }, { id: '31203', name: '王静' }] },
  { id: 'taiping', name: '太平镇医保服务站（模拟）', level: 'town', windows: 2, busy: 0.5, staff: [{ id: '31301', name: '李建国' }, { id: '31302', name: '赵敏' }] },
  { id: 'city-hospital', name: '市人民医院医保服务站（模拟）', level: 'hospital', windows: 2, busy: 0.5, staff: [{ id: '32101', name: '陈晓东' }, { id: '32102', name: '周丽' }] },
  { id: 'taiping-clinic', name: '太平镇卫生院医保服务点（模拟）', level: 'clinic', windows: 1, busy: 0.3, staff: [{ id: '33101', name: '吴秀兰' }] },
  { id: 'dongguo', name: '东故村医保服务点（模拟）', level: 'village', windows: 1, busy: 0.15, staff: [{ id: '34101', name: '郑玉梅' }] },
  { id: 'beisu', name: '北宿村医保服务点（模拟）', level: 'village', windows: 1, busy: 0.15, staff: [{ id: '34201', name: '孙立新' }] },
];
