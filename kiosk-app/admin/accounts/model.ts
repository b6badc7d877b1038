// The state of 账号与会话 (@preact/signals createModel): the accounts (大厅负责人 only) and open sessions the hall
// answered, and the commands on them (disable or enable an account, end a session) with what the page says after
// each. Calls reach the hall through AccountsDeps, so the model is unit-tested with fakes; index.tsx only renders it.
import { action, createModel, signal } from '@preact/signals';
import type { AccountView, SessionView } from '../../../protocol/hall/index.ts';

export interface AccountsDeps {
  /** The accounts are listed to the 大厅负责人 only. */
  isOwner: boolean;
  listAccounts(): Promise<AccountView[]>;
  listSessions(): Promise<SessionView[]>;
  setDisabled(id: string, disabled: boolean): Promise<unknown>;
  revokeSession(id: string): Promise<unknown>;
  /** The Chinese message of a failed call, or `fallback`. */
  messageOf(err: unknown, fallback: string): string;
}

export const AccountsModel = createModel((deps: AccountsDeps) => {
  const accounts = signal<AccountView[] | null>(null);
  const sessions = signal<SessionView[] | null>(null);
  const error = signal<string | null>(null);
  const notice = signal<string | null>(null);

  const load = action(async () => {
    try {
      if (deps.isOwner) accounts.value = await deps.listAccounts();
      sessions.value = await deps.listSessions();
      error.value = null;
    } catch (err) {
      error.value = deps.messageOf(err, '账号与会话获取失败');
    }
  });

  const act = async (run: () => Promise<unknown>, done: string) => {
    notice.value = null;
    let refusal: string | null = null;
    try {
      await run();
      notice.value = done;
    } catch (err) {
      refusal = deps.messageOf(err, '操作失败，请稍后再试');
    }
    await load();
    // The reload must not hide why the command was refused.
    if (refusal) error.value = refusal;
  };

  void load();

  return {
    accounts, sessions, error, notice,
    reload: load,
    created: action((a: AccountView) => {
      notice.value = `已为 ${a.name}（工号 ${a.staffNo}）创建账号，请把初始密码当面交给本人。`;
      void load();
    }),
    toggle: action((a: AccountView) =>
      act(() => deps.setDisabled(a.id, !a.disabled), a.disabled ? `已启用 ${a.name} 的账号` : `已停用 ${a.name} 的账号，其会话已全部结束`),
    ),
    revoke: action((s: SessionView) => act(() => deps.revokeSession(s.id), `已结束 ${s.name} 的会话，该管理台已断开`)),
  };
});
