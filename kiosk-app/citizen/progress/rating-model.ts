// 扫码评价 on the progress page (pure): the five levels, the 差评 path (reasons from the hall's list, an optional
// call-back phone with consent, as on the pad) and what an answer means for the citizen. The rules are the pad's
// (protocol/rules/levels.ts), so the page refuses what the hall would refuse before sending it.
import { LEVELS, isBad, ratingProblem } from '../../../protocol/rules/levels.ts';
import { PENDING_MESSAGE, readPhoneRatingAnswer, type PhoneRatingRequest } from '../../../protocol/citizen/phone-rating.ts';
import type { RatedBy } from '../../../protocol/citizen/progress.ts';
import { CHINA_STANDARD_TIME_MINUTES, localClock } from '../../../protocol/rules/hall-time.ts';

export { LEVELS };

export interface RatingForm {
  /** The 差评 level chosen (1 or 2); null while the five levels show. */
  score: number | null;
  reasons: string[];
  phone: string;
  consent: boolean;
}

export const EMPTY_FORM: RatingForm = { score: null, reasons: [], phone: '', consent: false };

/** A level pressed: a good one is sent at once (as on the pad), a 差评 opens its questions. */
export function pressLevel(score: number): { form: RatingForm; send: boolean } {
  return { form: { ...EMPTY_FORM, score }, send: !isBad(score) };
}

export function toggleReason(form: RatingForm, reason: string): RatingForm {
  const reasons = form.reasons.includes(reason) ? form.reasons.filter((r) => r !== reason) : [...form.reasons, reason];
  return { ...form, reasons };
}

/** Why the 差评 cannot be sent yet, in words for the citizen; null when it can. */
export function formProblem(form: RatingForm, allowedReasons: readonly string[]): string | null {
  if (form.score === null) return '请选择评价等级';
  const phone = form.phone.replace(/\s+/g, '');
  return ratingProblem({ score: form.score, reasons: form.reasons, comment: '', phone, consent: form.consent }, allowedReasons);
}

export function requestOf(form: RatingForm, id: string): PhoneRatingRequest {
  return { id, score: form.score ?? 0, reasons: form.reasons, phone: form.phone.replace(/\s+/g, ''), consent: form.consent };
}

export type SendOutcome =
  | { kind: 'done'; lines: string[] }
  | { kind: 'retry'; lines: string[] }
  | { kind: 'refused'; lines: string[] };

export function ratedLines(rating: RatedBy): string[] {
  return [`已评价（${rating.channel}）`, `评价时间 ${localClock(Date.parse(rating.at), CHINA_STANDARD_TIME_MINUTES)}`];
}

/** What the page says after a send. Status 0 or 5xx: the network or the server failed, the same rating is sent again. */
export function sendOutcome(status: number, body: unknown, errorText: string): SendOutcome {
  if (status === 0 || status >= 500) return { kind: 'retry', lines: ['网络不稳定，正在重新提交…'] };
  const answer = readPhoneRatingAnswer(body);
  if (answer && answer.state === 'pending') return { kind: 'done', lines: [PENDING_MESSAGE] };
  if (answer && answer.rating) {
    const lines = ratedLines(answer.rating);
    return { kind: 'done', lines: answer.state === 'accepted' ? ['感谢您的评价', ...lines] : lines };
  }
  if (answer) return { kind: 'done', lines: ['本次服务已经评价过了'] };
  return { kind: 'refused', lines: [errorText] };
}

/** A rating id for the first try (kept for the retries): 16 random bytes, base64url-like. */
export function newRatingId(random: (n: number) => Uint8Array): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  let id = '';
  random(16).forEach((b) => (id += alphabet[b & 63]));
  return `p${id}`;
}
