// The 示范点 indicators computed from what the hall recorded in a month and from its active pack. Pure: the module
// gathers the counts with SQL (gather.ts), this file judges them.
import { channelLabels, type PackData } from '../../content/schema/index.ts';
import { DEMONSTRATION_SITE, onlineItems } from '../../content/validate/standards.ts';
import type { Indicator, IndicatorStatus } from '../../protocol/hall/inspection.ts';
import { percent } from '../../protocol/rules/rating-stats.ts';
import { calendarOf, workingDaysBetween } from '../../protocol/rules/workdays.ts';
import { hallDayOf } from './month.ts';

const STANDARD = DEMONSTRATION_SITE;

export interface Served {
  key: string;
  finished: number;
  rated: number;
}

export interface TidalEpisode {
  group: string;
  /** When the queue went over the threshold (ISO). */
  since: string;
  /** When the alert ended (ISO), null while it still stands. */
  clearedAt: string | null;
  reason: 'drained' | 'tidal_window_opened' | null;
}

export interface InspectionInput {
  month: string;
  pack: PackData;
  utcOffsetMinutes: number;
  ratings: { rated: number; bad: number };
  served: { items: Served[]; windows: Served[]; staff: Served[] };
  /** Window numbers with a paired (not revoked) rating pad. */
  padWindows: number[];
  /** 差评 cases due in the month (or open and overdue at its end). */
  cases: { due: number; closedOnTime: number; closedLate: number; openOverdue: number };
  tidal: TidalEpisode[];
  /** When the active pack was first activated (ISO), null if never. */
  activatedAt: string | null;
}

const status = (ok: boolean): IndicatorStatus => (ok ? 'pass' : 'fail');

function channels(p: PackData): Indicator {
  const offered = new Set(p.services.flatMap((s) => s.guide.channels.map((c) => c.kind)));
  const missing = STANDARD.channels.filter((k) => !offered.has(k));
  return {
    id: 'channels', clause: '示范点指标 9 · 服务渠道', title: '开通服务渠道', target: '至少 4 种：窗口、网络、电话、移动终端',
    figure: `${offered.size} 种（${[...offered].map((k) => channelLabels[k]).join('、')}）`,
    status: status(offered.size >= 4 && missing.length === 0),
    detail: missing.length > 0 ? `缺少${missing.map((k) => channelLabels[k]).join('、')}` : '',
  };
}

function onlineShare(p: PackData): Indicator {
  const online = onlineItems(p);
  const share = online.length / p.services.length;
  const offline = p.services.filter((s) => !online.includes(s));
  return {
    id: 'online-share', clause: '示范点指标 14 · 掌办网办率', title: '可网办掌办事项占比', target: `不低于 ${STANDARD.onlineShare * 100}%`,
    figure: `${percent(share)}（${online.length}/${p.services.length} 项）`,
    status: status(share >= STANDARD.onlineShare),
    detail: share >= STANDARD.onlineShare ? '' : `不能网办掌办：${offline.map((s) => s.name).join('、')}`,
  };
}

function windows(p: PackData): Indicator {
  const n = p.windows.length;
  return {
    id: 'windows', clause: '示范点标准 二（六）· 窗口设置', title: '服务窗口数量', target: `不少于 ${STANDARD.windows} 个`,
    figure: `${n} 个（其中潮汐窗口 ${p.windows.filter((w) => w.tidal).length} 个）`,
    status: status(n >= STANDARD.windows), detail: n >= STANDARD.windows ? '' : `还差 ${STANDARD.windows - n} 个窗口`,
  };
}

function satisfaction(r: InspectionInput['ratings']): Indicator {
  const base = { id: 'satisfaction', clause: '示范点指标 19 · 满意度', title: '月度满意率', target: `不低于 ${STANDARD.satisfaction * 100}%` } as const;
  if (r.rated === 0) return { ...base, figure: '本月没有评价', status: 'no_data', detail: '' };
  const share = (r.rated - r.bad) / r.rated;
  return {
    ...base, figure: `${percent(share)}（${r.rated} 次评价，差评 ${r.bad} 次）`, status: status(share >= STANDARD.satisfaction),
    detail: share >= STANDARD.satisfaction ? '' : '满意率低于目标，请在整改记录中制定措施',
  };
}

function coverage(
  id: 'coverage-items' | 'coverage-people', title: string, served: Served[], label: (key: string) => string,
): Indicator {
  const base = { id, clause: '示范点指标 18 · 评价覆盖面', title, target: '办过业务的每一项都收到评价' } as const;
  const active = served.filter((s) => s.finished > 0);
  if (active.length === 0) return { ...base, figure: '本月没有办结的业务', status: 'no_data', detail: '' };
  const unrated = active.filter((s) => s.rated === 0);
  const finished = active.reduce((n, s) => n + s.finished, 0);
  const rated = active.reduce((n, s) => n + s.rated, 0);
  return {
    ...base,
    figure: `${active.length - unrated.length}/${active.length} 有评价，评价率 ${percent(rated / finished)}`,
    status: status(unrated.length === 0),
    detail: unrated.length > 0 ? `没有评价：${unrated.map((s) => label(s.key)).join('、')}` : '',
  };
}

function coverageChannels(p: PackData, padWindows: number[]): Indicator {
  const withoutPad = p.windows.filter((w) => !padWindows.includes(w.number));
  const onlyWindow = p.services.filter((s) => s.guide.evaluationChannels.length < 2);
  const problems = [
    ...(withoutPad.length > 0 ? [`${withoutPad.map((w) => `${w.number}号窗口`).join('、')}没有配对评价器`] : []),
    ...(onlyWindow.length > 0 ? [`${onlyWindow.map((s) => s.name).join('、')}只有一种评价方式`] : []),
  ];
  return {
    id: 'coverage-channels', clause: '示范点指标 18 · 评价覆盖面', title: '好差评覆盖服务渠道',
    target: '每个窗口有评价器，每个事项有窗口以外的评价方式',
    figure: `${p.windows.length - withoutPad.length}/${p.windows.length} 个窗口有评价器，${p.services.length - onlyWindow.length}/${p.services.length} 个事项有多种评价方式`,
    status: status(problems.length === 0), detail: problems.join('；'),
  };
}

function casesOnTime(c: InspectionInput['cases']): Indicator {
  const base = {
    id: 'cases-on-time', clause: 'DB21/T 4402 §11.2 · 示范点指标 16', title: '差评回访整改按时办结', target: '每件差评都在时限内回访、整改并办结',
  } as const;
  const total = c.due + c.openOverdue;
  if (total === 0) return { ...base, figure: '本月没有到期的差评', status: 'no_data', detail: '' };
  const late = c.closedLate + c.openOverdue;
  return {
    ...base, figure: `${c.closedOnTime}/${total} 件按时办结`, status: status(late === 0),
    detail: late === 0 ? '' : `逾期办结 ${c.closedLate} 件，逾期未办结 ${c.openOverdue} 件`,
  };
}

const minutesBetween = (a: string, b: string): number => Math.round((Date.parse(b) - Date.parse(a)) / 60_000);

function tidal(episodes: TidalEpisode[], threshold: number): Indicator {
  const base = { id: 'tidal', clause: 'DB21/T 4402 §7.1.6', title: '潮汐窗口开启', target: `等候超过 ${threshold} 人时开启潮汐窗口` } as const;
  if (episodes.length === 0) return { ...base, figure: `本月等候人数未超过 ${threshold} 人`, status: 'no_data', detail: '' };
  const opened = episodes.filter((e) => e.reason === 'tidal_window_opened' && e.clearedAt);
  const unanswered = episodes.filter((e) => e.reason !== 'tidal_window_opened' && e.reason !== 'drained');
  const minutes = opened.map((e) => minutesBetween(e.since, e.clearedAt!));
  const speed = minutes.length > 0 ? `，平均 ${Math.round(minutes.reduce((a, b) => a + b, 0) / minutes.length)} 分钟、最长 ${Math.max(...minutes)} 分钟开窗` : '';
  return {
    ...base,
    figure: `超过 ${episodes.length} 次，开启潮汐窗口 ${opened.length} 次${speed}`,
    status: status(unanswered.length === 0),
    detail: unanswered.length > 0 ? `${unanswered.length} 次超过阈值后没有开启潮汐窗口` : '',
  };
}

function disclosure(input: InspectionInput): Indicator {
  const base = {
    id: 'disclosure', clause: 'DB21/T 4402 §10.1.3', title: '公开信息变更及时公开', target: `形成或变更之日起 ${STANDARD.disclosureWorkingDays} 个工作日内公开`,
  } as const;
  if (!input.activatedAt) return { ...base, figure: '当前内容包尚未启用', status: 'no_data', detail: '' };
  const created = hallDayOf(input.pack.manifest.created, input.utcOffsetMinutes);
  const published = hallDayOf(input.activatedAt, input.utcOffsetMinutes);
  const days = workingDaysBetween(created, published, calendarOf(input.pack.calendar));
  const ok = days <= STANDARD.disclosureWorkingDays;
  return {
    ...base, figure: `内容包 ${created} 形成，${published} 在终端公开，用时 ${days} 个工作日`, status: status(ok),
    detail: ok ? '' : `超过 ${STANDARD.disclosureWorkingDays} 个工作日`,
  };
}

function slogan(p: PackData): Indicator {
  const shown = p.manifest.hall.slogan;
  const ok = shown.replace(/\s+/g, ' ').trim() === STANDARD.slogan;
  return {
    id: 'slogan', clause: '示范点标准 二（七）· 标识', title: '服务理念标语', target: `取号机、评价器、叫号大屏显示“${STANDARD.slogan}”`,
    figure: `显示“${shown}”`, status: status(ok), detail: ok ? '' : `与规定标语“${STANDARD.slogan}”不一致`,
  };
}

export function inspect(input: InspectionInput): Indicator[] {
  const p = input.pack;
  const itemName = (code: string) => p.services.find((s) => s.code === code)?.name ?? code;
  const staffName = (id: string) => (id ? (p.staff.find((s) => s.id === id)?.name ?? `工号 ${id}`) : '未登记工作人员');
  const windowName = (n: string) => `${n}号窗口`;
  const people = [
    ...input.served.windows.map((w) => ({ ...w, key: `w:${w.key}` })),
    ...input.served.staff.map((s) => ({ ...s, key: `s:${s.key}` })),
  ];
  return [
    channels(p),
    onlineShare(p),
    windows(p),
    satisfaction(input.ratings),
    coverage('coverage-items', '好差评覆盖服务事项', input.served.items, itemName),
    coverage('coverage-people', '好差评覆盖窗口和人员', people, (k) => (k.startsWith('w:') ? windowName(k.slice(2)) : staffName(k.slice(2)))),
    coverageChannels(p, input.padWindows),
    casesOnTime(input.cases),
    tidal(input.tidal, p.manifest.hall.tidalThreshold),
    disclosure(input),
    slogan(p),
  ];
}
