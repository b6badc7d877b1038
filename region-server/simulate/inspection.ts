// The 示范点自查 report a simulated site's hall publishes for the current month (`inspection.reported`), so the demo's
// site pages show one: the eleven indicators a hall computes, with figures that fit the site (a village point has one
// window, a busy town station many ratings) and, drawn from the random source, a few shortfalls that make some fail.
// Pure: the caller gives the clock and the random source.
import { channelLabels } from '../../content/schema/services.ts';
import { DEMONSTRATION_SITE as STANDARD } from '../../content/validate/standards.ts';
import { InspectionReport, type Indicator, type IndicatorStatus } from '../../protocol/hall/inspection.ts';
import { percent } from '../../protocol/rules/rating-stats.ts';
import { addDays, addWorkingDays, compileCalendar } from '../../protocol/rules/workdays.ts';
import { CHINA_STANDARD_TIME_MINUTES, localDate } from '../../protocol/rules/hall-time.ts';
import type { SimulatedHall } from './activity.ts';

const WEEKENDS_ONLY = compileCalendar({ holidays: [], workdays: [] });
const OFFERED = ['window', 'web', 'phone', 'mobile', 'self_service'] as const;

const status = (ok: boolean): IndicatorStatus => (ok ? 'pass' : 'fail');
const between = (random: () => number, low: number, high: number): number => low + Math.floor(random() * (high - low + 1));

function channels(random: () => number): Indicator {
  const withoutPhone = random() < 0.25;
  const offered = OFFERED.filter((k) => !(withoutPhone && k === 'phone'));
  return {
    id: 'channels', clause: '示范点指标 9 · 服务渠道', title: '开通服务渠道', target: '至少 4 种：窗口、网络、电话、移动终端',
    figure: `${offered.length} 种（${offered.map((k) => channelLabels[k]).join('、')}）`,
    status: status(!withoutPhone), detail: withoutPhone ? `缺少${channelLabels.phone}` : '',
  };
}

function onlineShare(hall: SimulatedHall, random: () => number): Indicator {
  const total = hall.items.length;
  const online = Math.min(total, Math.round(total * (0.7 + random() * 0.3)));
  const share = online / total;
  const offline = hall.items.slice(online).map((i) => i.name);
  return {
    id: 'online-share', clause: '示范点指标 14 · 掌办网办率', title: '可网办掌办事项占比', target: `不低于 ${STANDARD.onlineShare * 100}%`,
    figure: `${percent(share)}（${online}/${total} 项）`, status: status(share >= STANDARD.onlineShare),
    detail: share >= STANDARD.onlineShare ? '' : `不能网办掌办：${offline.join('、')}`,
  };
}

function windows(hall: SimulatedHall): Indicator {
  const n = hall.windows;
  return {
    id: 'windows', clause: '示范点标准 二（六）· 窗口设置', title: '服务窗口数量', target: `不少于 ${STANDARD.windows} 个`,
    figure: `${n} 个（其中潮汐窗口 ${n >= 3 ? 1 : 0} 个）`, status: status(n >= STANDARD.windows),
    detail: n >= STANDARD.windows ? '' : `还差 ${STANDARD.windows - n} 个窗口`,
  };
}

function satisfaction(rated: number, bad: number): Indicator {
  const share = (rated - bad) / rated;
  return {
    id: 'satisfaction', clause: '示范点指标 19 · 满意度', title: '月度满意率', target: `不低于 ${STANDARD.satisfaction * 100}%`,
    figure: `${percent(share)}（${rated} 次评价，差评 ${bad} 次）`, status: status(share >= STANDARD.satisfaction),
    detail: share >= STANDARD.satisfaction ? '' : '满意率低于目标，请在整改记录中制定措施',
  };
}

function coverageItems(hall: SimulatedHall, random: () => number): Indicator {
  const active = hall.items.length;
  const unrated = hall.busy < 0.3 && random() < 0.5 ? hall.items.slice(-1).map((i) => i.name) : [];
  return {
    id: 'coverage-items', clause: '示范点指标 18 · 评价覆盖面', title: '好差评覆盖服务事项', target: '办过业务的每一项都收到评价',
    figure: `${active - unrated.length}/${active} 有评价，评价率 ${percent(0.8 + random() * 0.1)}`,
    status: status(unrated.length === 0), detail: unrated.length > 0 ? `没有评价：${unrated.join('、')}` : '',
  };
}

function coveragePeople(hall: SimulatedHall, random: () => number): Indicator {
  const people = hall.windows + hall.staff.length;
  return {
    id: 'coverage-people', clause: '示范点指标 18 · 评价覆盖面', title: '好差评覆盖窗口和人员', target: '办过业务的每一项都收到评价',
    figure: `${people}/${people} 有评价，评价率 ${percent(0.8 + random() * 0.1)}`, status: 'pass', detail: '',
  };
}

function coverageChannels(hall: SimulatedHall): Indicator {
  const n = hall.windows;
  const items = hall.items.length;
  return {
    id: 'coverage-channels', clause: '示范点指标 18 · 评价覆盖面', title: '好差评覆盖服务渠道',
    target: '每个窗口有评价器，每个事项有窗口以外的评价方式',
    figure: `${n}/${n} 个窗口有评价器，${items}/${items} 个事项有多种评价方式`, status: 'pass', detail: '',
  };
}

function casesOnTime(bad: number, random: () => number): Indicator {
  const base = {
    id: 'cases-on-time', clause: 'DB21/T 4402 §11.2 · 示范点指标 16', title: '差评回访整改按时办结', target: '每件差评都在时限内回访、整改并办结',
  } as const;
  if (bad === 0) return { ...base, figure: '本月没有到期的差评', status: 'no_data', detail: '' };
  const openOverdue = bad > 3 && random() < 0.3 ? 1 : 0;
  return {
    ...base, figure: `${bad - openOverdue}/${bad} 件按时办结`, status: status(openOverdue === 0),
    detail: openOverdue === 0 ? '' : `逾期办结 0 件，逾期未办结 ${openOverdue} 件`,
  };
}

function tidal(hall: SimulatedHall, random: () => number): Indicator {
  const base = { id: 'tidal', clause: 'DB21/T 4402 §7.1.6', title: '潮汐窗口开启', target: '等候超过 5 人时开启潮汐窗口' } as const;
  if (hall.windows < 3) return { ...base, figure: '本月等候人数未超过 5 人', status: 'no_data', detail: '' };
  const episodes = between(random, 3, 9);
  const average = between(random, 3, 8);
  return {
    ...base, figure: `超过 ${episodes} 次，开启潮汐窗口 ${episodes} 次，平均 ${average} 分钟、最长 ${average + between(random, 2, 6)} 分钟开窗`,
    status: 'pass', detail: '',
  };
}

function disclosure(today: string, random: () => number): Indicator {
  const created = addDays(today, -20);
  const days = between(random, 1, 5);
  return {
    id: 'disclosure', clause: 'DB21/T 4402 §10.1.3', title: '公开信息变更及时公开', target: `形成或变更之日起 ${STANDARD.disclosureWorkingDays} 个工作日内公开`,
    figure: `内容包 ${created} 形成，${addWorkingDays(created, days, WEEKENDS_ONLY)} 在终端公开，用时 ${days} 个工作日`, status: 'pass', detail: '',
  };
}

function slogan(): Indicator {
  return {
    id: 'slogan', clause: '示范点标准 二（七）· 标识', title: '服务理念标语', target: `取号机、评价器、叫号大屏显示“${STANDARD.slogan}”`,
    figure: `显示“${STANDARD.slogan}”`, status: 'pass', detail: '',
  };
}

/** The month's report as the site's hall would compute it at `now`. */
export function simulatedInspection(hall: SimulatedHall, hallName: string, now: Date, random: () => number): InspectionReport {
  // A real hall's report is of the calendar month (hall-server/inspection/month.ts).
  const today = localDate(now.getTime(), CHINA_STANDARD_TIME_MINUTES);
  const rated = Math.max(20, Math.round(hall.busy * between(random, 900, 1400)));
  const bad = Math.round(rated * (0.02 + random() * 0.1));
  const indicators = [
    channels(random),
    onlineShare(hall, random),
    windows(hall),
    satisfaction(rated, bad),
    coverageItems(hall, random),
    coveragePeople(hall, random),
    coverageChannels(hall),
    casesOnTime(bad, random),
    tidal(hall, random),
    disclosure(today, random),
    slogan(),
  ];
  return InspectionReport.parse({
    month: today.slice(0, 7),
    hallName,
    packVersion: 1,
    generatedAt: now.toISOString(),
    indicators,
    passed: indicators.filter((i) => i.status === 'pass').length,
    failed: indicators.filter((i) => i.status === 'fail').length,
  });
}
