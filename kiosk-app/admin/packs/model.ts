// The state of the 内容包 page (@preact/signals createModel): the kept packs and their history, which version each
// terminal shows, an upload with its progress and report, the pack previewed beside the active one, the activation or
// rollback waiting for confirmation, and the last notice. Lists reload after pack.activated and after every change;
// terminals after terminal.seen. Calls reach the hall through PacksDeps, so the model is unit-tested with fakes; the
// page (index.tsx) only renders it. Disposing it drops the event subscription.
import { action, createModel, effect, signal } from '@preact/signals';
import type { PackData } from '../../../content/schema/index.ts';
import type { HallEventMessage, TerminalView } from '../../../protocol/hall/index.ts';
import type { ActivateResponse, PackListResponse, SlotView, UploadResponse } from '../../../protocol/hall/packs.ts';

export interface PacksDeps {
  loadList(): Promise<PackListResponse>;
  loadTerminals(): Promise<{ terminals: TerminalView[] }>;
  loadPreview(slot: string): Promise<PackData>;
  upload(file: Blob, onProgress: (fraction: number) => void): Promise<UploadResponse>;
  activate(slot: string): Promise<ActivateResponse>;
  rollback(): Promise<ActivateResponse>;
  /** Subscribes to the hall's events; returns the unsubscribe. */
  onEvent(listener: (event: HallEventMessage) => void): () => void;
  /** The Chinese message of a failed call. */
  messageOf(err: unknown): string;
}

export interface Confirmation {
  kind: 'activate' | 'rollback';
  slot: SlotView;
}

export const PacksModel = createModel((deps: PacksDeps) => {
  const list = signal<PackListResponse | null>(null);
  const terminals = signal<TerminalView[]>([]);
  /** Upload progress 0…1, null when no upload runs. */
  const progress = signal<number | null>(null);
  const upload = signal<UploadResponse | null>(null);
  const file = signal<File | null>(null);
  const previewSlot = signal<string | null>(null);
  const preview = signal<PackData | null>(null);
  /** The active pack's data, to list what the previewed one changes. */
  const activeData = signal<PackData | null>(null);
  const confirm = signal<Confirmation | null>(null);
  const notice = signal<{ ok: boolean; text: string } | null>(null);
  const fail = (err: unknown) => (notice.value = { ok: false, text: deps.messageOf(err) });

  const refresh = action(async () => {
    try {
      list.value = await deps.loadList();
      terminals.value = (await deps.loadTerminals()).terminals;
    } catch (err) {
      fail(err);
    }
  });
  void refresh();

  // Another console (or the CLI at start) may switch packs, and terminals report their version: keep the lists current.
  effect(() =>
    deps.onEvent((event) => {
      if (event.type === 'pack.activated') void refresh();
      if (event.type === 'terminal.seen') deps.loadTerminals().then((r) => (terminals.value = r.terminals), () => undefined);
    }),
  );

  let activeRequest = 0;
  effect(() => {
    const slot = list.value?.active?.slot ?? null;
    const mine = ++activeRequest;
    activeData.value = null;
    if (slot) deps.loadPreview(slot).then((data) => mine === activeRequest && (activeData.value = data), () => undefined);
  });

  let previewRequest = 0;
  effect(() => {
    const slot = previewSlot.value;
    const mine = ++previewRequest;
    preview.value = null;
    if (slot) deps.loadPreview(slot).then((data) => mine === previewRequest && (preview.value = data), (err) => mine === previewRequest && fail(err));
  });

  const send = action(async () => {
    const chosen = file.peek();
    if (!chosen) return;
    upload.value = null;
    notice.value = null;
    progress.value = 0;
    try {
      const result = await deps.upload(chosen, (fraction) => (progress.value = fraction));
      upload.value = result;
      if (result.slot) previewSlot.value = result.slot.slot;
      await refresh();
    } catch (err) {
      fail(err);
    } finally {
      progress.value = null;
    }
  });

  const run = action(async () => {
    const asked = confirm.peek();
    if (!asked) return;
    try {
      const res = asked.kind === 'activate' ? await deps.activate(asked.slot.slot) : await deps.rollback();
      notice.value = { ok: true, text: `已${asked.kind === 'activate' ? '启用' : '回退到'}版本 ${res.active.version}，各终端将在空闲时自动更新内容` };
      upload.value = null;
    } catch (err) {
      fail(err);
    }
    confirm.value = null;
    await refresh();
  });

  return {
    list, terminals, progress, upload, file, previewSlot, preview, activeData, confirm, notice,
    refresh, send, run,
    choose: action((chosen: File | null) => (file.value = chosen)),
    showPreview: action((slot: string) => (previewSlot.value = slot)),
    ask: action((asked: Confirmation | null) => (confirm.value = asked)),
  };
});
