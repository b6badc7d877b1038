// 长辈模式 voice prompt for every step. Played from the pack's offline clip `voice/prompt-<step>.wav` when the pack has
// one; otherwise the browser's zh-CN speech as an optional extra (silent where the terminal has none). Wording and clip
// names are the content schema's, so the recorded clip and the speech fallback say the same thing.
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

let playing: HTMLAudioElement | null = null;

export function speakPrompt(step: Step['name'], pack: PackData | null): void {
  playing?.pause();
  playing = null;
  if (typeof speechSynthesis !== 'undefined') speechSynthesis.cancel();
  const { clip, text } = promptFor(step);
  if (pack && pack.manifest.files.some((f) => f.path === clip)) {
    playing = new Audio(packFileUrl(pack.manifest, clip));
    void playing.play().catch(() => undefined);
    return;
  }
  if (typeof speechSynthesis === 'undefined' || typeof SpeechSynthesisUtterance === 'undefined') return;
  const utterance = new SpeechSynthesisUtterance(text);
  utterance.lang = 'zh-CN';
  utterance.rate = 0.85;
  speechSynthesis.speak(utterance);
}
