// 账号与会话: the 大厅负责人 creates named accounts (姓名, 工号, role) and disables or re-enables them; everyone sees their
// open sessions (the 大厅负责人 sees everyone's) and can end one — its console disconnects at once.
import { useModel } from '@preact/signals';
import { AccountEndpoints } from '../../../protocol/hall/index.ts';
import { call, HallApiError } from '../../shared/hall/api.ts';
import { session } from '../../shared/hall/session.ts';
import { AccountForm } from './AccountForm.tsx';
import { AccountsModel } from './model.ts';
import { AccountsTable } from './AccountsTable.tsx';
import { SessionsTable } from './SessionsTable.tsx';
import './accounts.css';

export default function Accounts() {
  const isOwner = session.value?.principal.staffRole === 'owner';
  const model = useModel(() => new AccountsModel({
    isOwner,
    listAccounts: async () => (await call(AccountEndpoints.list)).accounts,
    listSessions: async () => (await call(AccountEndpoints.sessions)).sessions,
    setDisabled: (id, disabled) => call(AccountEndpoints.update, { params: { id }, body: { disabled } }),
    revokeSession: (id) => call(AccountEndpoints.revokeSession, { params: { id } }),
    messageOf: (err, fallback) => (err instanceof HallApiError ? err.message : fallback),
  }));
  const accounts = model.accounts.value;
  const sessions = model.sessions.value;
  const notice = model.notice.value;
  const error = model.error.value;

  return (
    <div class="acc">
      <h1>账号与会话</h1>
      <p class="admin-summary">每人用自己的工号登录，审计日志记录到人。大厅负责人管理一切；值班长管理叫号、终端设备和群众求助；回访员处理差评回访。</p>
      {notice && <p role="status" class="admin-ok">✔ {notice}</p>}
      {error && <p role="alert" class="admin-error"><span aria-hidden="true">⚠ </span>{error}</p>}
      {isOwner && (
        <section aria-labelledby="acc-accounts">
          <h2 id="acc-accounts">账号</h2>
          <AccountForm onCreated={model.created} />
          {accounts === null ? <p role="status">正在加载…</p> : (
            <AccountsTable accounts={accounts} onToggle={model.toggle} />
          )}
        </section>
      )}
      <section aria-labelledby="acc-sessions">
        <h2 id="acc-sessions">{isOwner ? '在线会话' : '我的会话'}</h2>
        {sessions === null ? <p role="status">正在加载…</p> : (
          <SessionsTable sessions={sessions} onRevoke={model.revoke} />
        )}
      </section>
    </div>
  );
}
