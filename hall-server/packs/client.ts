// A small client of the packs API for tools (scripts/pack upload/status/activate/rollback): admin login, then calls
// of the endpoints declared in protocol/hall, each answer checked by its response schema.
import type { z } from 'zod';
import { AccountEndpoints, type AdminLoginRequest } from '../../protocol/hall/index.ts';
import { endpointPath, errorOfResponse, type Endpoint, type ParamsOf, type ResponseOf } from '../../protocol/hall/endpoint.ts';
import { PackEndpoints } from '../../protocol/hall/packs.ts';

export class HallClientError extends Error {}

/** The answer of a call, as the tool reads it: the parsed body, or the hall's error message. */
async function readAnswer(res: Response, acceptStatus: (status: number) => boolean): Promise<unknown> {
  const text = await res.text();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    throw new HallClientError(`大厅服务器的回复无法识别（HTTP ${res.status}）`);
  }
  if (!res.ok && !acceptStatus(res.status)) throw new HallClientError(errorOfResponse(res.status, json).message);
  return json;
}

export class PacksClient {
  private constructor(
    private readonly base: string,
    private readonly token: string,
  ) {}

  /** Logs in with a 大厅负责人 account (工号 and password). */
  static async login(base: string, staffNo: string, password: string): Promise<PacksClient> {
    const url = base.replace(/\/$/, '');
    const request: z.input<typeof AdminLoginRequest> = { staffNo, password };
    const res = await PacksClient.fetch(`${url}${AccountEndpoints.login.path}`, {
      method: AccountEndpoints.login.method,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(request),
    });
    let json: unknown;
    try {
      json = await readAnswer(res, () => false);
    } catch (error) {
      throw new HallClientError(`登录失败：${(error as Error).message}`);
    }
    const token = AccountEndpoints.login.response.safeParse(json);
    if (!token.success) throw new HallClientError(`登录失败：大厅服务器的回复无法识别`);
    return new PacksClient(url, token.data.token);
  }

  private static async fetch(url: string, init: RequestInit): Promise<Response> {
    try {
      return await fetch(url, init);
    } catch {
      throw new HallClientError(`无法连接大厅服务器 ${new URL(url).origin}，请确认服务已启动、地址正确`);
    }
  }

  /** Calls a declared endpoint; a refused upload (422) still answers with its report. */
  private async call<E extends Endpoint>(declared: E, params?: ParamsOf<E>, body?: Uint8Array): Promise<ResponseOf<E>> {
    const headers: Record<string, string> = { authorization: `Bearer ${this.token}` };
    if (body) headers['content-type'] = 'application/zip';
    const path = endpointPath(declared.path, params as Record<string, string | number> | undefined);
    const res = await PacksClient.fetch(this.base + path, {
      method: declared.method, headers, body: (body as Uint8Array<ArrayBuffer> | undefined) ?? null,
    });
    const json = await readAnswer(res, (status) => (declared as Endpoint) === PackEndpoints.upload && status === 422);
    return (declared.response ? declared.response.parse(json) : json) as ResponseOf<E>;
  }

  upload(zip: Uint8Array) {
    return this.call(PackEndpoints.upload, undefined, zip);
  }

  list() {
    return this.call(PackEndpoints.list);
  }

  activate(slot: string) {
    return this.call(PackEndpoints.activate, { slot });
  }

  rollback() {
    return this.call(PackEndpoints.rollback);
  }
}
