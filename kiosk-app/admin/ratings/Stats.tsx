// Statistics: satisfaction (with the 90% line), average score, coverage, 差评 closure and on-time, wait/walk/service/idle
// time, grouped by day … item or 好差评 channel.
import { useEffect, useState } from 'preact/hooks';
import type { StatsGroup, StatsResponse } from '../../../protocol/hall/ratings.ts';
import { percent } from '../../../protocol/rules/rating-stats.ts';
import { duration } from '../../counter/timing.ts';
import { BarChart } from './Chart.tsx';
import { stats, thisMonth } from './data.ts';

const GROUPS: { value: StatsGroup; label: string }[] = [
  { value: 'day', label: '按日' },
  { value: 'week', label: '按周' },
  { value: 'month', label: '按月' },
  { value: 'window', label: '按窗口' },
  { value: 'staff', label: '按工作人员' },
  { value: 'service', label: '按事项' },
  { value: 'channel', label: '按评价渠道' },
];

const pct = (v: number) => `${Math.round(v * 100)}%`;

export function Stats() {
  const initial = thisMonth();
  const [from, setFrom] = useState(initial.from);
  const [to, setTo] = useState(initial.to);
  const [group, setGroup] = useState<StatsGroup>('window');
  const [data, setData] = useState<StatsResponse | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = async () => {
    try {
      setData(await stats(from, to, group));
      setError(null);
    } catch (err) {
      setError((err as Error).message);
    }
  };
  useEffect(() => {
    void load();
  }, [group]);

  const t = data?.total;
  return (
    <section class="rt-stats" aria-labelledby="rt-stats-title">
      <form
        class="rt-toolbar"
        onSubmit={(e) => {
          e.preventDefault();
          void load();
        }}
      >
        <h2 id="rt-stats-title">评价统计</h2>
        <label>
          开始日期 <input type="date" value={from} onInput={(e) => setFrom(e.currentTarget.value)} />
        </label>
        <label>
          结束日期 <input type="date" value={to} onInput={(e) => setTo(e.currentTarget.value)} />
        </label>
        <label>
          统计维度{' '}
          <select value={group} onChange={(e) => setGroup(e.currentTarget.value as StatsGroup)}>
            {GROUPS.map((g) => (
              <option key={g.value} value={g.value}>
                {g.label}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" class="rt-btn" data-variant="primary">
          查询
        </button>
      </form>
      {error && (
        <p role="alert" class="rt-error">
          {error}
        </p>
      )}
      {t && data && (
        <>
          <dl class="rt-cards">
            <div>
              <dt>满意率</dt>
              <dd data-testid="total-satisfaction">
                {percent(t.satisfaction)}
                {t.satisfaction !== null && t.satisfaction < data.target && <span class="rt-below">（低于 90% 目标）</span>}
              </dd>
            </div>
            <div>
              <dt>平均分（5分制）</dt>
              <dd>{t.average === null ? '—' : t.average.toFixed(2)}</dd>
            </div>
            <div>
              <dt>评价覆盖率</dt>
              <dd>
                {percent(t.coverage)}（{t.rated}/{t.finished}）
              </dd>
            </div>
            <div>
              <dt>未评价</dt>
              <dd>{t.unrated} 次</dd>
            </div>
            <div>
              <dt>差评办结率</dt>
              <dd>{percent(t.closure)}</dd>
            </div>
            <div>
              <dt>按期办结率</dt>
              <dd>{percent(t.onTime)}</dd>
            </div>
            <div>
              <dt>平均等候</dt>
              <dd>{duration(t.avgWaitSeconds)}</dd>
            </div>
            <div>
              <dt>平均到窗</dt>
              <dd>{duration(t.avgWalkSeconds)}</dd>
            </div>
            <div>
              <dt>平均办理</dt>
              <dd>{duration(t.avgServiceSeconds)}</dd>
            </div>
          </dl>
          <div class="rt-charts">
            <BarChart
              title="满意率（虚线为 90% 目标）"
              rows={data.rows.map((r) => ({ label: r.label, value: r.satisfaction }))}
              max={1}
              target={data.target}
              format={pct}
            />
            <BarChart title="评价覆盖率" rows={data.rows.map((r) => ({ label: r.label, value: r.coverage }))} max={1} target={null} format={pct} />
          </div>
          <table class="rt-table">
            <caption class="visually-hidden">分项统计</caption>
            <thead>
              <tr>
                <th scope="col">{GROUPS.find((g) => g.value === group)?.label.slice(1)}</th>
                <th scope="col">办结</th>
                <th scope="col">评价</th>
                <th scope="col">未评价</th>
                <th scope="col">差评</th>
                <th scope="col">满意率</th>
                <th scope="col">平均分</th>
                <th scope="col">覆盖率</th>
                <th scope="col">差评办结率</th>
                <th scope="col">按期率</th>
                <th scope="col">平均等候</th>
                <th scope="col">平均到窗</th>
                <th scope="col">平均办理</th>
                {group === 'window' && <th scope="col">空闲时长</th>}
              </tr>
            </thead>
            <tbody>
              {data.rows.map((r) => (
                <tr key={r.key}>
                  <th scope="row">{r.label}</th>
                  <td>{r.finished}</td>
                  <td>{r.rated}</td>
                  <td>{r.unrated}</td>
                  <td>{r.bad}</td>
                  <td>{percent(r.satisfaction)}</td>
                  <td>{r.average === null ? '—' : r.average.toFixed(2)}</td>
                  <td>{percent(r.coverage)}</td>
                  <td>{percent(r.closure)}</td>
                  <td>{percent(r.onTime)}</td>
                  <td>{duration(r.avgWaitSeconds)}</td>
                  <td>{duration(r.avgWalkSeconds)}</td>
                  <td>{duration(r.avgServiceSeconds)}</td>
                  {group === 'window' && <td>{duration(r.idleSeconds)}</td>}
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
