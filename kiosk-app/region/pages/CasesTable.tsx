// A table of 差评 cases: overdue ones first and marked red, with the working days left to the deadline.
import type { RegionCase } from '../../../protocol/region/console.ts';

function due(c: RegionCase): string {
  if (c.workingDaysLeft === null) return `已办结（${c.closedOn ?? c.dueOn}）`;
  if (c.overdue) return `已逾期 ${Math.max(1, -c.workingDaysLeft)} 个工作日`;
  return c.workingDaysLeft === 0 ? '今天到期' : `还剩 ${c.workingDaysLeft} 个工作日`;
}

export function CasesTable({ cases, withSite = true }: { cases: RegionCase[]; withSite?: boolean }) {
  if (cases.length === 0) return <p>没有差评案件。</p>;
  return (
    <table class="admin-table region-table">
      <thead>
        <tr>
          {withSite && <th scope="col">站点</th>}<th scope="col">事项</th><th scope="col">工作人员</th><th scope="col">差评原因与意见</th>
          <th scope="col">状态</th><th scope="col">受理日</th><th scope="col">整改期限</th>
        </tr>
      </thead>
      <tbody>
        {cases.map((c) => (
          <tr key={`${c.siteId}/${c.caseId}`} class={c.overdue ? 'region-row-overdue' : undefined}>
            {withSite && <th scope="row">{c.siteName}</th>}
            <td>{c.serviceName}</td>
            <td>{c.staffName || '—'}</td>
            <td>{[c.reasons.join('、'), c.maskedComment].filter(Boolean).join('；') || '—'}</td>
            <td>{c.state}</td>
            <td>{c.openedOn}</td>
            <td><strong>{c.dueOn}</strong><br />{due(c)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
