// The login form (工号 + 密码); on first run the setup form instead: the one-time setup code from the hall-server's
// console, the 大厅负责人's 姓名 and 工号, and a password typed twice.
import { useState } from 'preact/hooks';
import { MIN_PASSWORD_LENGTH } from '../../../protocol/rules/password-policy.ts';
import { HallApiError } from '../../shared/hall/api.ts';
import { setUp, signIn } from './auth.ts';

export function Login({ firstRun }: { firstRun: boolean }) {
  const [setupCode, setSetupCode] = useState('');
  const [name, setName] = useState('');
  const [staffNo, setStaffNo] = useState('');
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: Event) => {
    e.preventDefault();
    if (firstRun && password !== repeat) {
      setError('两次输入的密码不一致，请重新输入');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      if (firstRun) await setUp({ setupCode, name, staffNo, password });
      else await signIn(staffNo, password);
    } catch (err) {
      setError(err instanceof HallApiError ? err.message : '登录失败，请稍后再试');
    } finally {
      setBusy(false);
    }
  };

  return (
    <main class="admin-login">
      <form onSubmit={submit} aria-describedby={error ? 'login-error' : undefined}>
        <h1>{firstRun ? '首次设置：创建大厅负责人账号' : '大厅管理台登录'}</h1>
        {firstRun && (
          <p>
            请输入设置码：它显示在大厅服务启动时的控制台上，也保存在数据目录的 setup-code.txt 中。密码至少 {MIN_PASSWORD_LENGTH} 个字符，
            不能是常见密码。
          </p>
        )}
        {firstRun && (
          <label>
            设置码
            <input name="setupCode" autoComplete="off" required placeholder="例如 ABCD-EFGH-JKMN" value={setupCode}
              onInput={(e) => setSetupCode(e.currentTarget.value)} />
          </label>
        )}
        {firstRun && (
          <label>
            姓名
            <input name="name" autoComplete="name" required maxLength={20} value={name} onInput={(e) => setName(e.currentTarget.value)} />
          </label>
        )}
        <label>
          工号
          <input name="staffNo" autoComplete="username" required maxLength={20} value={staffNo} onInput={(e) => setStaffNo(e.currentTarget.value)} />
        </label>
        <label>
          密码
          <input name="password" type="password" autoComplete={firstRun ? 'new-password' : 'current-password'} required
            minLength={firstRun ? MIN_PASSWORD_LENGTH : 1} value={password} onInput={(e) => setPassword(e.currentTarget.value)} />
        </label>
        {firstRun && (
          <label>
            再次输入密码
            <input name="repeat" type="password" autoComplete="new-password" required minLength={MIN_PASSWORD_LENGTH}
              value={repeat} onInput={(e) => setRepeat(e.currentTarget.value)} />
          </label>
        )}
        {error && <p id="login-error" class="admin-error" role="alert"><span aria-hidden="true">⚠ </span>{error}</p>}
        <button type="submit" disabled={busy}>{busy ? '请稍候…' : firstRun ? '创建账号并进入' : '登录'}</button>
      </form>
    </main>
  );
}
