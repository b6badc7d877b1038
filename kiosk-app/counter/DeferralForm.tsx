// 容缺受理 at the counter (DB21/T 4402 §9.5): tick the deferrable materials the citizen will supply later and record
// the acceptance against the ticket being served; the hall sets the 补正 due date by the pack calendar.
import { useState } from 'preact/hooks';
import type { Service } from '../../content/schema/index.ts';
import { DeferralEndpoints } from '../../protocol/hall/deferrals.ts';
import { chineseDate } from '../../protocol/bridge/ticket/slip.ts';
import { call, HallApiError } from '../shared/hall/api.ts';

export function DeferralForm({ window, ticketId, service }: { window: number; ticketId: string; service: Service }) {
  const deferrable = service.guide.materials.filter((m) => m.deferrable).map((m) => m.name);
  const [chosen, setChosen] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const toggle = (name: string) => setChosen((c) => (c.includes(name) ? c.filter((n) => n !== name) : [...c, name]));
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    try {
      const d = await call(DeferralEndpoints.record, { params: { window }, body: { ticketId, materials: chosen } });
      setResult({ ok: true, text: `已按容缺受理登记，请群众在 ${chineseDate(d.dueOn)} 前补交：${d.materials.join('、')}` });
    } catch (err) {
      setResult({ ok: false, text: err instanceof HallApiError ? err.message : '登记失败，请稍后再试' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="counter-deferral" onSubmit={(e) => void submit(e)} aria-label="容缺受理登记">
      <fieldset>
        <legend>按容缺受理：选出群众承诺后补的材料</legend>
        {deferrable.map((name) => (
          <button type="button" key={name} class="counter-btn counter-toggle" aria-pressed={chosen.includes(name)} onClick={() => toggle(name)}>
            {chosen.includes(name) ? '☑' : '☐'} {name}
          </button>
        ))}
      </fieldset>
      <button type="submit" class="counter-btn" disabled={busy || chosen.length === 0 || result?.ok === true}>
        登记容缺受理
      </button>
      {result && (
        <p role="status" class={result.ok ? 'counter-ok' : 'counter-error'} data-testid="deferral-result">
          {result.text}
        </p>
      )}
    </form>
  );
}
