import { describe, expect, it } from 'vitest';
import { packSiteProblem } from './pack-pull.ts';

describe('a region pack is for this hall only', () => {
  const link = { site_id: 'dongcun', level: 'village' as const };
  it('takes a pack naming this site and level', () => {
    expect(packSiteProblem({ id: 'dongcun', level: 'village' }, link)).toBeNull();
  });
  it('refuses one for another site, another level, or naming none', () => {
    expect(packSiteProblem({ id: 'xicheng', level: 'village' }, link)).toBe(
      '区域下发的内容包是为 xicheng（村居医保服务点）生成的，本大厅是 dongcun（村居医保服务点），已拒收',
    );
    expect(packSiteProblem({ id: 'dongcun', level: 'town' }, link)).toBe(
      '区域下发的内容包是为 dongcun（镇街医保服务站）生成的，本大厅是 dongcun（村居医保服务点），已拒收',
    );
    expect(packSiteProblem(undefined, link)).toBe('内容包没有注明站点和级别，本大厅是 dongcun（村居医保服务点），已拒收');
  });
});
