// Open console sessions: who, role, from which address, since and until when; 结束会话 per row (not for one's own).
import { STAFF_ROLE_NAMES, type SessionView } from '../../../protocol/hall/index.ts';
import { hallDateTimeOf } from '../../shared/hall/hall-clock.ts';

/** "MM/DD HH:MM" in hall time. */
const time = (iso: string) => {
  const at = hallDateTimeOf(iso);
  return `${at.slice(5, 7)}/${at.slice(8, 10)} ${at.slice(11, 16)}`;
};

export function SessionsTable({ sessions, onRevoke }: { sessions: SessionView[]; onRevoke: (session: SessionView) => void }) {
  if (sessions.length === 0) return <p>没有在线会话。</p>;
  return (
    <table class="admin-table acc-table">
      <thead>
        <tr><th scope="col">姓名（工号）</th><th scope="col">角色</th><th scope="col">登录地址</th><th scope="col">登录时间</th><th scope="col">到期时间</th><th scope="col">操作</th></tr>
      </thead>
      <tbody>
        {sessions.map((s) => (
          <tr key={s.id}>
            <th scope="row">{s.name}（{s.staffNo}）{s.current && <span class="acc-current">本机</span>}</th>
            <td>{STAFF_ROLE_NAMES[s.role]}</td>
            <td>{s.address ?? '—'}</td>
            <td>{time(s.startedAt)}</td>
            <td>{time(s.expiresAt)}</td>
            <td>
              {s.current ? '—' : (
                <button type="button" class="acc-secondary" onClick={() => onRevoke(s)} aria-label={`结束 ${s.name} 的会话`}>结束会话</button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
