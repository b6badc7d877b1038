// 长辈模式 voice prompt for every step. Played from the pack's offline clip `voice/prompt-<step>.wav` when the pack has
// one; otherwise the browser's zh-CN speech as an optional extra (silent where the terminal has none). Wording and clip
// names are the content schema's, so the recorded clip and the speech fallback say the same thing.
// Until the pack has loaded nobody knows whether it has a clip, so a prompt waits for the pack (and then plays) rather
// than falling back to speech: a kiosk that starts before its pack (first start, unpaired) still speaks with the clips.
import { computed, effect, type ReadonlySignal } from '@preact/signals';
import {
  digitClip, digitWords, kioskPromptTexts, letterClip, packFileUrl, phraseClip, promptClip, voicePromptTexts, type KioskPromptStep, type PackData,
  type VoicePrompt,
} from '../../content/schema/index.ts';
import { browserPromptOutput, type PromptOutput, type PromptPlan } from '../shared/ui/voice/prompts.ts';
import type { Step } from './model/flow.ts';

export { browserPromptOutput, type PromptOutput, type PromptPlan };

/** Every kiosk step has a prompt (a compile error here means a step was added without one). */
const PROMPT_STEP: Record<Step['name'], KioskPromptStep> = {
  home: 'home', info: 'info', guide: 'guide', identify: 'identify', confirm: 'confirm', notice: 'notice', ticket: 'ticket', thanks: 'thanks',
  // 预约签到 asks for the same card, 医保码 (or the typed 预约码); its answers are spoken in the hall's own words (planPrompt).
  checkIn: 'identify', checkInEarly: 'identify', checkInMissing: 'identify',
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

/** The prompt of this very step: the confirm screen that offers the 绿色通道 says so and names both choices. */
function stepPrompt(step: Step): { clip: string; text: string } {
  const prompt: VoicePrompt = step.name === 'confirm' && step.greenOffered ? 'confirm-green' : PROMPT_STEP[step.name];
  return { clip: promptClip(prompt), text: voicePromptTexts[prompt] };
}

/** What a step's prompt depends on: a change within a step (printing → printed, identifying, a page of home) says
 * nothing new, so the prompt is not said again. */
function promptKey(step: Step): string {
  if (step.name === 'ticket') return `ticket:${step.ticket.id}`;
  if (step.name === 'confirm') return `confirm:${step.greenOffered}`;
  return step.name;
}

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
  if (step.name === 'checkInEarly' || step.name === 'checkInMissing') return { kind: 'speech', text: step.message };
  const { clip, text } = stepPrompt(step);
  const number = step.name === 'ticket' ? ticketNumberReading(step.ticket.number) : null;
  const has = (path: string) => pack.manifest.files.some((f) => f.path === path);
  if (has(clip)) {
    const then = number && number.clips.every(has) ? number.clips.map((c) => packFileUrl(pack.manifest, c)) : undefined;
    return then ? { kind: 'clip', url: packFileUrl(pack.manifest, clip), then } : { kind: 'clip', url: packFileUrl(pack.manifest, clip) };
  }
  return { kind: 'speech', text: number ? `${text}您的号码是${number.text}。` : text };
}

/**
 * Plays the prompt of every step while 长辈模式 is on: on each step change (not on a change within a step), when 长辈模式
 * is switched on, and — when a step came before the pack — once the pack has loaded. A later copy of the pack (the
 * hall's after the boot screen's, a new one at the idle reset) does not repeat the prompt. Returns the disposer.
 */
export function watchPrompts(
  source: { step: ReadonlySignal<Step>; pack: ReadonlySignal<PackData | null>; senior: ReadonlySignal<boolean> },
  output: PromptOutput = browserPromptOutput(),
): () => void {
  const loaded = computed(() => source.pack.value !== null);
  let said: string | null = null;
  return effect(() => {
    const step = source.step.value;
    if (!source.senior.value || !loaded.value) {
      said = null;
      return;
    }
    const key = promptKey(step);
    const pack = source.pack.peek();
    if (!pack || key === said) return;
    said = key;
    output.play(planPrompt(step, pack));
  });
}
