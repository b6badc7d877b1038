// The 扫码评价 part of the progress page (plain DOM): the five levels after the finish, the 差评 questions, the send
// with retries of the same rating (same id and body) until the server answers, and the answer's lines in the status
// box until the progress itself says 已评价.
import { phoneRatingPath } from '../../../protocol/citizen/phone-rating.ts';
import type { TicketProgress } from '../../../protocol/citizen/progress.ts';
import { errorMessage, fetchJson } from '../shared/fetch.ts';
import {
  EMPTY_FORM, LEVELS, formProblem, newRatingId, pressLevel, requestOf, sendOutcome, toggleReason, type RatingForm, type SendOutcome,
} from './rating-model.ts';

const RETRY_MS = 3_000;

export interface RatingHost {
  el(tag: string, text?: string, className?: string): HTMLElement;
  rerender(): void;
  refresh(): void;
  token(): string;
}

function randomBytes(n: number): Uint8Array {
  const bytes = new Uint8Array(n);
  if (typeof crypto !== 'undefined' && crypto.getRandomValues) return crypto.getRandomValues(bytes);
  for (let i = 0; i < n; i++) bytes[i] = Math.floor(Math.random() * 256);
  return bytes;
}

export function renderRating(host: RatingHost) {
  let form: RatingForm = EMPTY_FORM;
  let problem: string | null = null;
  let outcome: SendOutcome | null = null;
  let sending = false;

  function button(text: string, onClick: () => void, className?: string, pressed?: boolean): HTMLElement {
    const b = host.el('button', text, className);
    b.setAttribute('type', 'button');
    if (pressed !== undefined) b.setAttribute('aria-pressed', String(pressed));
    b.addEventListener('click', onClick);
    return b;
  }

  function send(): void {
    const request = requestOf(form, newRatingId(randomBytes));
    sending = true;
    host.rerender();
    const attempt = (): void => {
      void fetchJson(phoneRatingPath(host.token()), { method: 'POST', body: request }).then((answer) => {
        outcome = sendOutcome(answer.status, answer.body, errorMessage(answer.body, '评价未能提交，请稍后再试'));
        if (outcome.kind === 'retry') setTimeout(attempt, RETRY_MS);
        else sending = false;
        if (outcome.kind === 'refused') form = { ...form, score: null };
        host.rerender();
        if (outcome.kind === 'done') host.refresh();
      });
    };
    attempt();
  }

  function levels(section: HTMLElement): void {
    section.appendChild(host.el('h2', '请您评价本次服务'));
    LEVELS.forEach((level) => {
      section.appendChild(button(level.label, () => {
        const pressed = pressLevel(level.score);
        form = pressed.form;
        problem = null;
        if (pressed.send) send();
        else host.rerender();
      }, 'level'));
    });
  }

  function questions(section: HTMLElement, reasons: readonly string[]): void {
    const label = LEVELS.filter((l) => l.score === form.score).map((l) => l.label)[0] || '';
    section.appendChild(host.el('h2', `您选择了：${label}`));
    section.appendChild(host.el('p', '请选择原因（可多选）'));
    reasons.forEach((reason) => {
      section.appendChild(button(reason, () => {
        form = toggleReason(form, reason);
        problem = null;
        host.rerender();
      }, 'reason', form.reasons.includes(reason)));
    });
    const phoneLabel = host.el('label', '回访电话（可不填）');
    phoneLabel.setAttribute('for', 'callback-phone');
    section.appendChild(phoneLabel);
    const input = host.el('input') as HTMLInputElement;
    input.id = 'callback-phone';
    input.type = 'tel';
    input.inputMode = 'numeric';
    input.autocomplete = 'off';
    input.value = form.phone;
    input.addEventListener('input', () => (form = { ...form, phone: input.value }));
    section.appendChild(input);
    section.appendChild(button('同意工作人员回访', () => {
      form = { ...form, consent: !form.consent };
      problem = null;
      host.rerender();
    }, 'consent', form.consent));
    if (problem) {
      const alert = host.el('p', problem, 'problem');
      alert.setAttribute('role', 'alert');
      section.appendChild(alert);
    }
    section.appendChild(button('提交评价', () => {
      problem = formProblem(form, reasons);
      if (problem) host.rerender();
      else send();
    }, 'primary'));
    section.appendChild(button('返回重选', () => {
      form = EMPTY_FORM;
      problem = null;
      host.rerender();
    }));
  }

  return {
    /** The status lines while the answer is newer than the progress shown; null: the progress's own. */
    lines(p: TicketProgress): string[] | null {
      if (p.rating || p.state !== 'finished') return null;
      if (sending && (!outcome || outcome.kind !== 'retry')) return ['正在提交评价…'];
      return outcome ? outcome.lines : null;
    },
    render(p: TicketProgress, root: HTMLElement): void {
      if (!p.canRate || sending || (outcome && outcome.kind === 'done')) return;
      const section = host.el('section', undefined, 'rate');
      section.setAttribute('data-testid', 'rate');
      if (form.score === null) levels(section);
      else questions(section, p.badReasons);
      root.appendChild(section);
    },
  };
}
