// New account: 姓名, 工号, role, an initial password (the server says in Chinese why a weak one is refused).
import { useState } from 'preact/hooks';
import { AccountEndpoints, STAFF_ROLE_NAMES, type AccountView, type StaffRole } from '../../../protocol/hall/index.ts';
import { MIN_PASSWORD_LENGTH } from '../../../protocol/rules/password-policy.ts';
import { call, HallApiError } from '../../shared/hall/api.ts';

const ROLES: StaffRole[] = ['shift_lead', 'callback', 'owner'];

export function AccountForm({ onCreated }: { onCreated: (account: AccountView) => void }) {
  const [name, setName] = useState('');
  const [staffNo, setStaffNo] = useState('');
  const [role, setRole] = useState<StaffRole>('shift_lead');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const made = await call(AccountEndpoints.create, { body: { name, staffNo, role, password } });
      setName('');
      setStaffNo('');
      setPassword('');
      onCreated(made);
    } catch (err) {
      setError(err instanceof HallApiError ? err.message : '创建失败，请稍后再试');
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="acc-form" onSubmit={submit} aria-label="新建账号">
      <label>姓名<input name="name" required maxLength={20} value={name} onInput={(e) => setName(e.currentTarget.value)} /></label>
      <label>工号<input name="staffNo" required maxLength={20} value={staffNo} onInput={(e) => setStaffNo(e.currentTarget.value)} /></label>
      <label>
        角色
        <select name="role" value={role} onChange={(e) => setRole(e.currentTarget.value as StaffRole)}>
          {ROLES.map((r) => <option key={r} value={r}>{STAFF_ROLE_NAMES[r]}</option>)}
        </select>
      </label>
      <label>
        初始密码（至少 {MIN_PASSWORD_LENGTH} 个字符）
        <input name="password" type="password" autoComplete="new-password" required minLength={MIN_PASSWORD_LENGTH} value={password}
          onInput={(e) => setPassword(e.currentTarget.value)} />
      </label>
      <button type="submit" disabled={busy}>{busy ? '请稍候…' : '新建账号'}</button>
      {error && <p class="admin-error acc-form-error" role="alert"><span aria-hidden="true">⚠ </span>{error}</p>}
    </form>
  );
}
