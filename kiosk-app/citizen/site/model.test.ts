import { describe, expect, it } from 'vitest';
import { readSiteNow, type SiteNow } from '../../../protocol/citizen/site-now.ts';
import { dayAndTime, siteView } from './model.ts';

const at = (local: string) => Date.parse(`${local}:00+08:00`);
const NOW = at('2026-11-02T10:00');
const href = (id: string) => `/s/${id}`;
const site: SiteNow = {
  siteId: 'dongcheng', name: '东城镇医保服务站', levelName: '镇街医保服务站', address: '东城镇政务中心一楼', hours: ['周一至周五 8:30—11:30，13:00—17:00'],
  open: true, closesAt: new Date(at('2026-11-02T11:30')).toISOString(), opensAt: null, live: true,
  lastReportAt: new Date(at('2026-11-02T09:59')).toISOString(), windowsOpen: 2,
  waiting: [{ itemName: '居民参保登记', waiting: 3 }, { itemName: '异地就医备案', waiting: 0 }],
  neighbours: [{ siteId: 'xicun', name: '西村医保服务点' }], at: new Date(NOW).toISOString(),
};

describe('dayAndTime', () => {
  it('says today, tomorrow, or the date with its weekday', () => {
    expect(dayAndTime(at('2026-11-02T13:00'), NOW)).toBe('今天 13:00');
    expect(dayAndTime(at('2026-11-03T08:30'), NOW)).toBe('明天 8:30');
    expect(dayAndTime(at('2026-11-09T08:30'), NOW)).toBe('11月9日（周一）8:30');
  });
});

describe('siteView', () => {
  it('live: hours, the total, windows and waiting per item, links to the neighbours', () => {
    expect(siteView(site, NOW, NOW, href)).toEqual({
      name: '东城镇医保服务站', levelName: '镇街医保服务站', address: '东城镇政务中心一楼', open: true,
      openLine: '正在办理，今天 11:30 停止取号', hours: ['周一至周五 8:30—11:30，13:00—17:00'],
      live: true, headline: '现在等候 3 人', lines: ['2 个窗口正在办理', '更新于 10:00'],
      items: [{ name: '居民参保登记', count: '3 人' }, { name: '异地就医备案', count: '0 人' }],
      neighbours: [{ name: '西村医保服务点', href: '/s/xicun' }],
    });
  });
  it('closed: when it opens next', () => {
    const closed = { ...site, open: false, closesAt: null, opensAt: new Date(at('2026-11-03T08:30')).toISOString() };
    expect(siteView(closed, NOW, NOW, href).openLine).toBe('现在不办理，明天 8:30 开始办理');
  });
  it('a silent site: no counts, the time of its last report', () => {
    const silent = { ...site, live: false, windowsOpen: null, waiting: [], lastReportAt: new Date(at('2026-11-02T09:05')).toISOString() };
    expect(siteView(silent, NOW, NOW, href)).toMatchObject({
      live: false, headline: '暂无实时数据', lines: ['该站点最后更新于今天 9:05', '等候人数暂不可知，请以现场为准'], items: [],
    });
  });
  it('a site that never reported', () => {
    expect(siteView({ ...site, live: false, lastReportAt: null, windowsOpen: null, waiting: [] }, NOW, NOW, href).lines[0]).toBe('该站点尚未上报数据');
  });
  it('an answer the page could not refresh for over 2 minutes is not shown as live', () => {
    expect(siteView(site, NOW, NOW + 2 * 60_000, href).live).toBe(true);
    expect(siteView(site, NOW, NOW + 2 * 60_000 + 1, href)).toMatchObject({ live: false, headline: '暂无实时数据', lines: ['网络不畅，最后更新于今天 10:00', '请稍后刷新'], items: [] });
  });
  it('no one waiting, no window open', () => {
    expect(siteView({ ...site, windowsOpen: 0, waiting: [] }, NOW, NOW, href)).toMatchObject({ headline: '现在无人等候', lines: ['暂无窗口在办理', '更新于 10:00'] });
  });
});

describe('readSiteNow', () => {
  it('takes a well-formed answer and refuses anything else', () => {
    expect(readSiteNow(JSON.parse(JSON.stringify(site)))).toEqual(site);
    expect(readSiteNow({ ...site, windowsOpen: -1 })).toBeNull();
    expect(readSiteNow({ ...site, waiting: [{ itemName: 'x', waiting: '3' }] })).toBeNull();
    expect(readSiteNow({ ...site, hours: [1] })).toBeNull();
    expect(readSiteNow({ ...site, live: 'yes' })).toBeNull();
    expect(readSiteNow(null)).toBeNull();
  });
});
