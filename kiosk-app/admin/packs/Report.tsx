import type { z } from 'zod';
import { formatIssue } from '../../../content/validate/report.ts';
import type { ValidationReportSchema } from '../../../protocol/hall/packs.ts';

type Report = z.infer<typeof ValidationReportSchema>;

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export function ValidationReportView({ report }: { report: Report }) {
  const s = report.summary;
  return (
    <section class="pk-report" aria-labelledby="pk-report-title">
      <h3 id="pk-report-title" class={report.ok ? 'pk-ok' : 'pk-bad'}>
        {report.ok ? '✔ 校验通过' : `✘ 校验未通过：${report.errors.length} 个问题`}
      </h3>
      {s && (
        <p class="pk-summary">
          {s.title}，版本 {s.version}
          {s.sample && <span class="pk-tag">示例数据</span>}：{s.services} 个事项、{s.windows} 个窗口、{s.staff} 名工作人员、
          {s.files} 个文件（{mb(s.bytes)}）{s.signedBy ? `，签名密钥 ${s.signedBy}` : ''}
        </p>
      )}
      {report.errors.length > 0 && (
        <>
          <h4>需要修改的问题</h4>
          <ol class="pk-issues">
            {report.errors.map((e, i) => (
              <li key={i}>
                <span class="pk-issue-mark">错误</span> {formatIssue(e)}
              </li>
            ))}
          </ol>
        </>
      )}
      {report.warnings.length > 0 && (
        <>
          <h4>请留意</h4>
          <ul class="pk-issues pk-warnings">
            {report.warnings.map((w, i) => (
              <li key={i}>
                <span class="pk-issue-mark">提示</span> {formatIssue(w)}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
