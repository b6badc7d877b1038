// 容缺补正: the 容缺受理 whose materials are still to come, soonest due first, with a reminder when 2 working days or
// fewer are left and 已逾期 once lapsed (DB21/T 4402 §9.5.10); 已补齐 closes one. The month's figures on top.
import { useEffect, useState } from 'preact/hooks';
import { DeferralEndpoints, type DeferralListResponse, type DeferralView } from '../../../protocol/hall/deferrals.ts';
import { chineseDate } from '../../../protocol/bridge/ticket/slip.ts';
import { call, HallApiError } from '../../shared/hall/api.ts';

function stateText(d: DeferralView): string {
  if (d.state === 'lapsed') return '已逾期，视为放弃申请，请按退件办结并通知群众';
  if (d.workingDaysLeft === 0) return '今天到期，请提醒群众补交';
  return d.remind ? `还剩 ${d.workingDaysLeft} 个工作日，请提醒群众补交` : `还剩 ${d.workingDaysLeft} 个工作日`;
}

export default function Deferrals() {
  const [data, setData] = useState<DeferralListResponse | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const load = async () => {
    try {
      setData(await call(DeferralEndpoints.list));
    } catch (err) {
      setMessage(err instanceof HallApiError ? err.message : '容缺补正记录获取失败，请稍后再试');
    }
  };
  useEffect(() => {
    void load();
  }, []);
  const supplied = async (d: DeferralView) => {
    try {
      await call(DeferralEndpoints.supplied, { params: { id: d.id } });
      setMessage(`已记录 ${d.ticketNumber} 的材料已补齐`);
      await load();
    } catch (err) {
      setMessage(err instanceof HallApiError ? err.message : '操作失败，请稍后再试');
    }
  };
  const s = data?.stats;
  const reminders = data?.pending.filter((d) => d.remind || d.state === 'lapsed').length ?? 0;
  return (
    <section aria-labelledby="deferrals-title">
      <h1 id="deferrals-title">容缺补正</h1>
      {s && (
        <p class="admin-summary" data-testid="deferral-stats">
          {`${Number(s.month.slice(5))}月容缺受理 ${s.accepted} 件：已补齐 ${s.supplied} 件，待补正 ${s.open} 件，逾期 ${s.lapsed} 件。`}
        </p>
      )}
      {reminders > 0 && (
        <p class="admin-alerts" role="alert" data-testid="deferral-reminder">{`有 ${reminders} 件容缺受理即将到期或已逾期，请及时提醒群众补交。`}</p>
      )}
      <p role="status">{message ?? ''}</p>
      {data && data.pending.length === 0 && <p>目前没有待补正的容缺受理。</p>}
      {data && data.pending.length > 0 && (
        <table class="admin-table">
          <thead>
            <tr>
              <th scope="col">号码</th>
              <th scope="col">事项</th>
              <th scope="col">群众</th>
              <th scope="col">后补材料</th>
              <th scope="col">受理日</th>
              <th scope="col">补正期限</th>
              <th scope="col">状态</th>
              <th scope="col">操作</th>
            </tr>
          </thead>
          <tbody>
            {data.pending.map((d) => (
              <tr key={d.id}>
                <th scope="row">{d.ticketNumber}</th>
                <td>{d.serviceName}（{d.window}号窗口）</td>
                <td>{d.maskedName ?? '—'}</td>
                <td>{d.materials.join('、')}</td>
                <td>{chineseDate(d.acceptedOn)}</td>
                <td>{chineseDate(d.dueOn)}</td>
                <td class={d.remind || d.state === 'lapsed' ? 'admin-error' : ''}>{stateText(d)}</td>
                <td>
                  <button type="button" onClick={() => void supplied(d)} aria-label={`${d.ticketNumber} 材料已补齐`}>已补齐</button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
