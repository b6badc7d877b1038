// 内容包 console page: upload with progress → validation report → preview → activate; rollback; kept packs; history;
// which version each terminal shows. The state lives in model.ts; this file renders it.
import { useModel } from '@preact/signals';
import type { PackData } from '../../../content/schema/index.ts';
import { diffPacks } from '../../../content/validate/diff.ts';
import type { SlotView } from '../../../protocol/hall/packs.ts';
import { HallApiError } from '../../shared/hall/api.ts';
import type { AdminPageProps } from '../page.ts';
import { activate, loadList, loadPreview, loadTerminals, rollback, uploadPack } from './data.ts';
import { PackPreview } from './Preview.tsx';
import { ValidationReportView } from './Report.tsx';
import { PacksModel } from './model.ts';
import './packs.css';
import { hallDateTimeOf } from '../../shared/hall/hall-clock.ts';

const STATE_LABELS: Record<SlotView['state'], string> = { active: '使用中', verified: '待启用', retired: '已停用' };
const ACTION_LABELS: Record<string, string> = { uploaded: '上传并校验通过', refused: '上传被拒绝', activated: '启用', rolled_back: '回退' };
const time = (iso: string) => hallDateTimeOf(iso);
const message = (e: unknown) => (e instanceof HallApiError ? e.message : '操作失败，请重试');

export default function PacksPage({ stream }: AdminPageProps) {
  const model = useModel(
    () => new PacksModel({ loadList, loadTerminals, loadPreview, upload: uploadPack, activate, rollback, onEvent: stream.onEvent, messageOf: message }),
  );
  const list = model.list.value;
  const terminals = model.terminals.value;
  const progress = model.progress.value;
  const upload = model.upload.value;
  const file = model.file.value;
  const previewSlot = model.previewSlot.value;
  const preview = model.preview.value;
  const activeData = model.activeData.value;
  const confirm = model.confirm.value;
  const notice = model.notice.value;
  const activeSlot = list?.active?.slot ?? null;
  const setConfirm = model.ask;

  return (
    <div class="pk">
      <h1>内容包管理</h1>
      {notice && (
        <p role={notice.ok ? 'status' : 'alert'} class={notice.ok ? 'pk-notice-ok' : 'pk-notice-bad'}>
          {notice.ok ? '✔ ' : '✘ '}
          {notice.text}
        </p>
      )}

      <section class="pk-card" aria-labelledby="pk-upload-title">
        <h2 id="pk-upload-title">上传新内容包</h2>
        <p class="pk-help">请选择由 pack build 生成、已签名的 .zip 文件。上传后先校验、再预览，确认无误后再启用；正在使用的内容不受影响。</p>
        <div class="pk-upload">
          <input id="pk-file" class="pk-file-input" type="file" accept=".zip,application/zip"
            onChange={(e) => model.choose((e.currentTarget as HTMLInputElement).files?.[0] ?? null)} />
          <label for="pk-file" class="pk-btn">选择内容包文件（.zip）</label>
          <span class="pk-file-name">{file ? file.name : '尚未选择文件'}</span>
          <button type="button" class="pk-btn pk-primary" disabled={!file || progress !== null} onClick={() => void model.send()}>
            上传并校验
          </button>
        </div>
        {progress !== null && (
          <div class="pk-progress">
            <label for="pk-progress-bar">上传进度</label>
            <progress id="pk-progress-bar" max={1} value={progress} />
            <span aria-live="polite">{progress >= 1 ? '已上传，正在校验…' : `${Math.round(progress * 100)}%`}</span>
          </div>
        )}
        {upload && <ValidationReportView report={upload.report} />}
        {upload?.slot && (
          <p>
            <button type="button" class="pk-btn pk-primary" onClick={() => setConfirm({ kind: 'activate', slot: upload.slot! })}>
              启用版本 {upload.slot.version}
            </button>
          </p>
        )}
      </section>

      {confirm && (
        <section class="pk-card pk-confirm" role="alertdialog" aria-labelledby="pk-confirm-title">
          <h2 id="pk-confirm-title">
            {confirm.kind === 'activate' ? `确认启用「${confirm.slot.title}」版本 ${confirm.slot.version}？` : `确认回退到版本 ${confirm.slot.version}？`}
          </h2>
          <p>各终端会在没有群众操作时自动换成新内容，正在办理的群众不受影响。</p>
          <button type="button" class="pk-btn pk-primary" onClick={() => void model.run()}>
            确认{confirm.kind === 'activate' ? '启用' : '回退'}
          </button>
          <button type="button" class="pk-btn" onClick={() => setConfirm(null)}>
            取消
          </button>
        </section>
      )}

      <section class="pk-card" aria-labelledby="pk-slots-title">
        <h2 id="pk-slots-title">已保存的内容包（最近 5 个）</h2>
        {list?.rollbackTarget && (
          <p>
            <button type="button" class="pk-btn" onClick={() => setConfirm({ kind: 'rollback', slot: list.rollbackTarget! })}>
              回退到上一版本（版本 {list.rollbackTarget.version}）
            </button>
          </p>
        )}
        <table class="pk-table">
          <thead>
            <tr>
              <th scope="col">版本</th>
              <th scope="col">名称</th>
              <th scope="col">状态</th>
              <th scope="col">上传</th>
              <th scope="col">操作</th>
            </tr>
          </thead>
          <tbody>
            {list?.slots.map((s) => (
              <tr key={s.slot}>
                <td>{s.version}</td>
                <td>
                  {s.title}
                  {s.sample && <span class="pk-tag">示例数据</span>}
                </td>
                <td>
                  <span class={`pk-state pk-state-${s.state}`}>{STATE_LABELS[s.state]}</span>
                </td>
                <td>
                  {time(s.uploadedAt)} · {s.uploadedBy}
                </td>
                <td class="pk-actions">
                  <button type="button" class="pk-btn" aria-pressed={previewSlot === s.slot} onClick={() => model.showPreview(s.slot)}>
                    预览
                  </button>
                  {s.state !== 'active' && list.active && (s.packId !== list.active.packId || s.version > list.active.version) && (
                    <button type="button" class="pk-btn pk-primary" onClick={() => setConfirm({ kind: 'activate', slot: s })}>
                      启用
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      {preview && (
        <section class="pk-card" aria-labelledby="pk-preview-title">
          <h2 id="pk-preview-title">
            预览：{preview.manifest.title} 版本 {preview.manifest.version}
          </h2>
          {activeData && previewSlot !== activeSlot && <Changes from={activeData} to={preview} />}
          <PackPreview pack={preview} />
        </section>
      )}

      <section class="pk-card" aria-labelledby="pk-terminals-title">
        <h2 id="pk-terminals-title">各终端显示的内容版本</h2>
        {terminals.length === 0 ? (
          <p>还没有已配对的终端。</p>
        ) : (
          <table class="pk-table">
            <thead>
              <tr>
                <th scope="col">终端</th>
                <th scope="col">在线</th>
                <th scope="col">内容版本</th>
              </tr>
            </thead>
            <tbody>
              {terminals.map((t) => (
                <tr key={t.id}>
                  <td>{t.name}</td>
                  <td>{t.online ? '在线' : '离线'}</td>
                  <td>
                    {t.packVersion ?? '尚未上报'}
                    {t.packVersion !== null && list?.active && t.packVersion !== list.active.version ? '（待更新）' : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section class="pk-card" aria-labelledby="pk-history-title">
        <h2 id="pk-history-title">操作记录</h2>
        <table class="pk-table">
          <thead>
            <tr>
              <th scope="col">时间</th>
              <th scope="col">操作</th>
              <th scope="col">操作人</th>
              <th scope="col">版本</th>
              <th scope="col">说明</th>
            </tr>
          </thead>
          <tbody>
            {list?.history.map((h, i) => (
              <tr key={i}>
                <td>{time(h.at)}</td>
                <td>{ACTION_LABELS[h.action] ?? h.action}</td>
                <td>{h.actor}</td>
                <td>{h.version ?? '—'}</td>
                <td>{h.note}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}

function Changes({ from, to }: { from: PackData; to: PackData }) {
  const changes = diffPacks(from, to);
  return (
    <section class="pk-changes" aria-labelledby="pk-changes-title">
      <h3 id="pk-changes-title">与正在使用的版本 {from.manifest.version} 相比</h3>
      {changes.length === 0 ? (
        <p>内容没有变化。</p>
      ) : (
        <ul>
          {changes.map((c) => (
            <li key={c}>{c}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
