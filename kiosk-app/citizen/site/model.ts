// What the public site page says (pure): hours (open now, or when it opens next), then either the live counts or, for
// a silent site or an answer the page could not refresh, why there are none. Simplified Chinese, short lines for large
// text on a phone. All times in China Standard Time (the sites' time).
import type { SiteNow } from '../../../protocol/citizen/site-now.ts';
import { CHINA_STANDARD_TIME_MINUTES, localClock, localDate } from '../../../protocol/rules/hall-time.ts';

/** The page refreshes every 30 s while visible; an answer older than this is not shown as live. */
export const PAGE_STALE_MS = 2 * 60_000;
const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];
const DAY_MS = 86_400_000;

export interface SiteView {
  name: string;
  levelName: string;
  address: string | null;
  /** Open now or the next opening, one line. */
  openLine: string;
  open: boolean;
  hours: string[];
  /** The counts when current, else why not. */
  live: boolean;
  headline: string;
  lines: string[];
  items: Array<{ name: string; count: string }>;
  neighbours: Array<{ name: string; href: string }>;
}

const clock = (ms: number): string => localClock(ms, CHINA_STANDARD_TIME_MINUTES).replace(/^0/, '');

/** "今天 13:00", "明天 8:30", "11月9日（周一）8:30". */
export function dayAndTime(ms: number, nowMs: number): string {
  const day = localDate(ms, CHINA_STANDARD_TIME_MINUTES);
  if (day === localDate(nowMs, CHINA_STANDARD_TIME_MINUTES)) return `今天 ${clock(ms)}`;
  if (day === localDate(nowMs + DAY_MS, CHINA_STANDARD_TIME_MINUTES)) return `明天 ${clock(ms)}`;
  const [, month, date] = day.split('-').map(Number) as [number, number, number];
  const weekday = WEEKDAYS[new Date(`${day}T00:00:00Z`).getUTCDay()];
  return `${month}月${date}日（周${weekday}）${clock(ms)}`;
}

function openLine(site: SiteNow, nowMs: number): string {
  if (site.open) return site.closesAt ? `正在办理，${dayAndTime(Date.parse(site.closesAt), nowMs)} 停止取号` : '正在办理';
  if (site.opensAt) return `现在不办理，${dayAndTime(Date.parse(site.opensAt), nowMs)} 开始办理`;
  return '现在不办理';
}

/** `fetchedAtMs`: when the page received `site`; `nowMs`: the phone's clock now. */
export function siteView(site: SiteNow, fetchedAtMs: number, nowMs: number, pageHref: (siteId: string) => string): SiteView {
  const base = {
    name: site.name,
    levelName: site.levelName,
    address: site.address,
    openLine: openLine(site, nowMs),
    open: site.open,
    hours: site.hours,
    neighbours: site.neighbours.map((n) => ({ name: n.name, href: pageHref(n.siteId) })),
  };
  if (nowMs - fetchedAtMs > PAGE_STALE_MS) {
    return { ...base, live: false, headline: '暂无实时数据', lines: [`网络不畅，最后更新于${dayAndTime(fetchedAtMs, nowMs)}`, '请稍后刷新'], items: [] };
  }
  if (!site.live) {
    const last = site.lastReportAt ? `该站点最后更新于${dayAndTime(Date.parse(site.lastReportAt), nowMs)}` : '该站点尚未上报数据';
    return { ...base, live: false, headline: '暂无实时数据', lines: [last, '等候人数暂不可知，请以现场为准'], items: [] };
  }
  const total = site.waiting.reduce((sum, i) => sum + i.waiting, 0);
  const windows = site.windowsOpen ?? 0;
  return {
    ...base,
    live: true,
    headline: total === 0 ? '现在无人等候' : `现在等候 ${total} 人`,
    lines: [windows > 0 ? `${windows} 个窗口正在办理` : '暂无窗口在办理', `更新于 ${clock(Date.parse(site.at))}`],
    items: site.waiting.map((i) => ({ name: i.itemName, count: `${i.waiting} 人` })),
  };
}
