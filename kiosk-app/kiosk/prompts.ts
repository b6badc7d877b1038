// 长辈模式 voice prompt for every step. Played from the pack's offline clip `voice/prompt-<step>.wav` when the pack has
// one; otherwise the browser's zh-CN speech as an optional extra (silent where the terminal has none). Wording and clip
// names are the content schema's, so the recorded clip and the speech fallback say the same thing.
// Until the pack has loaded nobody knows whether it has a clip, so a prompt waits for the pack (and then plays) rather
// than falling back to speech: a kiosk that starts before its pack (first start, unpaired) still speaks with the clips.
import { computed, effect, type ReadonlySignal } from '@preact/signals';
import { kioskPromptTexts, packFileUrl, promptClip, type KioskPromptStep, type PackData } from '../../content/schema/index.ts';
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

export type PromptPlan = { kind: 'clip'; url: string } | { kind: 'speech'; text: string };

/** How a step's prompt is played with this (loaded) pack: its clip when it has one, else speech. */
export function planPrompt(step: Step['name'], pack: PackData): PromptPlan {
  const { clip, text } = promptFor(step);
  if (pack.manifest.files.some((f) => f.path === clip)) return { kind: 'clip', url: packFileUrl(pack.manifest, clip) };
  return { kind: 'speech', text };
}

/** Where prompts are heard: the browser's audio and speech on the kiosk, a recording fake in unit tests. */
export interface PromptOutput {
  /** Stops what is playing, then plays this. */
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
    const name = source.step.value.name;
    if (!source.senior.value || !loaded.value) return;
    const pack = source.pack.peek();
    if (pack) output.play(planPrompt(name, pack));
  });
}

/** Plays clips with an Audio element and the fallback with zh-CN speech synthesis (when the browser has it). */
export function browserPromptOutput(): PromptOutput {
  let playing: HTMLAudioElement | null = null;
  const hasSpeech = () => typeof speechSynthesis !== 'undefined' && typeof SpeechSynthesisUtterance !== 'undefined';
  return {
    play(plan) {
      playing?.pause();
      playing = null;
      if (hasSpeech()) speechSynthesis.cancel();
      if (plan.kind === 'clip') {
        playing = new Audio(plan.url);
        void playing.play().catch(() => undefined);
        return;
      }
      if (!hasSpeech()) return;
      const utterance = new SpeechSynthesisUtterance(plan.text);
      utterance.lang = 'zh-CN';
      utterance.rate = 0.85;
      speechSynthesis.speak(utterance);
    },
  };
}
