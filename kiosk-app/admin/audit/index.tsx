// 审计日志: who exported ratings, revoked a terminal, activated a pack… for a range of days, filtered by action, newest
// first, a page at a time.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { queueSnapshotOf } from '../../../protocol/hall/index.ts';
import type { AuditListResponse } from '../../../protocol/hall/audit.ts';
import { HallApiError } from '../../shared/hall/api.ts';
import type { AdminPageProps } from '../page.ts';
import { AUDIT_PAGE_SIZE, loadAudit, type AuditFilter } from './data.ts';
import { actionLabel, FILTER_GROUPS } from './labels.ts';
import { describeActor, describeDetails, hallDateTime, type DescribeContext } from './describe.ts';
import './audit.css';

export default function Audit({ stream }: AdminPageProps) {
  const [form, setForm] = useState<AuditFilter>({ from: '', to: '', action: '' });
  const [applied, setApplied] = useState<AuditFilter>(form);
  /** cursors[i] opens page i; the first page has none. */
  const [cursors, setCursors] = useState<Array<string | null>>([null]);
  const [pageIndex, setPageIndex] = useState(0);
  const [result, setResult] = useState<AuditListResponse | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const request = useRef(0);
  const heading = useRef<HTMLHeadingElement>(null);

  const load = async (filter: AuditFilter, index: number, cursor: string | null, paging = false) => {
    const mine = ++request.current;
    setBusy(true);
    try {
      const res = await loadAudit(filter, cursor);
      if (mine !== request.current) return;
      setResult(res);
      setPageIndex(index);
      setError(null);
      // After 上一页/下一页 the reader continues at the top of the new page.
      if (paging) heading.current?.focus();
      if (!filter.from || !filter.to) {
        const filled = { ...filter, from: res.from, to: res.to };
        setApplied(filled);
        setForm((f) => ({ ...f, from: f.from || res.from, to: f.to || res.to }));
      }
    } catch (err) {
      if (mine === request.current) setError(err instanceof HallApiError ? err.message : '审计日志获取失败，请稍后再试');
    } finally {
      if (mine === request.current) setBusy(false);
    }
  };

  useEffect(() => {
    void load(applied, 0, null);
  }, []);

  const search = (e: Event) => {
    e.preventDefault();
    setApplied(form);
    setCursors([null]);
    void load(form, 0, null);
  };
  const next = () => {
    if (!result?.next) return;
    const more = [...cursors.slice(0, pageIndex + 1), result.next];
    setCursors(more);
    void load(applied, pageIndex + 1, result.next, true);
  };
  const previous = () => {
    if (pageIndex === 0) return;
    void load(applied, pageIndex - 1, cursors[pageIndex - 1] ?? null, true);
  };

  const snapshot = stream.snapshot.value;
  const ctx = useMemo<DescribeContext>(() => {
    const services = new Map((snapshot ? queueSnapshotOf(snapshot)?.services ?? [] : []).map((s) => [s.code, s.name]));
    return { serviceName: (code) => services.get(code) ?? code };
  }, [snapshot]);

  const pages = result ? Math.max(1, Math.ceil(result.total / AUDIT_PAGE_SIZE)) : 1;
  return (
    <div class="audit">
      <h1>审计日志</h1>
      <p class="admin-summary">导出评价数据、差评处理、内容包、终端配对与吊销、窗口操作等都会记录在这里。证件号码和手机号码不会出现在日志中。</p>
      <form class="audit-filters" onSubmit={search} aria-label="查询条件">
        <label>
          开始日期
          <input type="date" value={form.from} required onInput={(e) => setForm({ ...form, from: e.currentTarget.value })} />
        </label>
        <label>
          结束日期
          <input type="date" value={form.to} required onInput={(e) => setForm({ ...form, to: e.currentTarget.value })} />
        </label>
        <label>
          操作
          <select value={form.action} onChange={(e) => setForm({ ...form, action: e.currentTarget.value })}>
            <option value="">全部操作</option>
            {FILTER_GROUPS.map((g) => (
              <optgroup key={g.label} label={g.label}>
                {g.options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
              </optgroup>
            ))}
          </select>
        </label>
        <button type="submit" disabled={busy}>查询</button>
      </form>
      {error && <p role="alert" class="admin-error"><span aria-hidden="true">⚠ </span>{error}</p>}
      <section aria-labelledby="audit-title">
        <h2 id="audit-title" ref={heading} tabIndex={-1}>
          {applied.from && applied.to ? `${applied.from} 至 ${applied.to}` : '今天'}
          {applied.action ? ` · ${filterLabel(applied.action)}` : ''}
        </h2>
        <p class="audit-count" role="status">
          {result === null ? '正在加载…' : result.total === 0 ? '没有符合条件的记录。' : `共 ${result.total} 条，第 ${pageIndex + 1} / ${pages} 页`}
        </p>
        {result && result.entries.length > 0 && (
          <table class="admin-table audit-table">
            <thead>
              <tr>
                <th scope="col">时间</th><th scope="col">操作人</th><th scope="col">操作</th><th scope="col">详情</th>
              </tr>
            </thead>
            <tbody>
              {result.entries.map((e) => (
                <tr key={e.id}>
                  <th scope="row" class="audit-time">{hallDateTime(e.at, result.utcOffsetMinutes)}</th>
                  <td>{describeActor(e)}</td>
                  <td class="audit-action">{actionLabel(e.action)}</td>
                  <td>{describeDetails(e, ctx)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {result && pages > 1 && (
          <nav class="audit-pager" aria-label="翻页">
            <button type="button" disabled={busy || pageIndex === 0} onClick={previous}>上一页</button>
            <button type="button" disabled={busy || !result.next} onClick={next}>下一页</button>
          </nav>
        )}
      </section>
    </div>
  );
}

function filterLabel(value: string): string {
  for (const g of FILTER_GROUPS) for (const o of g.options) if (o.value === value) return o.label;
  return value;
}
