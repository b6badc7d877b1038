import { describe, expect, it } from 'vitest';
import { neighbourLines } from './neighbours.ts';

describe('neighbourLines', () => {
  it('waiting counts, 现在不办理, and 暂无数据 for a site without current data', () => {
    expect(neighbourLines({
      sites: [
        { siteId: 'dongcheng', name: '东城镇医保服务站', state: 'waiting', waiting: 4 },
        { siteId: 'xicun', name: '西村医保服务点', state: 'none', waiting: null },
      ],
    })).toEqual([
      { siteId: 'dongcheng', name: '东城镇医保服务站', text: '等候 4 人' },
      { siteId: 'xicun', name: '西村医保服务点', text: '暂无数据' },
    ]);
    expect(neighbourLines({ sites: [{ siteId: 'a', name: '甲', state: 'closed', waiting: null }] })[0]!.text).toBe('现在不办理');
  });
  it('no part, or one it cannot read: nothing', () => {
    expect(neighbourLines(undefined)).toEqual([]);
    expect(neighbourLines({ sites: [{ siteId: 'a', name: '甲', state: 'waiting', waiting: -1 }] })).toEqual([]);
  });
});
