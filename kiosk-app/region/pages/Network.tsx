// 站点一览: every site on one page with its level, last contact, waiting now, open windows, device faults, pack version,
// sync lag, and a warning for a fenced site or a clock far off. A row opens the site's day.
import { CONSOLE_ENDPOINTS, type SiteOverview } from '../../../protocol/region/console.ts';
import { SITE_LEVEL_LABELS } from '../../../protocol/region/sync.ts';
import { call } from '../api.ts';
import { duration, LAG_WARNING_MS, skew, SKEW_WARNING_MS, time } from '../format.ts';
import { go } from '../route.ts';
import { useLoad } from '../useLoad.ts';
import { todayInHall } from '../today.ts';

function warnings(s: SiteOverview): string[] {
  const out: string[] = [];
  if (s.fenced) out.push(`已隔离：${s.fenceReason ?? '事件序号回退'}`);
  if (s.clockSkewMs !== null && Math.abs(s.clockSkewMs) > SKEW_WARNING_MS) out.push(`时钟偏差 ${skew(s.clockSkewMs)}`);
  if (s.syncLagMs !== null && s.syncLagMs > LAG_WARNING_MS) out.push(`同步延迟 ${duration(s.syncLagMs)}`);
  if (!s.enrolled) out.push('尚未注册');
  return out;
}

export function Network() {
  const { data, error } = useLoad(() => call(CONSOLE_ENDPOINTS.network), []);
  if (error) return <p class="admin-error" role="alert">{error}</p>;
  if (!data) return <p role="status">正在加载站点…</p>;
  const faults = data.sites.reduce((n, s) => n + s.deviceFaults.length, 0);
  const waiting = data.sites.reduce((n, s) => n + s.waitingNow, 0);
  return (
    <section aria-labelledby="network-title">
      <h1 id="network-title">站点一览</h1>
      <p class="admin-summary">共 {data.sites.length} 个站点，正在等候 {waiting} 人，设备故障 {faults} 处。更新于 {time(data.at)}。</p>
      <div class="region-scroll">
        <table class="admin-table region-table">
          <thead>
            <tr>
              <th scope="col">站点</th><th scope="col">层级</th><th scope="col">最近联系</th><th scope="col">等候</th><th scope="col">开放窗口</th>
              <th scope="col">设备故障</th><th scope="col">内容包</th><th scope="col">同步延迟</th><th scope="col">提醒</th>
            </tr>
          </thead>
          <tbody>
            {data.sites.map((s) => {
              const warn = warnings(s);
              return (
                <tr key={s.id} class={s.fenced ? 'region-row-alert' : undefined}>
                  <th scope="row">
                    <a href={`/region/day/${s.id}`} onClick={(e) => { e.preventDefault(); go(`/region/day/${encodeURIComponent(s.id)}?date=${todayInHall()}`); }}>{s.name}</a>
                  </th>
                  <td>{SITE_LEVEL_LABELS[s.level]}</td>
                  <td>{time(s.lastSeenAt)}</td>
                  <td>{s.waitingNow}</td>
                  <td>{s.windowsKnown ? `${s.windowsOpen} / ${s.windowsKnown}` : '—'}</td>
                  <td>{s.deviceFaults.length === 0 ? '无' : (
                    <ul class="admin-devices">{s.deviceFaults.map((f) => <li key={`${f.terminal}-${f.device}`}>{f.terminal}：{f.device}{f.reason ? `（${f.reason}）` : ''}</li>)}</ul>
                  )}</td>
                  <td>{s.packVersion === null ? '—' : `v${s.packVersion}`}{s.latestPackVersion !== null && s.packVersion !== s.latestPackVersion ? `（最新 v${s.latestPackVersion}）` : ''}</td>
                  <td>{duration(s.syncLagMs)}</td>
                  <td>{warn.length === 0 ? <span class="admin-ok">正常</span> : <ul class="region-warnings">{warn.map((w) => <li key={w}>{w}</li>)}</ul>}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
