// Hall API calls of the packs console page.
import { TerminalEndpoints } from '../../../protocol/hall/index.ts';
import { PackEndpoints, UploadResponse } from '../../../protocol/hall/packs.ts';
import { call, failedCall, HallApiError } from '../../shared/hall/api.ts';
import { session } from '../../shared/hall/session.ts';

export const loadList = () => call(PackEndpoints.list);
export const loadReport = (slot: string) => call(PackEndpoints.report, { params: { slot } });
/** Pack data is validated by the server (the same schemas); the page only renders it. */
export const loadPreview = (slot: string) => call(PackEndpoints.preview, { params: { slot } });
export const activate = (slot: string) => call(PackEndpoints.activate, { params: { slot } });
export const rollback = () => call(PackEndpoints.rollback);
export const loadTerminals = () => call(TerminalEndpoints.list);

/** Uploads a zip with progress (fetch has no upload progress, XMLHttpRequest does). Resolves with the report either way. */
export function uploadPack(file: Blob, onProgress: (fraction: number) => void): Promise<UploadResponse> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(PackEndpoints.upload.method, PackEndpoints.upload.path);
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
      reject(failedCall(xhr.status, json));
    };
    xhr.send(file);
  });
}
