// The login form; on first run it sets the admin password instead (twice, to catch a typo).
import { useState } from 'preact/hooks';
import { HallApiError } from '../../shared/hall/api.ts';
import { signIn } from './auth.ts';

export function Login({ firstRun }: { firstRun: boolean }) {
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
      await signIn(password, firstRun);
    } catch (err) {
      setError(err instanceof HallApiError ? err.message : '登录失败，请稍后再试');
    } finally {
      setBusy(false);
    }
  };

  return (
    <main class="admin-login">
      <form onSubmit={submit} aria-describedby={error ? 'login-error' : undefined}>
        <h1>{firstRun ? '首次使用：设置管理员密码' : '大厅管理台登录'}</h1>
        {firstRun && <p>这是本大厅第一次启动，请设置管理员密码（至少 8 位），并妥善保管。</p>}
        <label>
          {firstRun ? '新密码' : '管理员密码'}
          <input type="password" autoComplete={firstRun ? 'new-password' : 'current-password'} required minLength={firstRun ? 8 : 1}
            value={password} onInput={(e) => setPassword(e.currentTarget.value)} />
        </label>
        {firstRun && (
          <label>
            再次输入新密码
            <input type="password" autoComplete="new-password" required minLength={8}
              value={repeat} onInput={(e) => setRepeat(e.currentTarget.value)} />
          </label>
        )}
        {error && <p id="login-error" class="admin-error" role="alert"><span aria-hidden="true">⚠ </span>{error}</p>}
        <button type="submit" disabled={busy}>{busy ? '请稍候…' : firstRun ? '设置密码并进入' : '登录'}</button>
      </form>
    </main>
  );
}
