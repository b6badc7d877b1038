// 可预约设置 (DB21/T 4402 §10.1.2): a site's bookable items with their places per half hour, how many days ahead a
// slot may be booked and the cut-off before it; saved as a whole table over the slot-rules API.
import { useEffect, useState } from 'preact/hooks';
import type { SlotRule } from '../../../protocol/citizen/appointments.ts';
import { CONSOLE_ENDPOINTS } from '../../../protocol/region/console.ts';
import { call, RegionApiError } from '../api.ts';
import { useLoad } from '../useLoad.ts';

const NEW_RULE: Omit<SlotRule, 'serviceCode'> = { capacity: 4, daysAhead: 7, cutoffMinutes: 60 };

function NumberCell(props: { label: string; value: number; min: number; max: number; onChange: (n: number) => void }) {
  return (
    <td>
      <input
        type="number" aria-label={props.label} min={props.min} max={props.max} value={props.value} class="slot-number"
        onInput={(e) => props.onChange(Number((e.currentTarget as HTMLInputElement).value))}
      />
    </td>
  );
}

export function SlotRules() {
  const network = useLoad(() => call(CONSOLE_ENDPOINTS.network), []);
  const catalogue = useLoad(() => call(CONSOLE_ENDPOINTS.catalogue), []);
  const [siteId, setSiteId] = useState('');
  const [rules, setRules] = useState<SlotRule[] | null>(null);
  const [adding, setAdding] = useState('');
  const [note, setNote] = useState<{ ok: boolean; text: string } | null>(null);
  const sites = network.data?.sites ?? [];
  const items = catalogue.data?.items ?? [];
  const nameOf = (code: string) => items.find((i) => i.code === code)?.name ?? code;
  const fail = (err: unknown) => setNote({ ok: false, text: err instanceof RegionApiError ? err.message : '操作失败，请稍后再试' });

  useEffect(() => {
    if (!siteId && sites[0]) setSiteId(sites[0].id);
  }, [sites, siteId]);
  useEffect(() => {
    if (!siteId) return;
    setRules(null);
    setNote(null);
    call(CONSOLE_ENDPOINTS.slotRules, { params: { id: siteId } }).then((r) => setRules(r.rules), fail);
  }, [siteId]);

  const change = (code: string, patch: Partial<SlotRule>) => setRules((rs) => rs && rs.map((r) => (r.serviceCode === code ? { ...r, ...patch } : r)));
  const remaining = items.filter((i) => !rules?.some((r) => r.serviceCode === i.code));
  const add = () => {
    const code = adding || remaining[0]?.code;
    if (!code || !rules) return;
    setRules([...rules, { serviceCode: code, ...NEW_RULE }]);
    setAdding('');
  };
  const save = async () => {
    if (!rules) return;
    setNote(null);
    try {
      const saved = await call(CONSOLE_ENDPOINTS.saveSlotRules, { params: { id: siteId }, body: { rules } });
      setRules(saved.rules);
      setNote({ ok: true, text: `已保存 ${saved.rules.length} 个可预约事项，群众预约页面即时生效。` });
    } catch (err) {
      fail(err);
    }
  };

  return (
    <section aria-labelledby="slots-title">
      <h1 id="slots-title">可预约设置</h1>
      <p>每个事项每半小时可约名额、可提前预约的天数（0 为仅当天）和提前截止的分钟数。可约时段按事项目录中该事项的取号时间排定：群众可提前 30 分钟签到取号，所以每段取号时间开始 30 分钟后才有可约时段；节假日与调休按区域日历。</p>
      <form class="admin-form" onSubmit={(e) => e.preventDefault()}>
        <label for="slot-site">站点</label>
        <select id="slot-site" value={siteId} onChange={(e) => setSiteId((e.currentTarget as HTMLSelectElement).value)}>
          {sites.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
        </select>
      </form>
      {rules && (
        <>
          <table class="admin-table region-table">
            <thead>
              <tr><th scope="col">事项</th><th scope="col">每半小时名额</th><th scope="col">可提前天数</th><th scope="col">提前截止（分钟）</th><th scope="col">操作</th></tr>
            </thead>
            <tbody>
              {rules.length === 0 && <tr><td colSpan={5}>该站点尚未开放预约</td></tr>}
              {rules.map((r) => {
                const name = nameOf(r.serviceCode);
                return (
                  <tr key={r.serviceCode}>
                    <th scope="row">{name}</th>
                    <NumberCell label={`${name} 每半小时名额`} value={r.capacity} min={1} max={100} onChange={(n) => change(r.serviceCode, { capacity: n })} />
                    <NumberCell label={`${name} 可提前天数`} value={r.daysAhead} min={0} max={30} onChange={(n) => change(r.serviceCode, { daysAhead: n })} />
                    <NumberCell label={`${name} 提前截止分钟`} value={r.cutoffMinutes} min={0} max={1440} onChange={(n) => change(r.serviceCode, { cutoffMinutes: n })} />
                    <td><button type="button" onClick={() => setRules(rules.filter((x) => x !== r))}>移除 {name}</button></td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <form class="admin-form" onSubmit={(e) => { e.preventDefault(); add(); }}>
            <label for="slot-add">增加可预约事项</label>
            <select id="slot-add" value={adding || remaining[0]?.code || ''} onChange={(e) => setAdding((e.currentTarget as HTMLSelectElement).value)}>
              {remaining.map((i) => <option key={i.code} value={i.code}>{i.name}</option>)}
            </select>
            <button type="submit" disabled={remaining.length === 0}>增加</button>
          </form>
          <p><button type="button" class="primary" onClick={() => void save()}>保存可预约设置</button></p>
        </>
      )}
      {note && <p class={note.ok ? 'admin-ok' : 'admin-error'} role={note.ok ? 'status' : 'alert'}>{note.text}</p>}
      {(network.error || catalogue.error) && <p class="admin-error" role="alert">{network.error || catalogue.error}</p>}
    </section>
  );
}
