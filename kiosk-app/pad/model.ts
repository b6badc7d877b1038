// What the pad shows, as pure transitions: idle → rate (a finished ticket of this window) → reasons (差评) → thanks → idle.
import type { RatingPrompt } from '../../protocol/hall/ratings.ts';
import { isBad, ratingProblem, type RatingInput } from '../../protocol/rules/levels.ts';

export type PadView =
  | { kind: 'idle' }
  | { kind: 'rate'; prompt: RatingPrompt }
  | { kind: 'reasons'; prompt: RatingPrompt; score: number; error: string | null }
  | { kind: 'thanks'; bad: boolean };

export interface Submission {
  prompt: RatingPrompt;
  input: RatingInput;
}

export interface Step {
  view: PadView;
  submit: Submission | null;
}

const stay = (view: PadView): Step => ({ view, submit: null });

/** A new finished ticket replaces whatever prompt was open, unless this pad has rated it already or it has expired. */
export function finished(view: PadView, prompt: RatingPrompt, rated: ReadonlySet<string>, nowMs: number): Step {
  if (rated.has(prompt.ticketId) || Date.parse(prompt.expiresAt) <= nowMs) return stay(view);
  if ((view.kind === 'rate' || view.kind === 'reasons') && view.prompt.ticketId === prompt.ticketId) return stay(view);
  return stay({ kind: 'rate', prompt });
}

/** A level chosen by touch or keypad: good levels submit at once, 差评 asks for reasons first. */
export function press(view: PadView, score: number): Step {
  if (view.kind !== 'rate') return stay(view);
  if (isBad(score)) return stay({ kind: 'reasons', prompt: view.prompt, score, error: null });
  return {
    view: { kind: 'thanks', bad: false },
    submit: { prompt: view.prompt, input: { score, reasons: [], comment: '', phone: '', consent: false } },
  };
}

export function submitReasons(
  view: PadView,
  details: Omit<RatingInput, 'score'>,
  allowedReasons: readonly string[],
): Step {
  if (view.kind !== 'reasons') return stay(view);
  const input = { ...details, score: view.score };
  const problem = ratingProblem(input, allowedReasons);
  if (problem) return stay({ ...view, error: problem });
  return { view: { kind: 'thanks', bad: true }, submit: { prompt: view.prompt, input } };
}

/** Back from the reasons to the five levels (nothing was submitted yet). */
export function back(view: PadView): Step {
  return view.kind === 'reasons' ? stay({ kind: 'rate', prompt: view.prompt }) : stay(view);
}

/** The prompt's time is up (the hall-server records 未评价), or the server says so. */
export function expire(view: PadView, nowMs: number, unratedTicketId: string | null = null): Step {
  if (view.kind !== 'rate' && view.kind !== 'reasons') return stay(view);
  if (unratedTicketId !== null ? view.prompt.ticketId === unratedTicketId : Date.parse(view.prompt.expiresAt) <= nowMs) {
    return stay({ kind: 'idle' });
  }
  return stay(view);
}

/** Staff undid the finish of `ticketId`: its prompt leaves the screen unless the citizen has already rated. */
export function withdraw(view: PadView, ticketId: string): Step {
  if ((view.kind === 'rate' || view.kind === 'reasons') && view.prompt.ticketId === ticketId) return stay({ kind: 'idle' });
  return stay(view);
}
