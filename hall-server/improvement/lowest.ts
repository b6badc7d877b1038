// The month's items and windows with the lowest satisfaction, from the ratings' per-day aggregate: starting points
// for an improvement record besides the 差评 reasons. Only those with at least one 差评 are offered.
import type { Database } from 'better-sqlite3';
import type { Pack } from '../../content/schema/index.ts';
import { rates } from '../../protocol/rules/rating-stats.ts';

export interface LowestEntry {
  kind: 'item' | 'window';
  name: string;
  rated: number;
  bad: number;
  satisfaction: number;
}

const PER_KIND = 3;

interface Sums {
  key: string | number;
  rated: number;
  bad: number;
}

export function lowestOfMonth(db: Database, pack: Pack, month: string): LowestEntry[] {
  const sums = (column: 'service_code' | 'window') =>
    db
      .prepare(`SELECT ${column} AS key, sum(rated) AS rated, sum(bad) AS bad FROM rating_daily
                WHERE day BETWEEN ? AND ? GROUP BY ${column} HAVING sum(bad) > 0`)
      .all(`${month}-01`, `${month}-31`) as Sums[];
  const entries = (kind: LowestEntry['kind'], rows: Sums[], name: (key: Sums['key']) => string): LowestEntry[] =>
    rows
      .map((r) => ({ kind, name: name(r.key), rated: r.rated, bad: r.bad, satisfaction: satisfactionOf(r) }))
      .sort((a, b) => a.satisfaction - b.satisfaction || b.bad - a.bad || a.name.localeCompare(b.name))
      .slice(0, PER_KIND);
  return [
    ...entries('item', sums('service_code'), (code) => pack.services.find((s) => s.code === code)?.name ?? String(code)),
    ...entries('window', sums('window'), (n) => windowName(pack, Number(n))),
  ];
}

function satisfactionOf(r: Sums): number {
  return rates({ finished: 0, rated: r.rated, bad: r.bad, scoreSum: 0, unrated: 0 }, { cases: 0, closed: 0, closedOnTime: 0 }).satisfaction ?? 1;
}

function windowName(pack: Pack, n: number): string {
  const name = pack.windows.find((w) => w.number === n)?.name;
  return name ? `${n}号窗口（${name}）` : `${n}号窗口`;
}
