// 上报导出: the 12-column upstream CSV for the whole region. Opening the sealed personal fields is recorded in the audit.
import { useState } from 'preact/hooks';
import { CONSOLE_ENDPOINTS } from '../../../protocol/region/console.ts';
import { download, RegionApiError } from '../api.ts';
import { todayInHall } from '../today.ts';

export function Export() {
  const today = todayInHall();
  const [from, setFrom] = useState(`${today.slice(0, 7)}-01`);
  const [to, setTo] = useState(today);
  const [link, setLink] = useState<{ url: string; name: string } | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const run = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError('');
    try {
      const blob = await download(CONSOLE_ENDPOINTS.exportUpstream, { query: { from, to } });
      if (link) URL.revokeObjectURL(link.url);
      setLink({ url: URL.createObjectURL(blob), name: `haochaping-upstream-${from}-${to}.csv` });
    } catch (err) {
      setError(err instanceof RegionApiError ? err.message : '导出失败，请稍后再试');
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="export-title">
      <h1 id="export-title">好差评上报导出</h1>
      <p class="admin-summary">全区域所有站点的评价，按上级平台的 12 列格式（UTF-8 带 BOM 的 CSV）。导出时会打开密封的姓名与联系电话，每次打开都记入审计日志。</p>
      <form class="admin-form" onSubmit={(e) => void run(e)}>
        <label for="export-from">开始日期</label>
        <input id="export-from" type="date" value={from} onChange={(e) => setFrom((e.currentTarget as HTMLInputElement).value)} required />
        <label for="export-to">结束日期</label>
        <input id="export-to" type="date" value={to} onChange={(e) => setTo((e.currentTarget as HTMLInputElement).value)} required />
        <button type="submit" disabled={busy}>{busy ? '正在导出…' : '生成导出文件'}</button>
      </form>
      {error && <p class="admin-error" role="alert">{error}</p>}
      {link && <p role="status">导出文件已生成：<a href={link.url} download={link.name}>下载 {link.name}</a></p>}
    </section>
  );
}
