import { effect } from '@preact/signals';
import { describe, expect, it } from 'vitest';
import type { PackData } from '../../../content/schema/index.ts';
import type { HallEventMessage } from '../../../protocol/hall/index.ts';
import type { PackListResponse, SlotView, UploadResponse } from '../../../protocol/hall/packs.ts';
import { PacksModel, type PacksDeps } from './model.ts';

function slot(name: string, version: number, state: SlotView['state']): SlotView {
  return {
    slot: name, packId: 'ln-sample-county', version, title: '示例县医保大厅', sample: true, state, uploadedAt: '2026-11-20T02:00:00.000Z',
    uploadedBy: '测试负责人', lastActivatedAt: null, bytes: 1000, warnings: 0,
  };
}
/** Pack data stands in by its slot name: the model only passes it on to the page. */
const packOf = (name: string) => ({ manifest: { title: name } }) as unknown as PackData;

/** Waits until `ready` is true, re-checked on every signal change the model makes. */
function until(ready: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    const stop = effect(() => {
      if (ready()) {
        queueMicrotask(() => stop());
        resolve();
      }
    });
  });
}

function hall() {
  const v1 = slot('s1', 1, 'active');
  const v2 = slot('s2', 2, 'verified');
  let listed: PackListResponse = { active: v1, slots: [v1], history: [], rollbackTarget: null };
  const listeners = new Set<(event: HallEventMessage) => void>();
  const calls: string[] = [];
  const deps: PacksDeps = {
    loadList: () => (calls.push('list'), Promise.resolve(listed)),
    loadTerminals: () => Promise.resolve({ terminals: [] }),
    loadPreview: (name) => Promise.resolve(packOf(name)),
    upload: async (_file, onProgress) => {
      // As the browser reports it: each step in a task of its own.
      await Promise.resolve();
      onProgress(0.5);
      await Promise.resolve();
      onProgress(1);
      listed = { ...listed, slots: [v1, v2] };
      const result: UploadResponse = { accepted: true, slot: v2, report: { ok: true, errors: [], warnings: [] } as unknown as UploadResponse['report'] };
      return result;
    },
    activate: (name) => {
      if (name !== 's2') return Promise.reject(new Error('没有这个内容包'));
      listed = { ...listed, active: { ...v2, state: 'active' }, rollbackTarget: v1 };
      return Promise.resolve({ active: { ...v2, state: 'active' } });
    },
    rollback: () => Promise.reject(new Error('没有可以回退的版本')),
    onEvent: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    messageOf: (err) => (err instanceof Error ? err.message : '操作失败，请重试'),
  };
  const publish = (type: string) => [...listeners].forEach((l) => l({ seq: 1, type, at: '2026-11-20T02:00:00.000Z', data: {} }));
  return { deps, calls, publish, listeners, v2 };
}

/** The model once its first lists are in. */
async function loaded(deps: PacksDeps) {
  const model = new PacksModel(deps);
  await until(() => model.list.value !== null);
  return model;
}

describe('内容包 page model', () => {
  it('loads the kept packs and the active pack\'s data', async () => {
    const model = new PacksModel(hall().deps);
    await until(() => model.activeData.value !== null);
    expect(model.list.value?.active?.slot).toBe('s1');
    expect(model.activeData.value?.manifest.title).toBe('s1');
  });

  it('uploads with progress, then previews the new pack and lists it', async () => {
    const model = new PacksModel(hall().deps);
    const seen: Array<number | null> = [];
    effect(() => void seen.push(model.progress.value));
    model.choose(new File(['zip'], 'pack.zip'));
    await model.send();
    expect(seen).toEqual([null, 0, 0.5, 1, null]);
    expect(model.upload.value?.slot?.slot).toBe('s2');
    await until(() => model.preview.value !== null);
    expect([model.previewSlot.value, model.preview.value?.manifest.title]).toEqual(['s2', 's2']);
    expect(model.list.value?.slots.map((s) => s.slot)).toEqual(['s1', 's2']);
  });

  it('activates only after confirmation, says which version, and reloads the lists', async () => {
    const h = hall();
    const model = await loaded(h.deps);
    model.ask({ kind: 'activate', slot: h.v2 });
    await model.run();
    expect(model.notice.value).toEqual({ ok: true, text: '已启用版本 2，各终端将在空闲时自动更新内容' });
    expect(model.confirm.value).toBeNull();
    expect(model.list.value?.active?.slot).toBe('s2');
  });

  it('shows a refused rollback in Chinese and keeps what is shown', async () => {
    const h = hall();
    const model = await loaded(h.deps);
    model.ask({ kind: 'rollback', slot: h.v2 });
    await model.run();
    expect(model.notice.value).toEqual({ ok: false, text: '没有可以回退的版本' });
    expect(model.list.value?.active?.slot).toBe('s1');
  });

  it('reloads the lists when another console activates a pack, and stops listening once disposed', async () => {
    const h = hall();
    const model = await loaded(h.deps);
    const before = h.calls.length;
    h.publish('pack.activated');
    expect(h.calls.length).toBe(before + 1);
    model[Symbol.dispose]();
    expect(h.listeners.size).toBe(0);
  });
});
