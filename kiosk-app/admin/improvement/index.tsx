// 整改提升 (DB21/T 4402 §11.2): the month's improvement records — problem, where it came from, measure, responsible
// person, due date, result — with the month's 差评 reasons and lowest items and windows offered as starting points.
// The 大厅负责人 adds and closes records (a closed one appears in the 整改公示 on the board and the kiosk); the 值班长 reads.
import { useEffect, useState } from 'preact/hooks';
import { useModel } from '@preact/signals';
import { ImprovementEndpoints, type ImprovementRecord } from '../../../protocol/hall/improvement.ts';
import { chineseDate } from '../../../protocol/bridge/ticket/slip.ts';
import { call, HallApiError } from '../../shared/hall/api.ts';
import { session } from '../../shared/hall/session.ts';
import { staffMayCall, type DeclaredAccess } from '../../../protocol/hall/access.ts';
import { ImprovementModel, startingPoints } from './model.ts';
import { RecordForm } from './RecordForm.tsx';
import './improvement.css';

type Model = InstanceType<typeof ImprovementModel>;

function staffMay(endpoint: DeclaredAccess): boolean {
  const role = session.value?.principal.staffRole;
  return role != null && staffMayCall(endpoint, role);
}

export default function Improvement() {
  const model = useModel(() => new ImprovementModel({
    canWrite: staffMay(ImprovementEndpoints.create),
    list: (month) => call(ImprovementEndpoints.list, { query: month ? { month } : {} }),
    create: (input) => call(ImprovementEndpoints.create, { body: input }),
    close: (id, result) => call(ImprovementEndpoints.close, { params: { id }, body: { result } }),
    messageOf: (err, fallback) => (err instanceof HallApiError ? err.message : fallback),
  }));
  useEffect(() => {
    void model.load(null);
  }, [model]);
  const data = model.data.value;
  const month = model.month.value;

  return (
    <section class="improvement" aria-labelledby="improvement-title">
      <div class="improvement-head">
        <h1 id="improvement-title">整改提升</h1>
        <form class="improvement-month" onSubmit={(e) => { e.preventDefault(); void model.load(month); }}>
          <label>
            月份
            <input type="month" value={month} onInput={(e) => (model.month.value = e.currentTarget.value)} required />
          </label>
          <button type="submit">查询</button>
        </form>
      </div>
      {model.error.value && <p role="alert" class="admin-error">{model.error.value}</p>}
      {model.notice.value && <p role="status">{model.notice.value}</p>}
      {data && (
        <>
          {model.formOpen.value ? <RecordForm model={model} /> : <StartingPoints model={model} />}
          <h2>整改记录</h2>
          {data.records.length === 0 ? <p>本月还没有整改记录。</p> : <RecordsTable model={model} records={data.records} />}
          {!model.canWrite.value && <p>整改记录由大厅负责人新增和办结，值班长可以查看。</p>}
        </>
      )}
    </section>
  );
}

/** The month's 差评 reasons and lowest items and windows; the 大厅负责人 starts a record from one, or from scratch. */
function StartingPoints({ model }: { model: Model }) {
  const points = model.data.value ? startingPoints(model.data.value) : [];
  return (
    <>
      <div class="improvement-head">
        <h2>{`${Number(model.month.value.slice(5))}月问题来源`}</h2>
        {model.canWrite.value && <button type="button" onClick={() => model.openForm()}>新增整改记录</button>}
      </div>
      {points.length === 0 ? (
        <p>本月没有差评，也没有满意率偏低的事项或窗口。</p>
      ) : (
        <ul class="improvement-points" data-testid="improvement-points">
          {points.map((p) => (
            <li key={p.source}>
              <span>{p.source}</span>
              {model.canWrite.value && (
                <button type="button" onClick={() => model.startFrom(p)} aria-label={`以“${p.problem}”作为整改问题`}>作为整改问题</button>
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function RecordsTable({ model, records }: { model: Model; records: ImprovementRecord[] }) {
  return (
    <table class="admin-table improvement-table">
      <thead>
        <tr>
          <th scope="col">问题</th>
          <th scope="col">来源</th>
          <th scope="col">整改措施</th>
          <th scope="col">责任人</th>
          <th scope="col">完成时限</th>
          <th scope="col">整改结果</th>
        </tr>
      </thead>
      <tbody>
        {records.map((r) => (
          <tr key={r.id}>
            <th scope="row">{r.problem}</th>
            <td>{r.source}</td>
            <td>{r.measure}</td>
            <td>{r.responsible}</td>
            <td>{chineseDate(r.dueOn)}</td>
            <td>
              {r.result !== null ? (
                <span class={r.closedOn !== null && r.closedOn > r.dueOn ? 'admin-error' : 'admin-ok'}>
                  {`${r.result}（${chineseDate(r.closedOn ?? r.dueOn)}办结${r.closedOn !== null && r.closedOn > r.dueOn ? '，超期' : ''}）`}
                </span>
              ) : model.canWrite.value ? (
                <CloseForm model={model} record={r} />
              ) : (
                '整改中'
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function CloseForm({ model, record }: { model: Model; record: ImprovementRecord }) {
  const [result, setResult] = useState('');
  return (
    <form class="improvement-close" onSubmit={(e) => { e.preventDefault(); void model.close(record, result.trim()); }}>
      <label>
        整改结果
        <input value={result} onInput={(e) => setResult(e.currentTarget.value)} required minLength={2} maxLength={400} />
      </label>
      <button type="submit" disabled={model.busy.value || result.trim().length < 2} aria-label={`办结“${record.problem}”`}>办结</button>
    </form>
  );
}
