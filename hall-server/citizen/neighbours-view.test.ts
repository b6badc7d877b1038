import { describe, expect, it } from 'vitest';
import type { SiteNow } from '../../protocol/citizen/site-now.ts';
import { NEIGHBOURS_STALE_MS, neighbourViews } from './neighbours-view.ts';

const NOW = Date.parse('2026-11-02T02:00:00Z');
const listed = [{ siteId: 'dongcheng', name: '东城镇医保服务站' }, { siteId: 'xicun', name: '西村医保服务点' }, { siteId: 'nanzhen', name: '南镇医保服务站' }];
function site(siteId: string, over: Partial<SiteNow> = {}): SiteNow {
  return {
    siteId, name: siteId, levelName: '镇街医保服务站', address: null, hours: [], open: true, closesAt: null, opensAt: null, live: true,
    lastReportAt: new Date(NOW).toISOString(), windowsOpen: 2, waiting: [{ itemName: 'a', waiting: 3 }, { itemName: 'b', waiting: 4 }],
    neighbours: [], at: new Date(NOW).toISOString(), ...over,
  };
}

describe('neighbourViews', () => {
  it('the first two listed, with the total waiting of each', () => {
    expect(neighbourViews(listed, { atMs: NOW, sites: [site('xicun', { waiting: [] }), site('dongcheng')] }, NOW)).toEqual({
      sites: [
        { siteId: 'dongcheng', name: '东城镇医保服务站', state: 'waiting', waiting: 7 },
        { siteId: 'xicun', name: '西村医保服务点', state: 'waiting', waiting: 0 },
      ],
    });
  });
  it('a silent site; one the region does not know is left out (the next known one shows); a closed one with no one waiting', () => {
    const views = neighbourViews(listed, { atMs: NOW, sites: [site('dongcheng', { live: false, waiting: [], windowsOpen: null }), site('nanzhen')] }, NOW).sites;
    expect(views.map((v) => [v.siteId, v.state, v.waiting])).toEqual([['dongcheng', 'none', null], ['nanzhen', 'waiting', 7]]);
    expect(neighbourViews(listed, { atMs: NOW, sites: [site('dongcheng', { open: false, waiting: [] })] }, NOW).sites[0]).toMatchObject({ state: 'closed', waiting: null });
    // Past the issuing hours, people still waiting are served: their count stays.
    expect(neighbourViews(listed, { atMs: NOW, sites: [site('dongcheng', { open: false })] }, NOW).sites[0]).toMatchObject({ state: 'waiting', waiting: 7 });
  });
  it('an answer older than the limit, or none at all: no numbers', () => {
    const last = { atMs: NOW, sites: [site('dongcheng'), site('xicun')] };
    expect(neighbourViews(listed, last, NOW + NEIGHBOURS_STALE_MS).sites.map((v) => v.state)).toEqual(['waiting', 'waiting']);
    expect(neighbourViews(listed, last, NOW + NEIGHBOURS_STALE_MS + 1).sites.map((v) => v.state)).toEqual(['none', 'none']);
    expect(neighbourViews(listed, null, NOW)).toEqual({ sites: [] });
  });
  it('no neighbours named: nothing', () => {
    expect(neighbourViews([], null, NOW)).toEqual({ sites: [] });
  });
});
