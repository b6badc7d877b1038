// The 差评 path, one question per screen: which reasons (at most 4 a screen, 更多原因 for the rest) → a call-back phone on
// the big keypad (may be skipped) → consent to the call-back as its own yes/no → thanks. Pure: every transition returns the
// next view and, at the end, what to submit.
import type { RatingPrompt } from '../../protocol/hall/ratings.ts';
import { ratingProblem, type RatingInput } from '../../protocol/rules/levels.ts';

export const REASONS_PER_SCREEN = 4;
/** Seconds without a touch before the path ends by itself; the 继续 warning shows for the last WARN_SECONDS. */
export const BAD_PATH_IDLE_SECONDS = 60;
export const WARN_SECONDS = 20;
const PHONE_MAX_DIGITS = 12;

export type BadStep = 'reasons' | 'phone' | 'consent';

export interface BadPath {
  kind: 'bad';
  prompt: RatingPrompt;
  score: number;
  /** When the level was pressed (server clock): the rating's time, so a path finished after the prompt's timeout still
   * counts as rated within it. */
  ratedAtMs: number;
  step: BadStep;
  /** Which screen of reasons is shown (0-based). */
  page: number;
  chosen: readonly string[];
  phone: string;
  error: string | null;
}

export interface BadSubmission {
  prompt: RatingPrompt;
  input: RatingInput;
  ratedAtMs: number;
}

export interface BadStepResult {
  /** The next path screen, or null when the path has ended (submitted or abandoned). */
  path: BadPath | null;
  submit: BadSubmission | null;
}

const go = (path: BadPath): BadStepResult => ({ path, submit: null });

export function startBadPath(prompt: RatingPrompt, score: number, nowMs: number): BadPath {
  return { kind: 'bad', prompt, score, ratedAtMs: nowMs, step: 'reasons', page: 0, chosen: [], phone: '', error: null };
}

export function reasonPages(reasons: readonly string[]): number {
  return Math.max(1, Math.ceil(reasons.length / REASONS_PER_SCREEN));
}

/** The reasons shown on the path's current screen. */
export function reasonsOnScreen(path: BadPath, reasons: readonly string[]): readonly string[] {
  const start = path.page * REASONS_PER_SCREEN;
  return reasons.slice(start, start + REASONS_PER_SCREEN);
}

export function toggleReason(path: BadPath, reason: string): BadPath {
  const chosen = path.chosen.includes(reason) ? path.chosen.filter((r) => r !== reason) : [...path.chosen, reason];
  return { ...path, chosen, error: null };
}

/** 更多原因: the next screen of reasons, and after the last one the first again. Choices are kept. */
export function moreReasons(path: BadPath, reasons: readonly string[]): BadPath {
  return { ...path, page: (path.page + 1) % reasonPages(reasons), error: null };
}

function submission(path: BadPath, withPhone: boolean, reasons: readonly string[]): BadStepResult {
  const input: RatingInput = {
    score: path.score,
    reasons: [...path.chosen],
    comment: '',
    phone: withPhone ? path.phone : '',
    consent: withPhone,
  };
  const problem = ratingProblem(input, reasons);
  if (problem) return go({ ...path, error: problem });
  return { path: null, submit: { prompt: path.prompt, input, ratedAtMs: path.ratedAtMs } };
}

export function reasonsDone(path: BadPath): BadStepResult {
  if (path.chosen.length === 0) return go({ ...path, error: '请至少选择一项不满意的原因' });
  return go({ ...path, step: 'phone', error: null });
}

/** A key of the big keypad: a digit, 清除 or 删除. */
export function phoneKey(path: BadPath, key: string): BadPath {
  if (key === '清除') return { ...path, phone: '', error: null };
  if (key === '删除') return { ...path, phone: path.phone.slice(0, -1), error: null };
  if (!/^\d$/.test(key) || path.phone.length >= PHONE_MAX_DIGITS) return path;
  return { ...path, phone: path.phone + key, error: null };
}

/** 下一步 on the phone screen: a number goes on to the consent question; none submits without a call-back. */
export function phoneDone(path: BadPath, reasons: readonly string[]): BadStepResult {
  if (path.phone === '') return submission(path, false, reasons);
  const problem = ratingProblem({ score: path.score, reasons: path.chosen, comment: '', phone: path.phone, consent: true }, reasons);
  if (problem) return go({ ...path, error: problem });
  return go({ ...path, step: 'consent', error: null });
}

/** 不留电话: submits the reasons without a call-back. */
export function skipPhone(path: BadPath, reasons: readonly string[]): BadStepResult {
  return submission({ ...path, phone: '' }, false, reasons);
}

/** The consent question's answer: yes keeps the phone for the call-back, no submits without it. */
export function answerConsent(path: BadPath, agree: boolean, reasons: readonly string[]): BadStepResult {
  return submission(path, agree, reasons);
}

/** 返回: one screen back; from the first screen of reasons the path ends (back to the five levels). */
export function badBack(path: BadPath): BadPath | null {
  if (path.step === 'consent') return { ...path, step: 'phone', error: null };
  if (path.step === 'phone') return { ...path, step: 'reasons', error: null };
  if (path.page > 0) return { ...path, page: path.page - 1, error: null };
  return null;
}

/**
 * The path ends without the citizen finishing it (nobody touched the pad, or the next service's prompt arrived): the
 * reasons chosen so far are the citizen's 差评 and are submitted; a phone is never kept without the consent answer.
 */
export function abandonBadPath(path: BadPath, reasons: readonly string[]): BadStepResult {
  if (path.chosen.length === 0) return { path: null, submit: null };
  const result = submission(path, false, reasons);
  return result.submit ? result : { path: null, submit: null };
}

/** Seconds left before the path ends by itself, counted from the last touch. */
export function secondsBeforeAbandon(lastTouchMs: number, nowMs: number): number {
  return Math.max(0, Math.ceil((lastTouchMs + BAD_PATH_IDLE_SECONDS * 1000 - nowMs) / 1000));
}
