// 新增整改记录: problem and source (a starting point fills both), measure, responsible person and due date.
import type { ImprovementModel } from './model.ts';

type Model = InstanceType<typeof ImprovementModel>;

const FIELDS = [
  { field: 'problem', label: '问题', max: 200 },
  { field: 'source', label: '来源（差评原因或统计）', max: 200 },
  { field: 'measure', label: '整改措施', max: 400 },
  { field: 'responsible', label: '责任人', max: 40 },
  { field: 'dueOn', label: '完成时限', max: 10 },
] as const;

export function RecordForm({ model }: { model: Model }) {
  const draft = model.draft.value;
  return (
    <form class="improvement-form" aria-label="新增整改记录" onSubmit={(e) => { e.preventDefault(); void model.create(); }}>
      <h2>新增整改记录</h2>
      {FIELDS.map(({ field, label, max }) => (
        <label key={field} class={`is-${field}`}>
          {label}
          {field === 'dueOn' ? (
            <input type="date" value={draft[field]} required onInput={(e) => model.edit(field, e.currentTarget.value)} />
          ) : (
            <input type="text" value={draft[field]} maxLength={max} required onInput={(e) => model.edit(field, e.currentTarget.value)} />
          )}
        </label>
      ))}
      <div class="improvement-form-actions">
        <button type="submit" disabled={model.busy.value}>保存整改记录</button>
        <button type="button" onClick={() => model.cancelForm()}>取消</button>
      </div>
    </form>
  );
}
