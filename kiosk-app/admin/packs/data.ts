// Hall API calls of the packs console page.
import type { PackData } from '../../../content/schema/index.ts';
import { TerminalListResponse } from '../../../protocol/hall/index.ts';
import { ActivateResponse, PackListResponse, PackPaths, UploadResponse, ValidationReportSchema } from '../../../protocol/hall/packs.ts';
import { api, HallApiError } from '../../shared/hall/api.ts';
import { session } from '../../shared/hall/session.ts';

export const loadList = () => api(PackPaths.list, undefined, { response: PackListResponse });
export const loadReport = (slot: string) => api(PackPaths.report(slot), undefined, { response: ValidationReportSchema });
/** Pack data is validated by the server (the same schemas); the page only renders it. */
export const loadPreview = (slot: string) => api(PackPaths.preview(slot)) as Promise<PackData>;
export const activate = (slot: string) => api(PackPaths.activate(slot), undefined, { method: 'POST', response: ActivateResponse });
export const rollback = () => api(PackPaths.rollback, undefined, { method: 'POST', response: ActivateResponse });
export const loadTerminals = () => api('/api/admin/terminals', undefined, { response: TerminalListResponse });

/** Uploads a zip with progress (fetch has no upload progress, XMLHttpRequest does). Resolves with the report either way. */
export function uploadPack(file: Blob, onProgress: (fraction: number) => void): Promise<UploadResponse> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', PackPaths.upload);
    const token = session.value?.token;
    if (token) xhr.setRequestHeader('authorization', `Bearer ${token}`);
    xhr.setRequestHeader('content-type', 'application/zip');
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onerror = () => reject(new HallApiError(0, 'unreachable', '上传中断：暂时无法连接大厅服务器，请稍后再试'));
    xhr.onload = () => {
      let json: unknown = null;
      try {
        json = JSON.parse(xhr.responseText);
      } catch {
        reject(new HallApiError(xhr.status, 'bad_response', '大厅服务器的回复无法识别'));
        return;
      }
      const ok = UploadResponse.safeParse(json);
      if (ok.success) {
        resolve(ok.data);
        return;
      }
      const err = json as { error?: { code?: string; message?: string } };
      reject(new HallApiError(xhr.status, err.error?.code ?? 'upload_failed', err.error?.message ?? '上传失败，请重试'));
    };
    xhr.send(file);
  });
}
