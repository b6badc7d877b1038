// First run (setup code from the region server's console + the first 区域管理员) or login with 工号 and password.
import { useState } from 'preact/hooks';
import { CONSOLE_ENDPOINTS } from '../../protocol/region/console.ts';
import { call, RegionApiError, saveConsoleSession } from './api.ts';

export function Login({ firstRun, onDone }: { firstRun: boolean; onDone(): void }) {
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget as HTMLFormElement);
    const value = (name: string) => String(form.get(name) ?? '');
    setBusy(true);
    setError('');
    try {
      const answer = firstRun
        ? await call(CONSOLE_ENDPOINTS.setup, { body: { setupCode: value('setupCode'), name: value('name'), staffNo: value('staffNo'), password: value('password') } })
        : await call(CONSOLE_ENDPOINTS.login, { body: { staffNo: value('staffNo'), password: value('password') } });
      saveConsoleSession(answer);
      onDone();
    } catch (err) {
      setError(err instanceof RegionApiError ? err.message : '登录失败，请稍后再试');
    } finally {
      setBusy(false);
    }
  };
  return (
    <main class="admin-login">
      <form onSubmit={(e) => void submit(e)}>
        <h1>{firstRun ? '区域管理台 · 首次设置' : '区域管理台 · 登录'}</h1>
        {firstRun && <p>请输入区域中心启动时控制台上打印的一次性设置码，创建第一个区域管理员账号。</p>}
        {firstRun && <label>设置码<input name="setupCode" autocomplete="off" required /></label>}
        {firstRun && <label>姓名<input name="name" autocomplete="name" required /></label>}
        <label>工号<input name="staffNo" autocomplete="username" required /></label>
        <label>密码<input name="password" type="password" autocomplete={firstRun ? 'new-password' : 'current-password'} required /></label>
        {error && <p class="admin-error" role="alert">{error}</p>}
        <button type="submit" disabled={busy}>{firstRun ? '创建账号并登录' : '登录'}</button>
      </form>
    </main>
  );
}
