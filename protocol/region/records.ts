// What the region needs of a hall beyond its live events: one full record per rating and one per change of a 差评 case,
// written into the hall's durable event log (never sent to terminal sockets) so that they travel in the same signed,
// exactly-once batches. Personal fields (call-back phone, the comment's original before masking, the citizen's name)
// travel and rest sealed to the region's sealing key; only the region's upstream export opens them. Browser-safe: zod only.
import { z } from 'zod';
import { CASE_STATES } from '../hall/cases.ts';

/**
 * A sealed box: X25519 ECDH between a fresh ephemeral key and the region's sealing public key, HKDF-SHA256
 * (salt = the ephemeral public key's 32 raw bytes, info = `SEAL_INFO`) to a 32-byte AES-256-GCM key, 12-byte iv.
 * `data` is the ciphertext of the UTF-8 JSON of `SealedPersonalFields`. All binary fields are base64url without padding.
 */
export const SEAL_ALGORITHM = 'x25519-hkdf-sha256-aes-256-gcm';
export const SEAL_INFO = 'yibao-region-seal-v1';

export const SealedBox = z.strictObject({
  alg: z.literal(SEAL_ALGORITHM),
  /** Id of the region sealing key used (the region may rotate it and keep the old ones to open older boxes). */
  keyId: z.string().min(1).max(40),
  epk: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
  iv: z.string().regex(/^[A-Za-z0-9_-]{16}$/),
  tag: z.string().regex(/^[A-Za-z0-9_-]{22}$/),
  data: z.string().regex(/^[A-Za-z0-9_-]*$/).max(8192),
});
export type SealedBox = z.infer<typeof SealedBox>;

/** What a sealed box holds once opened; '' when the citizen gave none. */
export const SealedPersonalFields = z.strictObject({
  name: z.string().max(60),
  phone: z.string().max(20),
  comment: z.string().max(200),
  /** The rater's 证件类型 code and 证件号码 when the ticket was taken with an identity (the upstream export's columns 4
   * and 5); absent for a ticket without one and from halls that predate them. */
  idType: z.enum(['111', '001']).optional(),
  idNumber: z.string().max(40).optional(),
});
export type SealedPersonalFields = z.infer<typeof SealedPersonalFields>;

/** The region's current sealing key, as the enrolment answer and `GET /api/region/sealing-key` give it. */
export const SealingPublicKey = z.strictObject({
  keyId: z.string().min(1).max(40),
  /** base64url of the raw 32-byte X25519 public key. */
  publicKey: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
});
export type SealingPublicKey = z.infer<typeof SealingPublicKey>;

/** 好差评 channels of the upstream export; the pad is 窗口评价器, the phone page (扫码评价) is 二维码. */
export const RATING_CHANNELS = ['窗口评价器', '二维码', '网上办事大厅', '移动端', '电话'] as const;
export const RatingChannel = z.enum(RATING_CHANNELS);

/** Event type `rating.recorded`: one per stored rating, with everything statistics, cases and the export need. */
export const RatingRecordedEvent = z.strictObject({
  ratingId: z.string(),
  ticketId: z.string(),
  ticketNumber: z.string(),
  /** 办件编号, the number the upstream platform knows the service by. */
  caseNumber: z.string(),
  serviceCode: z.string(),
  serviceName: z.string(),
  window: z.number().int().positive(),
  staffId: z.string().nullable(),
  staffName: z.string().nullable(),
  score: z.number().int().min(1).max(5),
  reasons: z.array(z.string()),
  /** The comment with ID and phone numbers masked; the original is only in `sealed`. */
  maskedComment: z.string(),
  channel: RatingChannel,
  issuedAt: z.iso.datetime({ offset: true }),
  finishedAt: z.iso.datetime({ offset: true }),
  ratedAt: z.iso.datetime({ offset: true }),
  /** The hall's business day (YYYY-MM-DD in hall time) the rating counts on. */
  day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  sealed: SealedBox.nullable(),
});
export type RatingRecordedEvent = z.infer<typeof RatingRecordedEvent>;

/** Event type `rating.case.recorded`: a 差评 case as it stands after each change. */
export const CaseRecordedEvent = z.strictObject({
  caseId: z.string(),
  ratingId: z.string(),
  state: z.enum(CASE_STATES),
  openedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  /** The deadline in working days by the hall's pack calendar. */
  dueOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  closedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
  /** Who made the change (name and 工号 of the hall account). */
  by: z.string(),
  at: z.iso.datetime({ offset: true }),
});
export type CaseRecordedEvent = z.infer<typeof CaseRecordedEvent>;

export const REGION_RECORD_TYPES = { 'rating.recorded': RatingRecordedEvent, 'rating.case.recorded': CaseRecordedEvent } as const;
