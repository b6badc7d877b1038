import type { WindowView } from '../../../protocol/hall/index.ts';
import { STATUS_LABELS } from '../labels.ts';

function windowState(w: WindowView): string {
  if (w.paused) return w.tidal ? '潮汐窗口·未开启' : '暂停服务';
  if (!w.staffId) return '未签到';
  if (w.current) return STATUS_LABELS[w.current.status];
  return '空闲';
}

export function WindowsTable({ windows }: { windows: WindowView[] }) {
  return (
    <section aria-labelledby="windows-title">
      <h2 id="windows-title">窗口</h2>
      <table class="admin-table">
        <thead>
          <tr><th scope="col">窗口</th><th scope="col">状态</th><th scope="col">工作人员</th><th scope="col">当前号</th><th scope="col">挂起</th></tr>
        </thead>
        <tbody>
          {windows.map((w) => (
            <tr key={w.number}>
              <th scope="row">{w.number}号 {w.name}</th>
              <td>{windowState(w)}</td>
              <td>{w.staffId ? `${w.staffName ?? ''}（工号 ${w.staffId}）` : '—'}</td>
              <td>{w.current ? `${w.current.number}（${w.current.serviceName}）` : '—'}</td>
              <td>{w.held.length ? w.held.map((t) => t.number).join('、') : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
