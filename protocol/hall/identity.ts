// Request and response shapes of the identity module (医保电子凭证 decode, help requests), shared with the page.
// Browser-safe: zod only.
import { z } from 'zod';
import { IdNumber } from './common.ts';
import { endpoint } from './endpoint.ts';
import { RUNS_THE_HALL } from './access.ts';
import { PersonName } from './text.ts';

/** The opaque, dynamic QR payload of a 医保电子凭证; the terminal never decodes it itself. */
export const EcardDecodeRequest = z.strictObject({
  payload: z.string().min(8, '医保码内容不完整').max(2048, '医保码内容过长'),
});
export type EcardDecodeRequest = z.infer<typeof EcardDecodeRequest>;

export const EcardDecodeStarted = z.strictObject({ decodeId: z.string() });
export type EcardDecodeStarted = z.infer<typeof EcardDecodeStarted>;

/** Only what the kiosk flow needs. The ID number goes straight into the ticket request and is never shown in full. */
export const EcardDecodeResponse = z.strictObject({
  identity: z.strictObject({
    idNumber: IdNumber,
    name: PersonName,
    birthDate: z.iso.date(),
  }),
});
export type EcardDecodeResponse = z.infer<typeof EcardDecodeResponse>;

/** While the platform has not answered yet. A finished decode answers EcardDecodeResponse (once) or an error body. */
export const EcardDecodePending = z.strictObject({ pending: z.literal(true) });
export const EcardDecodeStatus = z.union([EcardDecodePending, EcardDecodeResponse]);
export type EcardDecodeStatus = z.infer<typeof EcardDecodeStatus>;

export const HelpRequestBody = z.strictObject({
  /** The kiosk screen the citizen was on, e.g. "identify". */
  screen: z.string().regex(/^[a-z-]{1,20}$/),
});
export type HelpRequestBody = z.infer<typeof HelpRequestBody>;

export const HelpRequestView = z.strictObject({
  id: z.number().int().positive(),
  terminalId: z.string(),
  terminalName: z.string(),
  screen: z.string(),
  at: z.string(),
  resolvedAt: z.string().nullable(),
  resolvedBy: z.string().nullable(),
});
export type HelpRequestView = z.infer<typeof HelpRequestView>;

export const HelpListResponse = z.strictObject({ requests: z.array(HelpRequestView) });

/** Events the module publishes (data of `help.requested` / `help.resolved`). */
export const HelpEvent = z.strictObject({ request: HelpRequestView });

export const IdentityEndpoints = {
  /** Starts a decode (202 with a decode id); `ecardDecodeStatus` reads its outcome once. */
  ecardDecode: endpoint({
    method: 'POST', path: '/api/identity/ecard', roles: ['kiosk'], body: EcardDecodeRequest, response: EcardDecodeStarted,
    summary: '开始解码医保电子凭证二维码（转发医保平台 ec.query）',
  }),
  ecardDecodeStatus: endpoint({
    method: 'GET', path: '/api/identity/ecard/:decodeId', roles: ['kiosk'], response: EcardDecodeStatus,
    summary: '读取医保电子凭证解码结果（只能读取一次）',
  }),
  /** 201 for a new request, 200 when the terminal already has one open. */
  help: endpoint({ method: 'POST', path: '/api/help', roles: ['kiosk', 'pad', 'counter'], body: HelpRequestBody, response: HelpEvent }),
  helpList: endpoint({ method: 'GET', path: '/api/admin/help', roles: ['admin'], staff: RUNS_THE_HALL, response: HelpListResponse }),
  helpResolve: endpoint({
    method: 'POST', path: '/api/admin/help/:id/resolve', roles: ['admin'], staff: RUNS_THE_HALL, body: z.strictObject({}),
    response: z.strictObject({ request: HelpRequestView.nullable() }),
  }),
};
