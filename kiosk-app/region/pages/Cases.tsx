// 差评督办: every 差评 case of every site, overdue first (red), with its working-day deadline.
import { CONSOLE_ENDPOINTS } from '../../../protocol/region/console.ts';
import { call } from '../api.ts';
import { useLoad } from '../useLoad.ts';
import { CasesTable } from './CasesTable.tsx';

export function Cases() {
  const { data, error } = useLoad(() => call(CONSOLE_ENDPOINTS.cases), []);
  if (error) return <p class="admin-error" role="alert">{error}</p>;
  if (!data) return <p role="status">正在加载差评案件…</p>;
  const overdue = data.cases.filter((c) => c.overdue).length;
  const open = data.cases.filter((c) => c.workingDaysLeft !== null).length;
  return (
    <section aria-labelledby="cases-title">
      <h1 id="cases-title">差评督办</h1>
      <p class={overdue > 0 ? 'admin-error' : 'admin-summary'}>
        今天 {data.today}：未办结 {open} 件，其中已逾期 {overdue} 件（逾期的排在最前并以红色标出）。
      </p>
      <CasesTable cases={data.cases} />
    </section>
  );
}
