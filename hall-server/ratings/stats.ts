// Statistics for the console from the per-day aggregate, the 差评 cases and (through QueueTimes) the queue's timings.
import type { Database } from 'better-sqlite3';
import type { Pack } from '../../content/schema/index.ts';
import type { StatsGroup, StatsRow } from '../../protocol/hall/ratings.ts';
import { SATISFACTION_TARGET, rates } from '../../protocol/rules/rating-stats.ts';
import { weekOf } from '../../protocol/rules/workdays.ts';
import type { QueueTimes, Timings } from '../queue/reader.ts';


const COUNTS = ['finished', 'rated', 'unrated', 'bad', 'score_sum', 'cases', 'closed', 'closed_on_time'] as const;

type Agg = { key: string } & Record<(typeof COUNTS)[number], number>;

/** Per 好差评 channel the figures come from the ratings themselves: the daily aggregate has no channel, and a ticket
 * finished but not rated has none (so coverage stays "—"). */
const CHANNEL_SQL = `SELECT r.source AS key, 0 AS finished, sum(r.counted) AS rated, 0 AS unrated,
    sum(CASE WHEN r.counted = 1 AND r.bad = 1 THEN 1 ELSE 0 END) AS bad, sum(CASE WHEN r.counted = 1 THEN r.score ELSE 0 END) AS score_sum,
    count(c.id) AS cases, count(c.closed_on) AS closed, sum(CASE WHEN c.closed_on <= c.due_on THEN 1 ELSE 0 END) AS closed_on_time
  FROM ratings r LEFT JOIN rating_cases c ON c.rating_id = r.id WHERE r.day BETWEEN ? AND ? GROUP BY 1`;

const CHANNEL_LABELS: Record<string, string> = { touch: '评价器（触屏）', keypad: '评价器（按键）', qr: '二维码（手机扫码）' };

const SQL_KEY: Record<Exclude<StatsGroup, 'channel'>, string> = {
  day: 'day',
  week: 'day',
  month: 'substr(day, 1, 7)',
  window: 'CAST(window AS TEXT)',
  staff: 'staff_id',
  service: 'service_code',
};

export function computeStats(
  db: Database,
  pack: Pack,
  from: string,
  to: string,
  group: StatsGroup,
  queue: QueueTimes | null,
): { total: StatsRow; rows: StatsRow[]; target: number } {
  const aggs = db
    .prepare(
      group === 'channel' ? CHANNEL_SQL : `SELECT ${SQL_KEY[group]} AS key, sum(finished) AS finished, sum(rated) AS rated, sum(unrated) AS unrated,
        sum(bad) AS bad, sum(score_sum) AS score_sum, sum(cases) AS cases, sum(closed) AS closed, sum(closed_on_time) AS closed_on_time
       FROM rating_daily WHERE day BETWEEN ? AND ? GROUP BY 1`,
    )
    .all(from, to) as Agg[];

  const fold = group === 'week' ? weekOf : (k: string) => k;
  const byKey = new Map<string, Agg>();
  for (const a of aggs) {
    const key = fold(a.key);
    const e = byKey.get(key);
    if (!e) byKey.set(key, { ...a, key });
    else for (const k of COUNTS) e[k] += a[k];
  }

  const timings = group === 'channel' ? new Map<string, Timings>() : queue?.timings(from, to, group) ?? new Map<string, Timings>();
  const idle = group === 'window' ? (queue?.idle(from, to) ?? new Map<number, number>()) : null;
  const label = labeller(pack, group);
  const toRow = (e: Agg, rowLabel: string): StatsRow => {
    const r = rates(
      { finished: e.finished, rated: e.rated, bad: e.bad, scoreSum: e.score_sum, unrated: e.unrated },
      { cases: e.cases, closed: e.closed, closedOnTime: e.closed_on_time },
    );
    const t = timings.get(e.key);
    return {
      key: e.key, label: rowLabel, finished: e.finished, rated: e.rated, unrated: e.unrated, bad: e.bad,
      satisfaction: r.satisfaction, average: r.average, coverage: r.coverage, cases: e.cases, closure: r.closure, onTime: r.onTime,
      avgWaitSeconds: t?.wait ?? null, avgServiceSeconds: t?.service ?? null, avgWalkSeconds: t?.walk ?? null,
      idleSeconds: idle ? (idle.get(Number(e.key)) ?? null) : null,
    };
  };
  const rows = [...byKey.values()].sort((a, b) => a.key.localeCompare(b.key, 'en', { numeric: true })).map((e) => toRow(e, label(e.key)));
  const sum: Agg = { key: 'total', finished: 0, rated: 0, unrated: 0, bad: 0, score_sum: 0, cases: 0, closed: 0, closed_on_time: 0 };
  for (const e of byKey.values()) for (const k of COUNTS) sum[k] += e[k];
  const overall = queue?.timings(from, to, 'all').get('all');
  const total = { ...toRow(sum, '合计'), avgWaitSeconds: overall?.wait ?? null, avgServiceSeconds: overall?.service ?? null, avgWalkSeconds: overall?.walk ?? null };
  return { total, rows, target: SATISFACTION_TARGET };
}

function labeller(pack: Pack, group: StatsGroup): (key: string) => string {
  switch (group) {
    case 'day':
      return (k) => k;
    case 'week':
      return (k) => `${k} 当周`;
    case 'month': {
      return (k) => `${k.slice(0, 4)}年${Number(k.slice(5, 7))}月`;
    }
    case 'window':
      return (k) => pack.windows.find((w) => String(w.number) === k)?.name ?? `${k}号窗口`;
    case 'staff':
      return (k) => {
        if (k === '') return '未签到';
        const s = pack.staff.find((x) => x.id === k);
        return s ? `${s.name}（${s.id}）` : `工号 ${k}`;
      };
    case 'service':
      return (k) => pack.services.find((s) => s.code === k)?.name ?? k;
    case 'channel':
      return (k) => CHANNEL_LABELS[k] ?? k;
  }
}
