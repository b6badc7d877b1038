// 医保电子凭证 decode adapter: forwards the opaque QR payload to the platform's ec.query service (device type SelfService)
// and keeps only what the kiosk flow needs. The ID number is never logged.
import { z } from 'zod';
import { isValidIdNumber } from '../../protocol/person/id-number.ts';
import { PersonName } from '../../protocol/hall/text.ts';
import { ApiError } from '../core/module.ts';
import { createLogger, type Logger } from '../core/log.ts';
import type { EcQueryConfig } from './config.ts';

/** The request body of ec.query as the platform expects it. */
export function ecQueryRequest(config: EcQueryConfig, qrCode: string) {
  return {
    transType: 'ec.query',
    orgId: config.orgId,
    data: {
      orgId: config.orgId,
      businessType: config.businessType,
      deviceType: 'SelfService',
      officeId: config.officeId,
      operatorId: config.operatorId,
      operatorName: config.operatorName,
      qrCode,
    },
  };
}

/** The platform's answer: `code` 0 on success, otherwise a message. */
export const EcQueryResponse = z.object({
  code: z.union([z.number(), z.string()]),
  message: z.string().optional(),
  data: z
    .object({
      userName: z.string().min(1),
      idNo: z.string(),
      idType: z.string().optional(),
      ecToken: z.string().optional(),
    })
    .nullable()
    .optional(),
});

export interface DecodedEcard {
  name: string;
  idNumber: string;
  birthDate: string;
}

/** Birth date (YYYY-MM-DD) inside a GB 11643 number. */
export function birthDateOf(idNumber: string): string {
  return `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`;
}

/** Pure: turns the platform's JSON into what the flow needs, or a clear error. */
export function decodeEcQueryResponse(json: unknown): DecodedEcard {
  const parsed = EcQueryResponse.safeParse(json);
  if (!parsed.success) throw new ApiError(502, 'ecard_bad_reply', '医保电子凭证服务的回复无法识别，请使用身份证或社保卡');
  const { code, message, data } = parsed.data;
  if (String(code) !== '0' || !data) {
    throw new ApiError(422, 'ecard_rejected', `医保码无法识别${message ? `（${message}）` : ''}，请刷新医保码后重试，或使用身份证、社保卡`);
  }
  const idNumber = data.idNo.toUpperCase();
  if (!isValidIdNumber(idNumber)) {
    throw new ApiError(422, 'ecard_unsupported_id', '该医保码对应的证件暂不支持自助取号，请使用证件或到咨询台');
  }
  const name = PersonName.safeParse(data.userName);
  if (!name.success) throw new ApiError(502, 'ecard_bad_reply', '医保电子凭证服务返回的姓名无法识别，请使用身份证或社保卡');
  return { name: name.data, idNumber, birthDate: birthDateOf(idNumber) };
}

export type FetchLike = (url: string, init: { method: string; headers: Record<string, string>; body: string; signal: AbortSignal }) => Promise<{ ok: boolean; status: number; json(): Promise<unknown> }>;

/** Calls ec.query with a timeout. */
export async function queryEcard(
  config: EcQueryConfig | null,
  qrCode: string,
  fetchImpl: FetchLike = fetch,
  log: Logger = createLogger('identity'),
): Promise<DecodedEcard> {
  if (!config) throw new ApiError(503, 'ecard_not_configured', '本大厅尚未接通医保电子凭证服务，请使用身份证或社保卡');
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), config.timeoutMs);
  let json: unknown;
  try {
    const res = await fetchImpl(config.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(ecQueryRequest(config, qrCode)),
      signal: controller.signal,
    });
    if (!res.ok) {
      log.warn(`ec.query answered HTTP ${res.status}`);
      throw new ApiError(502, 'ecard_unavailable', '医保电子凭证服务暂时不可用，请使用身份证或社保卡');
    }
    json = await res.json();
  } catch (error) {
    if (error instanceof ApiError) throw error;
    log.warn(`ec.query unreachable: ${error instanceof Error ? error.name : 'error'}`);
    throw new ApiError(504, 'ecard_unavailable', '医保电子凭证服务暂时不可用，请使用身份证或社保卡');
  } finally {
    clearTimeout(timer);
  }
  return decodeEcQueryResponse(json);
}
