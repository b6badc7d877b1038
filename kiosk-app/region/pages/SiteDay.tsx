// One site's day: its status, tickets with their waits, ratings and 差评 cases; below, its newest 示范点自查.
import { CONSOLE_ENDPOINTS } from '../../../protocol/region/console.ts';
import { SITE_LEVEL_LABELS } from '../../../protocol/region/sync.ts';
import { levelLabel } from '../../../protocol/rules/levels.ts';
import { call } from '../api.ts';
import { clock, duration } from '../format.ts';
import { go } from '../route.ts';
import { useLoad } from '../useLoad.ts';
import { CasesTable } from './CasesTable.tsx';
import { SiteInspection } from './SiteInspection.tsx';

const STATUS: Record<string, string> = { waiting: '等候中', called: '已叫号', serving: '办理中', held: '挂起', finished: '已办结', no_show: '过号', cancelled: '已取消' };

export function SiteDay({ siteId, date }: { siteId: string; date: string }) {
  const { data, error } = useLoad(() => call(CONSOLE_ENDPOINTS.siteDay, { params: { id: siteId }, query: { date } }), [siteId, date]);
  if (error) return <p class="admin-error" role="alert">{error}</p>;
  if (!data) return <p role="status">正在加载站点当天情况…</p>;
  const s = data.site;
  return (
    <section aria-labelledby="day-title">
      <p><a href="/region/" onClick={(e) => { e.preventDefault(); go('/region/'); }}>← 返回站点一览</a></p>
      <h1 id="day-title">{s.name} · {data.date}</h1>
      <label class="region-inline">日期
        <input type="date" value={date} onChange={(e) => go(`/region/day/${encodeURIComponent(siteId)}?date=${(e.currentTarget as HTMLInputElement).value}`)} />
      </label>
      <p class="admin-summary">
        {SITE_LEVEL_LABELS[s.level]}；号票 {data.tickets.length} 张，平均等候 {duration(data.averageWaitSeconds === null ? null : data.averageWaitSeconds * 1000)}；
        评价 {data.ratings.length} 次，差评 {data.ratings.filter((r) => r.bad).length} 次；现在等候 {s.waitingNow} 人。
      </p>
      <h2>号票与等候</h2>
      {data.tickets.length === 0 ? <p>当天没有号票。</p> : (
        <table class="admin-table region-table">
          <thead><tr><th scope="col">号码</th><th scope="col">事项</th><th scope="col">状态</th><th scope="col">取号</th><th scope="col">叫号</th><th scope="col">等候</th><th scope="col">窗口</th></tr></thead>
          <tbody>
            {data.tickets.map((t) => (
              <tr key={t.number + t.issuedAt}>
                <th scope="row">{t.number}</th><td>{t.serviceName}</td><td>{STATUS[t.status] ?? t.status}</td><td>{clock(t.issuedAt)}</td><td>{clock(t.calledAt)}</td>
                <td>{t.waitSeconds === null ? '—' : duration(t.waitSeconds * 1000)}</td><td>{t.window ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>评价</h2>
      {data.ratings.length === 0 ? <p>当天没有评价。</p> : (
        <table class="admin-table region-table">
          <thead><tr><th scope="col">号码</th><th scope="col">事项</th><th scope="col">窗口</th><th scope="col">工作人员</th><th scope="col">评价</th><th scope="col">时间</th></tr></thead>
          <tbody>
            {data.ratings.map((r) => (
              <tr key={r.ticketNumber + r.ratedAt} class={r.bad ? 'region-row-alert' : undefined}>
                <th scope="row">{r.ticketNumber}</th><td>{r.serviceName}</td><td>{r.window}</td><td>{r.staffName || '—'}</td><td>{levelLabel(r.score)}</td><td>{clock(r.ratedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>差评案件</h2>
      <CasesTable cases={data.cases} withSite={false} />
      <SiteInspection siteId={siteId} />
    </section>
  );
}
