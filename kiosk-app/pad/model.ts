// What the pad shows, as pure transitions: idle → rate (a finished ticket of this window) → the 差评 path (badPath.ts) →
// thanks → idle.
import type { RatingPrompt } from '../../protocol/hall/ratings.ts';
import { isBad, type RatingInput } from '../../protocol/rules/levels.ts';
import { abandonBadPath, startBadPath, type BadPath, type BadStepResult } from './badPath.ts';

export type PadView =
  | { kind: 'idle' }
  | { kind: 'rate'; prompt: RatingPrompt }
  | BadPath
  | { kind: 'thanks'; bad: boolean }
  /** The phone (扫码评价) rated this service first: the pad says so instead of asking again. */
  | { kind: 'ratedElsewhere'; channel: string; at: string };

export interface Submission {
  prompt: RatingPrompt;
  input: RatingInput;
  /** When the citizen rated (server clock); null = now. */
  ratedAtMs: number | null;
}

export interface Step {
  view: PadView;
  submit: Submission | null;
}

const stay = (view: PadView): Step => ({ view, submit: null });

const promptOf = (view: PadView): RatingPrompt | null => (view.kind === 'rate' || view.kind === 'bad' ? view.prompt : null);

/**
 * A new finished ticket replaces whatever prompt was open, unless this pad has rated it already or it has expired. A 差评
 * path of the previous service ends first, submitting the reasons chosen so far.
 */
export function finished(
  view: PadView,
  prompt: RatingPrompt,
  rated: ReadonlySet<string>,
  nowMs: number,
  allowedReasons: readonly string[] = [],
): Step {
  if (rated.has(prompt.ticketId) || Date.parse(prompt.expiresAt) <= nowMs) return stay(view);
  if (promptOf(view)?.ticketId === prompt.ticketId) return stay(view);
  const next: PadView = { kind: 'rate', prompt };
  if (view.kind === 'bad') return { view: next, submit: abandonBadPath(view, allowedReasons).submit };
  return stay(next);
}

/** A level chosen by touch or keypad: good levels submit at once, 差评 starts the path of questions. */
export function press(view: PadView, score: number, nowMs: number): Step {
  if (view.kind !== 'rate') return stay(view);
  if (isBad(score)) return stay(startBadPath(view.prompt, score, nowMs));
  return {
    view: { kind: 'thanks', bad: false },
    submit: { prompt: view.prompt, input: { score, reasons: [], comment: '', phone: '', consent: false }, ratedAtMs: nowMs },
  };
}

/** Applies one step of the 差评 path: a path that ended with a submission thanks the citizen; without one, back to idle. */
export function badStep(view: PadView, result: BadStepResult): Step {
  if (view.kind !== 'bad') return stay(view);
  if (result.path) return stay(result.path);
  if (result.submit) return { view: { kind: 'thanks', bad: true }, submit: result.submit };
  return stay({ kind: 'idle' });
}

/** Back from the first question of the path to the five levels (nothing was submitted yet). */
export function backToLevels(view: PadView): Step {
  return view.kind === 'bad' ? stay({ kind: 'rate', prompt: view.prompt }) : stay(view);
}

/**
 * The prompt's time is up (the hall-server records 未评价), or the server says so. Only the five levels close: a citizen
 * on the 差评 path pressed a level in time, and the path keeps its own countdown with 继续.
 */
export function expire(view: PadView, nowMs: number, unratedTicketId: string | null = null): Step {
  if (view.kind !== 'rate') return stay(view);
  if (unratedTicketId !== null ? view.prompt.ticketId === unratedTicketId : Date.parse(view.prompt.expiresAt) <= nowMs) {
    return stay({ kind: 'idle' });
  }
  return stay(view);
}

/** Staff undid the finish of `ticketId`: its prompt leaves the screen unless the citizen has already rated. */
export function withdraw(view: PadView, ticketId: string): Step {
  if (promptOf(view)?.ticketId === ticketId) return stay({ kind: 'idle' });
  return stay(view);
}

/** The service on screen was rated on another channel (the phone) first: one rating per service, so the prompt (or
 * the 差评 path) closes with 已评价 and where. A rating made on this pad changes nothing here. */
export function ratedElsewhere(view: PadView, ticketId: string, channel: string, at: string): Step {
  if (channel === '窗口评价器' || promptOf(view)?.ticketId !== ticketId) return stay(view);
  return stay({ kind: 'ratedElsewhere', channel, at });
}
