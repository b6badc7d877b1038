// 事项清单: the one unified item list. Edit an item's materials and conditions, publish, and see which sites run
// which pack version (a new version reaches only the sites whose level offers the changed item).
import { useState } from 'preact/hooks';
import { materialFormLabels, materialForms, type Material } from '../../../content/schema/services.ts';
import { CONSOLE_ENDPOINTS, type CatalogueEntry, type PublishResponse } from '../../../protocol/region/console.ts';
import { SITE_LEVEL_LABELS } from '../../../protocol/region/sync.ts';
import { call, RegionApiError } from '../api.ts';
import { useLoad } from '../useLoad.ts';

function Editor({ item, onSaved }: { item: CatalogueEntry; onSaved(): void }) {
  const [materials, setMaterials] = useState<Material[]>(item.materials);
  const [conditions, setConditions] = useState(item.conditions.join('\n'));
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const change = (i: number, patch: Partial<Material>) => setMaterials(materials.map((m, j) => (j === i ? { ...m, ...patch } : m)));
  const save = async (e: Event) => {
    e.preventDefault();
    try {
      await call(CONSOLE_ENDPOINTS.editItem, {
        params: { code: item.code },
        body: { materials, conditions: conditions.split('\n').map((c) => c.trim()).filter(Boolean) },
      });
      setMessage({ ok: true, text: '已保存。发布后，提供该事项的站点会收到新版内容包。' });
      onSaved();
    } catch (err) {
      setMessage({ ok: false, text: err instanceof RegionApiError ? err.message : '保存失败，请稍后再试' });
    }
  };
  return (
    <form onSubmit={(e) => void save(e)} aria-labelledby="editor-title" class="region-editor">
      <h2 id="editor-title">编辑：{item.name}</h2>
      <p class="admin-summary">提供层级：{item.levels.map((l) => SITE_LEVEL_LABELS[l]).join('、')}</p>
      <table class="admin-table region-table">
        <thead><tr><th scope="col">申办材料</th><th scope="col">形式</th><th scope="col">份数</th><th scope="col">可容缺</th><th scope="col">操作</th></tr></thead>
        <tbody>
          {materials.map((m, i) => (
            <tr key={i}>
              <td><input aria-label={`材料 ${i + 1} 名称`} value={m.name} onInput={(e) => change(i, { name: (e.currentTarget as HTMLInputElement).value })} required /></td>
              <td>
                <select aria-label={`材料 ${i + 1} 形式`} value={m.form} onChange={(e) => change(i, { form: (e.currentTarget as HTMLSelectElement).value as Material['form'] })}>
                  {materialForms.map((f) => <option key={f} value={f}>{materialFormLabels[f]}</option>)}
                </select>
              </td>
              <td><input aria-label={`材料 ${i + 1} 份数`} type="number" min={1} max={20} value={m.count} class="region-count"
                onInput={(e) => change(i, { count: Number((e.currentTarget as HTMLInputElement).value) })} /></td>
              <td><input aria-label={`材料 ${i + 1} 可容缺`} type="checkbox" checked={m.deferrable} onChange={(e) => change(i, { deferrable: (e.currentTarget as HTMLInputElement).checked })} /></td>
              <td><button type="button" onClick={() => setMaterials(materials.filter((_, j) => j !== i))}>删除</button></td>
            </tr>
          ))}
        </tbody>
      </table>
      <p><button type="button" onClick={() => setMaterials([...materials, { name: '', form: 'original', count: 1, deferrable: false }])} disabled={materials.length >= 10}>添加材料</button></p>
      <label class="region-block">受理条件（每行一条）
        <textarea rows={3} value={conditions} onInput={(e) => setConditions((e.currentTarget as HTMLTextAreaElement).value)} />
      </label>
      <p><button type="submit">保存修改</button></p>
      {message && <p class={message.ok ? 'admin-ok' : 'admin-error'} role={message.ok ? 'status' : 'alert'}>{message.text}</p>}
    </form>
  );
}

export function Catalogue() {
  const { data, error, reload } = useLoad(() => call(CONSOLE_ENDPOINTS.catalogue), []);
  const [selected, setSelected] = useState<string | null>(null);
  const [published, setPublished] = useState<PublishResponse | null>(null);
  const [publishError, setPublishError] = useState('');
  const publish = async () => {
    setPublishError('');
    try {
      setPublished(await call(CONSOLE_ENDPOINTS.publish));
      reload();
    } catch (err) {
      setPublishError(err instanceof RegionApiError ? err.message : '发布失败，请稍后再试');
    }
  };
  if (error) return <p class="admin-error" role="alert">{error}</p>;
  if (!data) return <p role="status">正在加载事项清单…</p>;
  const item = data.items.find((i) => i.code === selected) ?? null;
  return (
    <section aria-labelledby="catalogue-title">
      <h1 id="catalogue-title">统一事项清单</h1>
      <div class="region-split">
        <div>
          <label class="region-block">选择事项
            <select value={selected ?? ''} onChange={(e) => setSelected((e.currentTarget as HTMLSelectElement).value || null)}>
              <option value="">（请选择要编辑的事项）</option>
              {data.items.map((i) => <option key={i.code} value={i.code}>{i.name}（{i.materials.length} 项材料）</option>)}
            </select>
          </label>
          {item && <Editor key={item.code} item={item} onSaved={reload} />}
        </div>
        <div>
          <h2>发布与版本</h2>
          <p><button type="button" onClick={() => void publish()}>发布到各站点</button></p>
          {publishError && <p class="admin-error" role="alert">{publishError}</p>}
          {published && (
            <p role="status">
              已发布：{published.packs.filter((p) => p.changed).map((p) => `${p.siteId} → v${p.version}`).join('，') || '没有站点的内容发生变化'}
              {published.skipped.length > 0 ? `；尚无站点资料：${published.skipped.join('、')}` : ''}
            </p>
          )}
          <table class="admin-table region-table">
            <thead><tr><th scope="col">站点</th><th scope="col">层级</th><th scope="col">最新版本</th><th scope="col">正在使用</th></tr></thead>
            <tbody>
              {data.sites.map((s) => (
                <tr key={s.siteId} class={s.latestVersion !== null && s.runningVersion !== s.latestVersion ? 'region-row-alert' : undefined}>
                  <th scope="row">{s.siteName}</th><td>{SITE_LEVEL_LABELS[s.level]}</td>
                  <td>{s.latestVersion === null ? '—' : `v${s.latestVersion}`}</td><td>{s.runningVersion === null ? '—' : `v${s.runningVersion}`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </section>
  );
}
