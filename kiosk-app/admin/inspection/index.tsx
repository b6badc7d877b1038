// 示范点自查: each indicator of the 示范点 standard the software can see, with its clause, the hall's figure and
// 达标/未达标, for a month; 打印 gives an A4 report in Chinese to hand to an inspector.
import { useEffect } from 'preact/hooks';
import { useModel } from '@preact/signals';
import { STATUS_LABELS } from '../../../protocol/hall/inspection.ts';
import { hallDateTime } from '../../../protocol/rules/hall-time.ts';
import { InspectionModel } from './model.ts';
import './inspection.css';

export default function Inspection() {
  const model = useModel(InspectionModel);
  useEffect(() => {
    void model.load('');
  }, [model]);
  const report = model.report.value;

  return (
    <section class="inspection" aria-labelledby="inspection-title">
      <div class="inspection-head">
        <h1 id="inspection-title">示范点自查</h1>
        <form
          class="inspection-form no-print"
          onSubmit={(e) => {
            e.preventDefault();
            void model.load(model.month.value);
          }}
        >
          <label>
            月份
            <input type="month" value={model.month.value} onInput={(e) => (model.month.value = e.currentTarget.value)} required />
          </label>
          <button type="submit" disabled={model.busy.value}>查询</button>
          <button type="button" disabled={!report} onClick={() => window.print()}>打印自查报告</button>
        </form>
      </div>
      {model.error.value && <p role="alert">{model.error.value}</p>}
      {report && (
        <article class="inspection-report" aria-label="自查报告">
          <h2 class="inspection-report-title">{report.hallName} · {report.month.slice(0, 4)}年{Number(report.month.slice(5))}月 医疗保障服务窗口示范点自查报告</h2>
          <p class="inspection-summary" role="status">
            {`共 ${report.indicators.length} 项：达标 ${report.passed} 项，未达标 ${report.failed} 项，本月无数据 ${report.indicators.length - report.passed - report.failed} 项。`}
          </p>
          <table class="inspection-table">
            <thead>
              <tr>
                <th scope="col">指标</th>
                <th scope="col">依据条款</th>
                <th scope="col">要求</th>
                <th scope="col">本厅情况</th>
                <th scope="col">结论</th>
              </tr>
            </thead>
            <tbody>
              {report.indicators.map((i) => (
                <tr key={i.id} data-indicator={i.id}>
                  <th scope="row">{i.title}</th>
                  <td>{i.clause}</td>
                  <td>{i.target}</td>
                  <td>
                    {i.figure}
                    {i.detail && <span class="inspection-detail">{i.detail}</span>}
                  </td>
                  <td class={`inspection-status is-${i.status}`}>{STATUS_LABELS[i.status]}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p class="inspection-foot">
            {`数据来源：本厅叫号、好差评、差评回访记录和内容包（第 ${report.packVersion} 版），生成于 ${hallDateTime(report.generatedAt)}。`}
            {'党（团）徽佩戴、人员培训、着装等须现场核查的指标不在本表内。'}
          </p>
          <p class="inspection-sign">自查负责人（签字）：＿＿＿＿＿＿＿＿　　日期：＿＿＿＿＿＿＿＿</p>
        </article>
      )}
    </section>
  );
}
