// 站点注册: create a site with its level, then issue a one-time enrolment code, shown once.
import { useState } from 'preact/hooks';
import { CONSOLE_ENDPOINTS, type EnrolCodeResponse } from '../../../protocol/region/console.ts';
import { SITE_LEVEL_LABELS, SITE_LEVELS, type SiteLevel } from '../../../protocol/region/sync.ts';
import { call, RegionApiError } from '../api.ts';
import { time } from '../format.ts';
import { useLoad } from '../useLoad.ts';

export function Sites() {
  const sites = useLoad(() => call(CONSOLE_ENDPOINTS.network), []);
  const [code, setCode] = useState<EnrolCodeResponse | null>(null);
  const [error, setError] = useState('');
  const [level, setLevel] = useState<SiteLevel>('village');
  const fail = (err: unknown) => setError(err instanceof RegionApiError ? err.message : '操作失败，请稍后再试');
  const issue = async (siteId: string) => {
    setError('');
    try {
      setCode(await call(CONSOLE_ENDPOINTS.enrolCode, { params: { id: siteId } }));
    } catch (err) {
      fail(err);
    }
  };
  const create = async (e: Event) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget as HTMLFormElement);
    setError('');
    try {
      const site = await call(CONSOLE_ENDPOINTS.createSite, { body: { id: String(form.get('id') ?? '').trim(), name: String(form.get('name') ?? ''), level } });
      (e.target as HTMLFormElement).reset();
      sites.reload();
      await issue(site.id);
    } catch (err) {
      fail(err);
    }
  };
  return (
    <section aria-labelledby="sites-title">
      <h1 id="sites-title">站点注册</h1>
      <form class="admin-form" onSubmit={(e) => void create(e)}>
        <label for="site-id">站点编号</label>
        <input id="site-id" name="id" placeholder="如 dongcun" required />
        <label for="site-name">站点名称</label>
        <input id="site-name" name="name" placeholder="如 东村村居医保服务点" required />
        <label for="site-level">层级</label>
        <select id="site-level" value={level} onChange={(e) => setLevel((e.currentTarget as HTMLSelectElement).value as SiteLevel)}>
          {SITE_LEVELS.map((l) => <option key={l} value={l}>{SITE_LEVEL_LABELS[l]}</option>)}
        </select>
        <button type="submit">新建站点并生成注册码</button>
      </form>
      {error && <p class="admin-error" role="alert">{error}</p>}
      {code && (
        <p class="admin-code" role="status">
          站点 {code.siteId} 的注册码：<strong>{code.code}</strong><br />
          只显示这一次，{time(code.expiresAt)} 前有效。请在该站点的大厅服务上用 --region-enrol-code 输入。
        </p>
      )}
      <h2>全部站点</h2>
      {sites.data && (
        <table class="admin-table region-table">
          <thead><tr><th scope="col">站点</th><th scope="col">编号</th><th scope="col">层级</th><th scope="col">注册状态</th><th scope="col">操作</th></tr></thead>
          <tbody>
            {sites.data.sites.map((s) => (
              <tr key={s.id}>
                <th scope="row">{s.name}</th><td>{s.id}</td><td>{SITE_LEVEL_LABELS[s.level]}</td><td>{s.enrolled ? '已注册' : '未注册'}</td>
                <td><button type="button" onClick={() => void issue(s.id)}>{s.enrolled ? '重新生成注册码' : '生成注册码'}</button></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
