// 账号与会话: the 大厅负责人 creates named accounts (姓名, 工号, role) and disables or re-enables them; everyone sees their
// open sessions (the 大厅负责人 sees everyone's) and can end one — its console disconnects at once.
import { useEffect, useState } from 'preact/hooks';
import { AccountEndpoints, type AccountView, type SessionView } from '../../../protocol/hall/index.ts';
import { call, HallApiError } from '../../shared/hall/api.ts';
import { session } from '../../shared/hall/session.ts';
import { AccountForm } from './AccountForm.tsx';
import { AccountsTable } from './AccountsTable.tsx';
import { SessionsTable } from './SessionsTable.tsx';
import './accounts.css';

export default function Accounts() {
  const isOwner = session.value?.principal.staffRole === 'owner';
  const [accounts, setAccounts] = useState<AccountView[] | null>(null);
  const [sessions, setSessions] = useState<SessionView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const load = async () => {
    try {
      if (isOwner) setAccounts((await call(AccountEndpoints.list)).accounts);
      setSessions((await call(AccountEndpoints.sessions)).sessions);
      setError(null);
    } catch (err) {
      setError(err instanceof HallApiError ? err.message : '账号与会话获取失败');
    }
  };
  useEffect(() => {
    void load();
  }, []);

  const act = async (run: () => Promise<unknown>, done: string) => {
    setNotice(null);
    try {
      await run();
      setNotice(done);
      setError(null);
    } catch (err) {
      setError(err instanceof HallApiError ? err.message : '操作失败，请稍后再试');
    }
    await load();
  };

  return (
    <div class="acc">
      <h1>账号与会话</h1>
      <p class="admin-summary">每人用自己的工号登录，审计日志记录到人。大厅负责人管理一切；值班长管理叫号、终端设备和群众求助；回访员处理差评回访。</p>
      {notice && <p role="status" class="admin-ok">✔ {notice}</p>}
      {error && <p role="alert" class="admin-error"><span aria-hidden="true">⚠ </span>{error}</p>}
      {isOwner && (
        <section aria-labelledby="acc-accounts">
          <h2 id="acc-accounts">账号</h2>
          <AccountForm onCreated={(a) => { setNotice(`已为 ${a.name}（工号 ${a.staffNo}）创建账号，请把初始密码当面交给本人。`); void load(); }} />
          {accounts === null ? <p role="status">正在加载…</p> : (
            <AccountsTable accounts={accounts} onToggle={(a) => act(
              () => call(AccountEndpoints.update, { params: { id: a.id }, body: { disabled: !a.disabled } }),
              a.disabled ? `已启用 ${a.name} 的账号` : `已停用 ${a.name} 的账号，其会话已全部结束`,
            )} />
          )}
        </section>
      )}
      <section aria-labelledby="acc-sessions">
        <h2 id="acc-sessions">{isOwner ? '在线会话' : '我的会话'}</h2>
        {sessions === null ? <p role="status">正在加载…</p> : (
          <SessionsTable sessions={sessions} onRevoke={(s) => act(
            () => call(AccountEndpoints.revokeSession, { params: { id: s.id } }),
            `已结束 ${s.name} 的会话，该管理台已断开`,
          )} />
        )}
      </section>
    </div>
  );
}
