// Export for a date range: the upstream 12-column CSV (with ID numbers, admins only) and the full CSV. Every export is audited.
import { useState } from 'preact/hooks';
import { downloadExport, thisMonth } from './data.ts';

export function Export() {
  const initial = thisMonth();
  const [from, setFrom] = useState(initial.from);
  const [to, setTo] = useState(initial.to);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const run = async (kind: 'upstream' | 'full') => {
    try {
      const name = await downloadExport(from, to, kind);
      setMessage({ ok: true, text: `已导出 ${name}（本次导出已记录在审计日志中）` });
    } catch (err) {
      setMessage({ ok: false, text: (err as Error).message });
    }
  };
  return (
    <section class="rt-export" aria-labelledby="rt-export-title">
      <h2 id="rt-export-title">导出评价数据</h2>
      <p>CSV 文件为 UTF-8（带 BOM）编码，可直接用 Excel 打开。上报格式含证件号码与联系电话，请妥善保管。</p>
      <div class="rt-toolbar">
        <label>
          开始日期 <input type="date" value={from} onInput={(e) => setFrom(e.currentTarget.value)} />
        </label>
        <label>
          结束日期 <input type="date" value={to} onInput={(e) => setTo(e.currentTarget.value)} />
        </label>
        <button type="button" class="rt-btn" data-variant="primary" onClick={() => void run('upstream')}>
          导出上报格式（12列）
        </button>
        <button type="button" class="rt-btn" onClick={() => void run('full')}>
          导出完整数据
        </button>
      </div>
      {message && (
        <p role={message.ok ? 'status' : 'alert'} class={message.ok ? 'rt-ok' : 'rt-error'}>
          {message.text}
        </p>
      )}
    </section>
  );
}
