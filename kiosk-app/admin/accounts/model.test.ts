import { describe, expect, it, vi } from 'vitest';
import type { AccountView, SessionView } from '../../../protocol/hall/index.ts';
import { AccountsModel, type AccountsDeps } from './model.ts';

const account: AccountView = {
  id: 'a2', name: '王芳', staffNo: '1002', role: 'callback', disabled: false, createdAt: '2026-11-23T01:00:00.000Z', createdBy: '张三',
};
const mySession: SessionView = {
  id: 's1', accountId: 'a1', name: '张三', staffNo: '1001', role: 'owner', startedAt: '2026-11-23T01:00:00.000Z',
  expiresAt: '2026-11-23T13:00:00.000Z', lastSeen: null, address: '127.0.0.1', current: true,
};

function hall(isOwner: boolean) {
  const refused = new Error('refused');
  const deps: AccountsDeps = {
    isOwner,
    listAccounts: vi.fn(() => Promise.resolve([account])),
    listSessions: vi.fn(() => Promise.resolve([mySession])),
    setDisabled: vi.fn(() => Promise.resolve({ ...account, disabled: true })),
    revokeSession: vi.fn(() => Promise.reject(refused)),
    messageOf: (err, fallback) => (err === refused ? '只能结束本人的会话' : fallback),
  };
  return deps;
}

describe('账号与会话 model', () => {
  it('lists accounts to the 大厅负责人 and sessions to everyone', async () => {
    const owner = new AccountsModel(hall(true));
    await vi.waitFor(() => expect(owner.sessions.value).toEqual([mySession]));
    expect(owner.accounts.value).toEqual([account]);
    const deps = hall(false);
    const lead = new AccountsModel(deps);
    await vi.waitFor(() => expect(lead.sessions.value).toEqual([mySession]));
    expect(lead.accounts.value).toBeNull();
    expect(deps.listAccounts).not.toHaveBeenCalled();
  });

  it('disables an account, says so and reloads', async () => {
    const deps = hall(true);
    const model = new AccountsModel(deps);
    await vi.waitFor(() => expect(model.sessions.value).not.toBeNull());
    await model.toggle(account);
    expect(deps.setDisabled).toHaveBeenCalledWith('a2', true);
    expect(model.notice.value).toBe('已停用 王芳 的账号，其会话已全部结束');
    expect(model.error.value).toBeNull();
    expect(deps.listSessions).toHaveBeenCalledTimes(2);
  });

  it('shows the hall’s reason when ending a session is refused', async () => {
    const model = new AccountsModel(hall(false));
    await vi.waitFor(() => expect(model.sessions.value).not.toBeNull());
    await model.revoke(mySession);
    expect(model.notice.value).toBeNull();
    expect(model.error.value).toBe('只能结束本人的会话');
  });
});
