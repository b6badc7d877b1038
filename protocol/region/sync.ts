// What a hall and its region must agree on: enrolment of a hall as a site of the 1+21+N network, and the signed
// batches in which a hall pushes its durable event log. Browser-safe: zod only.
import { z } from 'zod';
import { SealingPublicKey } from './records.ts';

/** The five kinds of service point of seed 001's network, from the city centre down to a village point. */
export const SITE_LEVELS = ['city', 'town', 'hospital', 'clinic', 'village'] as const;
export const siteLevelSchema = z.enum(SITE_LEVELS);
export type SiteLevel = z.infer<typeof siteLevelSchema>;

export const SITE_LEVEL_LABELS: Record<SiteLevel, string> = {
  city: '市医疗保障服务中心',
  town: '镇街医保服务站',
  hospital: '医院医保服务站',
  clinic: '卫生院医保服务点',
  village: '村居医保服务点',
};

/** One-time enrolment code as the region console shows it: three groups of four, no 0/O/1/I to misread. */
export const ENROL_CODE_PATTERN = /^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/;

/** base64url of a raw 32-byte Ed25519 public key (43 characters, no padding). */
export const rawPublicKeySchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'Ed25519 公钥格式不对');

export const enrolRequestSchema = z.strictObject({
  code: z.string().regex(ENROL_CODE_PATTERN, '注册码格式不对'),
  publicKey: rawPublicKeySchema,
  /** The hall's own name, for the region console until the site profile names it. */
  hallName: z.string().trim().min(1).max(60),
});
export type EnrolRequest = z.infer<typeof enrolRequestSchema>;

export const enrolResponseSchema = z.strictObject({
  siteId: z.string(),
  siteName: z.string(),
  level: siteLevelSchema,
  /** Highest contiguous event seq the region already holds for this site (0 for a new site). */
  heldThrough: z.number().int().nonnegative(),
  /** The region's current sealing key, to which the hall seals personal fields; absent from a region run without its
   * key file (the hall then sends `sealed: null`). */
  sealingKey: SealingPublicKey.optional(),
  /** The region's pack-signing public key (raw base64url Ed25519): the hall trusts it for packs built for its own site
   * and level only; absent from a region run without its key file. */
  packSigningKey: rawPublicKeySchema.optional(),
});
export type EnrolResponse = z.infer<typeof enrolResponseSchema>;

export const MAX_BATCH_EVENTS = 500;
export const MAX_BATCH_BYTES = 2 * 1024 * 1024;
/** Header carrying the base64 Ed25519 signature of the raw request body. */
export const SYNC_SIGNATURE_HEADER = 'x-yibao-signature';

export const syncEventSchema = z.strictObject({
  seq: z.number().int().positive(),
  type: z.string().min(1).max(80),
  at: z.iso.datetime({ offset: true }),
  data: z.unknown(),
  window: z.number().int().positive().optional(),
});
export type SyncEvent = z.infer<typeof syncEventSchema>;

export const syncBatchSchema = z.strictObject({
  siteId: z.string().min(1).max(40),
  /** Strictly increasing per site across every attempt, persisted by the hall: a batch seen before is a replay. */
  batchId: z.number().int().positive(),
  /** The hall's clock when it signed the batch; the region reports the skew, it never orders by it. */
  sentAt: z.iso.datetime({ offset: true }),
  /** The hall's newest seq: lower than what the region holds means the hall went back (restored from a backup). */
  headSeq: z.number().int().nonnegative(),
  events: z.array(syncEventSchema).max(MAX_BATCH_EVENTS),
});
export type SyncBatch = z.infer<typeof syncBatchSchema>;

export const syncAnswerSchema = z.strictObject({
  heldThrough: z.number().int().nonnegative(),
  /** Events of this batch stored now (those already held are not counted again). */
  stored: z.number().int().nonnegative(),
});
export type SyncAnswer = z.infer<typeof syncAnswerSchema>;

/** Refusals a hall must tell apart: the code decides whether to resend from `heldThrough`, back off, or stop. */
export const SYNC_REFUSALS = {
  gap: '批次不连续：请从区域已收到的序号之后重新发送',
  batch_replayed: '该批次已处理过（重放）',
  bad_signature: '批次签名无效',
  unknown_site: '区域中心没有这个站点',
  site_fenced: '站点已被隔离：事件序号回退或与已收内容不一致，请联系区域管理员',
  invalid_batch: '批次格式不对',
} as const;
export type SyncRefusal = keyof typeof SYNC_REFUSALS;

export const syncErrorSchema = z.strictObject({
  error: z.strictObject({
    code: z.string(),
    message: z.string(),
    heldThrough: z.number().int().nonnegative().optional(),
  }),
});
export type SyncError = z.infer<typeof syncErrorSchema>;

/** A hall's signed request for something of its own (its pack): the site, the hall's clock and the signature of
 * `requestToSign(...)` travel in these headers. */
export const SITE_HEADER = 'x-yibao-site';
export const TIME_HEADER = 'x-yibao-time';
/** How far a hall's clock may be off before its signed requests are refused (sites run ±10 min off). */
export const REQUEST_CLOCK_TOLERANCE_MS = 15 * 60_000;

export function requestToSign(method: string, pathWithQuery: string, time: string): string {
  return `${method}\n${pathWithQuery}\n${time}`;
}
