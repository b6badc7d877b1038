// A site's 示范点自查 on its page: the newest month its hall reported, each indicator with its clause, the hall's figure
// and 达标/未达标, or a plain sentence when the hall has not reported one yet.
import { STATUS_LABELS, type InspectionReport } from '../../../protocol/hall/inspection.ts';
import { CONSOLE_ENDPOINTS } from '../../../protocol/region/console.ts';
import { call, RegionApiError } from '../api.ts';
import { time } from '../format.ts';
import { useLoad } from '../useLoad.ts';

async function newestReport(siteId: string): Promise<{ report: InspectionReport | null }> {
  try {
    return { report: await call(CONSOLE_ENDPOINTS.siteInspection, { params: { id: siteId } }) };
  } catch (err) {
    if (err instanceof RegionApiError && err.code === 'no_inspection') return { report: null };
    throw err;
  }
}

function monthLabel(month: string): string {
  return `${month.slice(0, 4)} 年 ${Number(month.slice(5))} 月`;
}

export function SiteInspection({ siteId }: { siteId: string }) {
  const { data, error } = useLoad(() => newestReport(siteId), [siteId]);
  return (
    <section aria-labelledby="inspection-title">
      <h2 id="inspection-title">示范点自查</h2>
      {error ? <p class="admin-error" role="alert">{error}</p>
        : !data ? <p role="status">正在加载自查结果…</p>
        : <InspectionBody report={data.report} />}
    </section>
  );
}

/** The section's content once loaded: the report, or the sentence saying there is none. */
export function InspectionBody({ report }: { report: InspectionReport | null }) {
  if (!report) return <p>该站点尚未上报自查结果</p>;
  const noData = report.indicators.length - report.passed - report.failed;
  return (
    <>
      <p class="admin-summary">
        {`${monthLabel(report.month)}；内容包第 ${report.packVersion} 版；生成于 ${time(report.generatedAt)}。`}
        共 {report.indicators.length} 项：达标 <strong>{report.passed}</strong> 项，未达标 <strong>{report.failed}</strong> 项
        {noData > 0 ? `，本月无数据 ${noData} 项` : ''}。
      </p>
      <div class="region-scroll">
        <table class="admin-table region-inspection-table">
          <caption>{report.hallName} · {monthLabel(report.month)} 示范点自查结果</caption>
          <thead>
            <tr><th scope="col">条款</th><th scope="col">指标</th><th scope="col">要求</th><th scope="col">本站数据</th><th scope="col">结果</th><th scope="col">说明</th></tr>
          </thead>
          <tbody>
            {report.indicators.map((i) => (
              <tr key={i.id} class={i.status === 'fail' ? 'region-row-alert' : undefined}>
                <td>{i.clause}</td>
                <th scope="row">{i.title}</th>
                <td>{i.target}</td>
                <td>{i.figure}</td>
                <td class={`region-inspection-status is-${i.status}`}>{STATUS_LABELS[i.status]}</td>
                <td>{i.detail || '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
