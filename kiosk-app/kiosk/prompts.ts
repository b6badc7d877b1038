// 长辈模式 voice prompt for every step. Played from the pack's offline clip `voice/prompt-<step>.wav` when the pack has
// one; otherwise the browser's zh-CN speech as an optional extra (silent where the terminal has none). Wording and clip
// names are the content schema's, so the recorded clip and the speech fallback say the same thing.
// Until the pack has loaded nobody knows whether it has a clip, so a prompt waits for the pack (and then plays) rather
// than falling back to speech: a kiosk that starts before its pack (first start, unpaired) still speaks with the clips.
import { computed, effect, type ReadonlySignal } from '@preact/signals';
import {
  digitClip, digitWords, kioskPromptTexts, letterClip, packFileUrl, phraseClip, promptClip, type KioskPromptStep, type PackData,
} from '../../content/schema/index.ts';
import type { Step } from './model/flow.ts';

/** Every kiosk step has a prompt (a compile error here means a step was added without one). */
const PROMPT_STEP: Record<Step['name'], KioskPromptStep> = {
  home: 'home', info: 'info', guide: 'guide', identify: 'identify', confirm: 'confirm', notice: 'notice', ticket: 'ticket', thanks: 'thanks',
};

/** The text of each step's clip (the speech fallback), taken from the content schema. */
export const PROMPTS = Object.fromEntries(
  Object.entries(PROMPT_STEP).map(([step, prompt]) => [step, kioskPromptTexts[prompt]]),
) as Record<Step['name'], string>;

export function promptClipPath(step: Step['name']): string {
  return promptClip(PROMPT_STEP[step]);
}

/** What the kiosk plays for a step: the pack clip's path, and the text of that clip for the speech fallback. */
export function promptFor(step: Step['name']): { clip: string; text: string } {
  return { clip: promptClipPath(step), text: PROMPTS[step] };
}

/** `then`: clips read right after the prompt's (the ticket number). */
export type PromptPlan = { kind: 'clip'; url: string; then?: string[] } | { kind: 'speech'; text: string };

/** A ticket number read as letters and single digits, then 号 (B005 → B 零 零 五 号); null when it is no ticket number. */
export function ticketNumberReading(number: string): { clips: string[]; text: string } | null {
  const m = /^([A-Z]{1,2})(\d{1,4})$/.exec(number);
  if (!m) return null;
  const letters = [...m[1]!];
  const digits = [...m[2]!].map(Number);
  return {
    clips: [...letters.map(letterClip), ...digits.map(digitClip), phraseClip('hao')],
    text: `${letters.join('')}${digits.map((d) => digitWords[d]).join('')}号`,
  };
}

/** How a step's prompt is played with this (loaded) pack: its clip when it has one, else speech. The ticket screen's
 * prompt is followed by the number, so the citizen hears it (您的号码是 B 零零五 号). */
export function planPrompt(step: Step, pack: PackData): PromptPlan {
  const { clip, text } = promptFor(step.name);
  const number = step.name === 'ticket' ? ticketNumberReading(step.ticket.number) : null;
  const has = (path: string) => pack.manifest.files.some((f) => f.path === path);
  if (has(clip)) {
    const then = number && number.clips.every(has) ? number.clips.map((c) => packFileUrl(pack.manifest, c)) : undefined;
    return then ? { kind: 'clip', url: packFileUrl(pack.manifest, clip), then } : { kind: 'clip', url: packFileUrl(pack.manifest, clip) };
  }
  return { kind: 'speech', text: number ? `${text}您的号码是${number.text}。` : text };
}

/** Where prompts are heard: the browser's audio and speech on the kiosk, a recording fake in unit tests. */
export interface PromptOutput {
  /** Plays this after what is playing has ended (a prompt is never cut by the next one); a newer prompt replaces one
   * still waiting, so a citizen moving fast hears the screen they are on, not a backlog. */
  play(plan: PromptPlan): void;
}

/**
 * Plays the prompt of every step while 长辈模式 is on: on each step change, when 长辈模式 is switched on, and — when a
 * step came before the pack — once the pack has loaded. A later copy of the pack (the hall's after the boot screen's,
 * a new one at the idle reset) does not repeat the prompt. Returns the disposer.
 */
export function watchPrompts(
  source: { step: ReadonlySignal<Step>; pack: ReadonlySignal<PackData | null>; senior: ReadonlySignal<boolean> },
  output: PromptOutput = browserPromptOutput(),
): () => void {
  const loaded = computed(() => source.pack.value !== null);
  return effect(() => {
    const step = source.step.value;
    if (!source.senior.value || !loaded.value) return;
    const pack = source.pack.peek();
    if (pack) output.play(planPrompt(step, pack));
  });
}

const CLIP_STALL_MS = 30_000;

/** Plays clips with an Audio element and the fallback with zh-CN speech synthesis (when the browser has it), one
 * prompt after the other. */
export function browserPromptOutput(): PromptOutput {
  let busy = false;
  let waiting: PromptPlan | null = null;
  const hasSpeech = () => typeof speechSynthesis !== 'undefined' && typeof SpeechSynthesisUtterance !== 'undefined';
  const playUrl = (url: string) =>
    new Promise<void>((resolve) => {
      const audio = new Audio(url);
      // A clip that stalls must not silence every later prompt: none of the pack's clips is near this long.
      setTimeout(resolve, CLIP_STALL_MS);
      audio.addEventListener('ended', () => resolve(), { once: true });
      audio.addEventListener('error', () => resolve(), { once: true });
      audio.play().catch(() => resolve());
    });
  const speak = (text: string) =>
    new Promise<void>((resolve) => {
      if (!hasSpeech()) return resolve();
      const utterance = new SpeechSynthesisUtterance(text);
      utterance.lang = 'zh-CN';
      utterance.rate = 0.85;
      utterance.onend = () => resolve();
      utterance.onerror = () => resolve();
      speechSynthesis.speak(utterance);
    });
  const run = async (plan: PromptPlan) => {
    busy = true;
    if (plan.kind === 'clip') {
      for (const url of [plan.url, ...(plan.then ?? [])]) await playUrl(url);
    } else {
      await speak(plan.text);
    }
    const next = waiting;
    waiting = null;
    if (next) await run(next);
    else busy = false;
  };
  return {
    play(plan) {
      if (busy) {
        waiting = plan;
        return;
      }
      void run(plan);
    },
  };
}
