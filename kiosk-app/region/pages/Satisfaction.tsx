// 满意度: a month by site, level, item and staff, each against the 90 % line, with 好差评 coverage.
import { useState } from 'preact/hooks';
import { CONSOLE_ENDPOINTS, type SatisfactionRow } from '../../../protocol/region/console.ts';
import { call } from '../api.ts';
import { percent } from '../format.ts';
import { recentMonths, thisMonth } from '../today.ts';
import { useLoad } from '../useLoad.ts';

function Table({ title, rows, withSite, withCoverage }: { title: string; rows: SatisfactionRow[]; withSite?: boolean; withCoverage?: boolean }) {
  const id = `sat-${title}`;
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {rows.length === 0 ? <p>本月没有评价。</p> : (
        <table class="admin-table region-table">
          <thead>
            <tr>
              <th scope="col">{title.replace('按', '')}</th>{withSite && <th scope="col">站点</th>}<th scope="col">评价数</th><th scope="col">差评</th>
              <th scope="col">满意率</th><th scope="col">平均分</th>{withCoverage && <th scope="col">评价覆盖率</th>}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key} class={r.belowTarget ? 'region-row-alert' : undefined}>
                <th scope="row">{r.label}</th>{withSite && <td>{r.siteName}</td>}<td>{r.rated}</td><td>{r.bad}</td>
                <td>{percent(r.satisfaction)}{r.belowTarget ? '（低于 90%）' : ''}</td>
                <td>{r.average === null ? '—' : r.average.toFixed(2)}</td>{withCoverage && <td>{percent(r.coverage)}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

export function Satisfaction() {
  const [month, setMonth] = useState(thisMonth());
  const { data, error } = useLoad(() => call(CONSOLE_ENDPOINTS.satisfaction, { query: { month } }), [month]);
  return (
    <section aria-labelledby="sat-title">
      <h1 id="sat-title">满意度统计</h1>
      <label class="region-inline">统计月份
        <select value={month} onChange={(e) => setMonth((e.currentTarget as HTMLSelectElement).value)}>
          {recentMonths(thisMonth(), 12).map((m) => <option key={m} value={m}>{m.slice(0, 4)}年{Number(m.slice(5))}月</option>)}
        </select>
      </label>
      {error && <p class="admin-error" role="alert">{error}</p>}
      {!data && !error && <p role="status">正在统计…</p>}
      {data && (
        <>
          <p class={data.region.belowTarget ? 'admin-error' : 'admin-summary'}>
            全区域 {data.region.rated} 次评价，满意率 {percent(data.region.satisfaction)}（目标 {percent(data.target)}），好差评覆盖率 {percent(data.region.coverage)}。
          </p>
          <Table title="按站点" rows={data.bySite} withCoverage />
          <Table title="按层级" rows={data.byLevel} withCoverage />
          <Table title="按事项" rows={data.byItem} withCoverage />
          <Table title="按工作人员" rows={data.byStaff} withSite />
        </>
      )}
    </section>
  );
}
