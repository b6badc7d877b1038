// A small client of the packs API for tools (scripts/pack upload/status/activate/rollback): admin login, then calls.
import { ActivateResponse, PackListResponse, PackPaths, UploadResponse } from './api.ts';

export class HallClientError extends Error {}

export class PacksClient {
  private constructor(
    private readonly base: string,
    private readonly token: string,
  ) {}

  /** Logs in with a 大厅负责人 account (工号 and password). */
  static async login(base: string, staffNo: string, password: string): Promise<PacksClient> {
    const url = base.replace(/\/$/, '');
    const res = await PacksClient.fetch(`${url}/api/admin/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ staffNo, password }),
    });
    const body = (await res.json()) as { token?: string; error?: { message: string } };
    if (!res.ok || !body.token) throw new HallClientError(`登录失败：${body.error?.message ?? res.status}`);
    return new PacksClient(url, body.token);
  }

  private static async fetch(url: string, init: RequestInit): Promise<Response> {
    try {
      return await fetch(url, init);
    } catch {
      throw new HallClientError(`无法连接大厅服务器 ${new URL(url).origin}，请确认服务已启动、地址正确`);
    }
  }

  private async call(path: string, method: 'GET' | 'POST', body?: Uint8Array): Promise<{ status: number; json: unknown }> {
    const headers: Record<string, string> = { authorization: `Bearer ${this.token}` };
    if (body) headers['content-type'] = 'application/zip';
    const res = await PacksClient.fetch(this.base + path, { method, headers, body: (body as Uint8Array<ArrayBuffer> | undefined) ?? null });
    const text = await res.text();
    const json: unknown = text ? JSON.parse(text) : null;
    if (!res.ok && res.status !== 422) {
      const message = (json as { error?: { message?: string } } | null)?.error?.message;
      throw new HallClientError(message ?? `大厅服务器返回 ${res.status}`);
    }
    return { status: res.status, json };
  }

  async upload(zip: Uint8Array): Promise<UploadResponse> {
    return UploadResponse.parse((await this.call(PackPaths.upload, 'POST', zip)).json);
  }

  async list(): Promise<PackListResponse> {
    return PackListResponse.parse((await this.call(PackPaths.list, 'GET')).json);
  }

  async activate(slot: string): Promise<ActivateResponse> {
    return ActivateResponse.parse((await this.call(PackPaths.activate(slot), 'POST')).json);
  }

  async rollback(): Promise<ActivateResponse> {
    return ActivateResponse.parse((await this.call(PackPaths.rollback, 'POST')).json);
  }
}
