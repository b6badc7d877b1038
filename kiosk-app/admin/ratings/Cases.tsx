// 差评 follow-up: every case with its deadline, due-soon/overdue flags (text + icon, not colour alone) and transitions.
import { useModel } from '@preact/signals';
import type { CaseView } from '../../../protocol/hall/ratings.ts';
import { ACTION_LABELS, DUE_FLAG_LABELS } from '../../../protocol/hall/cases.ts';
import { hallDateTimeOf } from '../../shared/hall/hall-clock.ts';
import { levelLabel } from '../../../protocol/rules/levels.ts';
import { caseAction, listCases } from './data.ts';
import { CasesModel, type CasesState } from './model.ts';

const FLAG_ICON: Record<CaseView['flag'], string> = {
  overdue: '⛔',
  due_soon: '⏰',
  on_track: '',
  closed_on_time: '✓',
  closed_late: '✓',
  withdrawn: '↩',
};

export function Cases() {
  const model = useModel(() => new CasesModel({ list: listCases, act: caseAction }));
  const cases = model.cases.value;
  const current = model.selected.value;
  return (
    <section class="rt-cases" aria-labelledby="rt-cases-title">
      <div class="rt-toolbar">
        <h2 id="rt-cases-title">差评回访整改</h2>
        <label class="rt-check">
          <input type="checkbox" checked={model.openOnly.value} onChange={(e) => model.showOpenOnly(e.currentTarget.checked)} />
          只看未办结
        </label>
        <span>今天：{model.today.value}</span>
      </div>
      {model.error.value && (
        <p role="alert" class="rt-error">
          {model.error.value}
        </p>
      )}
      {cases && cases.length > 0 && (
        <p class="rt-summary" role="status">
          共 {cases.length} 条；即将到期 {model.dueSoon.value} 条；已超期 {model.overdue.value} 条
        </p>
      )}
      {cases && cases.length === 0 && <p>暂无差评记录。</p>}
      {cases && cases.length > 0 && (
        <table class="rt-table">
          <thead>
            <tr>
              <th scope="col">办件编号 / 号码</th>
              <th scope="col">窗口</th>
              <th scope="col">工作人员</th>
              <th scope="col">事项</th>
              <th scope="col">评价</th>
              <th scope="col">原因</th>
              <th scope="col">回访电话</th>
              <th scope="col">状态</th>
              <th scope="col">办结期限</th>
              <th scope="col">操作</th>
            </tr>
          </thead>
          <tbody>
            {cases.map((c) => (
              <tr key={c.id} data-flag={c.flag} data-testid={`case-${c.id}`}>
                <td>
                  {c.caseNumber}
                  <br />
                  {c.ticketNumber}
                </td>
                <td>{c.window}号</td>
                <td>{c.staffName ? `${c.staffName}（${c.staffId}）` : '未签到'}</td>
                <td>{c.serviceName}</td>
                <td>{levelLabel(c.score)}</td>
                <td>{[...c.reasons, c.comment].filter(Boolean).join('；')}</td>
                <td>{c.phone || '未留'}</td>
                <td>{c.state}</td>
                <td>
                  <span class="rt-due">{c.dueOn}</span>
                  <span class="rt-flag" data-flag={c.flag}>
                    {FLAG_ICON[c.flag] && <span aria-hidden="true">{FLAG_ICON[c.flag]} </span>}
                    {DUE_FLAG_LABELS[c.flag]}
                    {(c.flag === 'on_track' || c.flag === 'due_soon') && `（剩 ${c.workingDaysLeft} 个工作日）`}
                    {c.flag === 'overdue' && `（超 ${-c.workingDaysLeft} 个工作日）`}
                  </span>
                </td>
                <td>
                  <button type="button" class="rt-btn" onClick={() => model.select(c.id)}>
                    处理 {c.ticketNumber}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {current && <CaseDetail c={current} model={model} />}
    </section>
  );
}

function CaseDetail({ c, model }: { c: CaseView; model: CasesState }) {
  const error = model.actionError.value;
  return (
    <section class="rt-detail" aria-labelledby="rt-detail-title">
      <h3 id="rt-detail-title">
        差评处理：{c.caseNumber}（{c.state}，期限 {c.dueOn}）
      </h3>
      <ol class="rt-steps">
        <li>
          {c.openedOn} 收到差评：{levelLabel(c.score)}，{[...c.reasons, c.comment].filter(Boolean).join('；')}
        </li>
        {c.steps.map((s) => (
          <li key={s.at + s.action}>
            {hallDateTimeOf(s.at).slice(0, 16)} {s.by}：{ACTION_LABELS[s.action]}（{s.from} → {s.to}）— {s.note}
          </li>
        ))}
      </ol>
      {c.allowedActions.length > 0 ? (
        <>
          <label class="rt-note">
            <span>处理说明（必填）</span>
            <textarea rows={3} maxLength={500} value={model.note.value} onInput={(e) => model.setNote(e.currentTarget.value)} />
          </label>
          <div class="rt-actions">
            {c.allowedActions.map((a) => (
              <button type="button" key={a} class="rt-btn" data-variant={a === 'appeal' ? 'quiet' : 'primary'} disabled={model.busy.value} onClick={() => void model.run(a)}>
                {ACTION_LABELS[a]}
              </button>
            ))}
          </div>
        </>
      ) : (
        <p>本条差评已{c.state === '申诉撤销' ? '经申诉复核撤销，不计入统计' : '办结'}。</p>
      )}
      {error && (
        <p role="alert" class="rt-error">
          {error}
        </p>
      )}
      <button type="button" class="rt-btn" data-variant="quiet" onClick={() => model.select(null)}>
        关闭
      </button>
    </section>
  );
}
