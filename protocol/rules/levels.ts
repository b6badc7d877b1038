// The five 好差评 levels and the rules a rating must satisfy. Pure and browser-safe: the pad imports it too.

export const LEVELS = [
  { score: 5, label: '非常满意' },
  { score: 4, label: '满意' },
  { score: 3, label: '基本满意' },
  { score: 2, label: '不满意' },
  { score: 1, label: '非常不满意' },
] as const;

export type Score = (typeof LEVELS)[number]['score'];

export function levelLabel(score: number): string {
  return LEVELS.find((l) => l.score === score)?.label ?? '未评价';
}

/** 不满意 and 非常不满意 are 差评. */
export function isBad(score: number): boolean {
  return score <= 2;
}

export interface RatingInput {
  score: number;
  reasons: readonly string[];
  comment: string;
  phone: string;
  consent: boolean;
}

/** Mainland mobile (1 + 10 digits) or a landline with area code (0 + 9..11 digits, optional dash). */
const PHONE = /^(1\d{10}|0\d{2,3}-?\d{7,8})$/;

/** Why a rating cannot be accepted, in words for people; null when it is fine. */
export function ratingProblem(input: RatingInput, allowedReasons: readonly string[]): string | null {
  if (!LEVELS.some((l) => l.score === input.score)) return '评价等级无效';
  if (!isBad(input.score)) {
    if (input.reasons.length > 0 || input.comment !== '' || input.phone !== '') return '只有差评需要填写原因和回访电话';
    return null;
  }
  const unknown = input.reasons.find((r) => !allowedReasons.includes(r));
  if (unknown !== undefined) return `差评原因“${unknown}”不在本大厅的原因列表中`;
  if (new Set(input.reasons).size !== input.reasons.length) return '差评原因重复';
  if (input.reasons.length === 0 && input.comment.trim() === '') return '差评请至少选择一项原因或填写意见';
  if (input.comment.length > 200) return '意见请不超过200字';
  if (input.phone !== '') {
    if (!PHONE.test(input.phone)) return '回访电话格式不正确';
    if (!input.consent) return '留下回访电话前请您确认同意回访';
  }
  return null;
}

/** Minimum interval between accepted presses on one pad (anti-abuse, as rating terminals do). */
export class PressGate {
  private last = Number.NEGATIVE_INFINITY;
  constructor(private readonly minIntervalMs: number) {}
  accept(nowMs: number): boolean {
    if (nowMs - this.last < this.minIntervalMs) return false;
    this.last = nowMs;
    return true;
  }
  /** A new service to rate: the interval guards presses within one prompt, not the next citizen's first press. */
  reset(): void {
    this.last = Number.NEGATIVE_INFINITY;
  }
}
