import type { TicketView } from '../../../protocol/hall/index.ts';
import { formatTime, PRIORITY_LABELS } from '../labels.ts';

const SHOWN = 30;

export function WaitingList({ tickets }: { tickets: TicketView[] }) {
  return (
    <section aria-labelledby="waiting-title">
      <h2 id="waiting-title">等候中的号（按取号时间）</h2>
      {tickets.length === 0 ? (
        <p>目前没有人等候。</p>
      ) : (
        <table class="admin-table">
          <thead>
            <tr><th scope="col">号码</th><th scope="col">事项</th><th scope="col">类别</th><th scope="col">取号时间</th><th scope="col">指定窗口</th></tr>
          </thead>
          <tbody>
            {tickets.slice(0, SHOWN).map((t) => (
              <tr key={t.id}>
                <th scope="row">{t.number}</th>
                <td>{t.serviceName}</td>
                <td>{PRIORITY_LABELS[t.priority]}</td>
                <td>{formatTime(t.issuedAt)}</td>
                <td>{t.targetWindow ? `${t.targetWindow}号窗口` : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {tickets.length > SHOWN && <p>另有 {tickets.length - SHOWN} 个号未列出。</p>}
    </section>
  );
}
