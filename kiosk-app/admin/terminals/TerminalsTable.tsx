import type { TerminalView } from '../../../protocol/hall/index.ts';
import { DEVICE_STATE_LABELS, formatTime, ROLE_LABELS } from '../labels.ts';

export function TerminalsTable({ terminals, onRevoke }: { terminals: TerminalView[]; onRevoke: (t: TerminalView) => void }) {
  if (terminals.length === 0) return <p>还没有配对的终端。请在上方生成配对码，在终端上输入。</p>;
  return (
    <table class="admin-table">
      <thead>
        <tr>
          <th scope="col">名称</th><th scope="col">类型</th><th scope="col">在线</th><th scope="col">最近联系</th>
          <th scope="col">内容包版本</th><th scope="col">设备状态</th><th scope="col">操作</th>
        </tr>
      </thead>
      <tbody>
        {terminals.map((t) => (
          <tr key={t.id} data-revoked={t.revoked ? 'true' : undefined}>
            <th scope="row">{t.name}{t.revoked ? '（已吊销）' : ''}</th>
            <td>{ROLE_LABELS[t.role] ?? t.role}{t.window ? ` · ${t.window}号窗口` : ''}</td>
            <td>{t.revoked ? '—' : t.online ? '● 在线' : '○ 离线'}</td>
            <td>{formatTime(t.lastSeen)}</td>
            <td>{t.packVersion === null ? '—' : `第 ${t.packVersion} 版`}</td>
            <td>
              {t.devices.length === 0 ? '—' : (
                <ul class="admin-devices">
                  {t.devices.map((d) => (
                    <li key={d.device}>{d.device}：{DEVICE_STATE_LABELS[d.state]}{d.reason ? `（${d.reason}）` : ''}</li>
                  ))}
                </ul>
              )}
            </td>
            <td>
              {t.revoked ? '—' : (
                <button type="button" class="admin-danger-outline" aria-label={`吊销 ${t.name}`} onClick={() => onRevoke(t)}>吊销</button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
