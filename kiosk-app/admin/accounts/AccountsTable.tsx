// The hall's accounts with their role and state; 停用 / 启用 per row.
import { STAFF_ROLE_NAMES, type AccountView } from '../../../protocol/hall/index.ts';

export function AccountsTable({ accounts, onToggle }: { accounts: AccountView[]; onToggle: (account: AccountView) => void }) {
  return (
    <table class="admin-table acc-table">
      <thead>
        <tr><th scope="col">姓名</th><th scope="col">工号</th><th scope="col">角色</th><th scope="col">状态</th><th scope="col">创建人</th><th scope="col">操作</th></tr>
      </thead>
      <tbody>
        {accounts.map((a) => (
          <tr key={a.id}>
            <th scope="row">{a.name}</th>
            <td>{a.staffNo}</td>
            <td>{STAFF_ROLE_NAMES[a.role]}</td>
            <td>{a.disabled ? '已停用' : '在用'}</td>
            <td>{a.createdBy ?? '首次设置'}</td>
            <td>
              <button type="button" class="acc-secondary" onClick={() => onToggle(a)} aria-label={`${a.disabled ? '启用' : '停用'} ${a.name}`}>
                {a.disabled ? '启用' : '停用'}
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
