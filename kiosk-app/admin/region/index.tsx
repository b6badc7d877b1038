// 区域中心 console page (大厅负责人): enrol this hall at its region with the address and one-time code from the region
// console, then see the link: site, how far the region holds this hall's log, the region's message when it refuses
// (fenced), sealing, and the region pack taken or refused.
import { useEffect, useState } from 'preact/hooks';
import { RegionEndpoints, type RegionLinkStatus } from '../../../protocol/hall/region.ts';
import { SITE_LEVEL_LABELS } from '../../../protocol/region/sync.ts';
import { hallDateTime } from '../../../protocol/rules/hall-time.ts';
import { call, HallApiError } from '../../shared/hall/api.ts';

const STATE_LABELS: Record<RegionLinkStatus['state'], string> = {
  not_enrolled: '尚未注册',
  syncing: '正常同步',
  retrying: '暂时连不上，自动重试中',
  fenced: '已被区域中心隔离，停止推送',
  stopped: '区域中心不再认可本大厅的密钥，停止推送',
};
const message = (e: unknown) => (e instanceof HallApiError ? e.message : '操作失败，请稍后再试');
const when = (iso: string | null) => (iso ? hallDateTime(iso) : '—');

export default function RegionPage() {
  const [status, setStatus] = useState<RegionLinkStatus | null>(null);
  const [url, setUrl] = useState('');
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const load = () => call(RegionEndpoints.status).then(setStatus, (e) => setError(message(e)));
  useEffect(() => {
    void load();
    const timer = setInterval(() => void load(), 5_000);
    return () => clearInterval(timer);
  }, []);

  const act = async (run: () => Promise<RegionLinkStatus>) => {
    setBusy(true);
    setError(null);
    try {
      setStatus(await run());
      setCode('');
    } catch (e) {
      setError(message(e));
    } finally {
      setBusy(false);
    }
  };
  const enrol = (e: Event) => {
    e.preventDefault();
    void act(() => call(RegionEndpoints.enrol, { body: { url, code } }));
  };

  return (
    <section aria-labelledby="region-title">
      <h2 id="region-title">区域中心</h2>
      <p class="admin-summary">本大厅的事件记录加密签名后推送到区域医保服务中心；区域中心连不上时大厅照常办理业务，恢复后自动补传。</p>
      {error && <p role="alert" class="admin-error"><span aria-hidden="true">⚠ </span>{error}</p>}
      {status && (
        <table class="admin-table" aria-label="区域同步状态">
          <tbody>
            <tr><th scope="row">状态</th><td>{STATE_LABELS[status.state]}</td></tr>
            {status.message && <tr><th scope="row">区域中心说明</th><td role="status">{status.message}</td></tr>}
            <tr><th scope="row">站点</th><td>{status.siteId ? `${status.siteName}（${status.siteId}，${status.level ? SITE_LEVEL_LABELS[status.level] : ''}）` : '—'}</td></tr>
            <tr><th scope="row">区域中心地址</th><td>{status.regionUrl ?? '—'}</td></tr>
            <tr><th scope="row">已同步</th><td>{status.heldThrough} / {status.headSeq} 条</td></tr>
            <tr><th scope="row">最近推送</th><td>{when(status.lastPushAt)}</td></tr>
            {status.nextAttemptAt && <tr><th scope="row">下次重试</th><td>{when(status.nextAttemptAt)}</td></tr>}
            <tr><th scope="row">个人信息加密</th><td>{status.sealing ? '已启用（只有区域中心能解密）' : '未启用（注册后启用）'}</td></tr>
            <tr><th scope="row">区域内容包</th><td>{status.packVersion ? `版本 ${status.packVersion}` : '尚未下发'}{status.packRefusal ? `；${status.packRefusal}` : ''}</td></tr>
          </tbody>
        </table>
      )}
      {status && status.state !== 'not_enrolled' && (
        <button type="button" disabled={busy} onClick={() => void act(() => call(RegionEndpoints.refresh))}>立即同步</button>
      )}
      <h3>{status?.state === 'not_enrolled' ? '注册到区域中心' : '重新注册（更换注册码）'}</h3>
      <form class="admin-form" onSubmit={enrol} aria-label="注册到区域中心">
        <label>区域中心地址<input name="url" required placeholder="https://" value={url} onInput={(e) => setUrl(e.currentTarget.value)} /></label>
        <label>注册码（区域管理员提供，24 小时内有效）<input name="code" required placeholder="XXXX-XXXX-XXXX" autoComplete="off" value={code}
          onInput={(e) => setCode(e.currentTarget.value)} /></label>
        <button type="submit" disabled={busy}>{busy ? '请稍候…' : '注册'}</button>
      </form>
    </section>
  );
}
