// The kiosk's states and errors, spoken: each one says what happened and what to do when it appears (read-failed
// card, readers out of order, printer out of paper, the hall unreachable…). Which ones are showing is pure; the
// watcher plays a prompt when its state appears, after whatever prompt is playing.
import { effect, type ReadonlySignal } from '@preact/signals';
import type { KioskStatePrompt, PackData } from '../../content/schema/index.ts';
import type { HelpState } from '../shared/ui/HelpButton.tsx';
import { planVoicePrompt, type PromptOutput } from '../shared/ui/voice/prompts.ts';
import type { Step } from './model/flow.ts';
import type { IdMethods } from './model/idMethods.ts';

export interface KioskVoiceState {
  step: Step;
  /** The hall cannot be reached: 暂停取号. */
  paused: boolean;
  methods: IdMethods;
  /** Why the item of the guide on screen issues no ticket now; null when it does (or no guide is showing). */
  itemClosedReason: string | null;
  help: HelpState;
  /** The idle countdown is on screen. */
  countdown: boolean;
}

/** Spoken outside 长辈模式 too: a citizen who looked away must hear that the screen is about to clear. */
export const SPOKEN_IN_BOTH_MODES: ReadonlySet<KioskStatePrompt> = new Set(['idle-countdown']);

/** The state prompts that apply now. `confirm-green` is the confirm step's own prompt (prompts.ts), not listed here. */
export function statePromptsOf(s: KioskVoiceState): KioskStatePrompt[] {
  const out: KioskStatePrompt[] = [];
  const step = s.step;
  // The ticket screen stays while the hall is away (the ticket is already issued); every other step is covered by 暂停取号.
  if (s.paused && step.name !== 'ticket') out.push('network-down');
  if (step.name === 'identify') {
    if (Object.values(s.methods).includes('offline')) out.push('readers-offline');
    if (step.error) out.push('identify-failed');
  }
  if (step.name === 'guide' && s.itemClosedReason) out.push('item-closed');
  if (step.name === 'notice' && step.error) out.push('issue-failed');
  if (step.name === 'ticket' && step.print === 'failed') out.push(step.printCode === 'paper_out' ? 'paper-out' : 'print-failed');
  if (s.help === 'sent') out.push('help-sent');
  if (s.countdown) out.push('idle-countdown');
  return out;
}

/** Prompts about one event of the step (a failed read, issue or print): a new failure is a new step object. */
const ABOUT_THE_STEP: ReadonlySet<KioskStatePrompt> = new Set(['identify-failed', 'issue-failed', 'paper-out', 'print-failed']);

/**
 * Plays each state prompt when its state appears (in 长辈模式; the countdown in both modes). A state that stays says
 * nothing more; a new failure (a second failed read) is said again. Returns the disposer.
 */
export function watchStatePrompts(
  source: { state: ReadonlySignal<KioskVoiceState>; pack: ReadonlySignal<PackData | null>; senior: ReadonlySignal<boolean> },
  output: PromptOutput,
): () => void {
  /** Each prompt showing, with what it is about (the step object for a failure, else nothing in particular). */
  let showing = new Map<KioskStatePrompt, unknown>();
  return effect(() => {
    const pack = source.pack.value;
    const senior = source.senior.value;
    const state = source.state.value;
    const now = new Map<KioskStatePrompt, unknown>();
    if (pack) {
      for (const prompt of statePromptsOf(state)) {
        if (!senior && !SPOKEN_IN_BOTH_MODES.has(prompt)) continue;
        const about = ABOUT_THE_STEP.has(prompt) ? state.step : true;
        now.set(prompt, about);
        if (showing.get(prompt) !== about) output.play(planVoicePrompt(prompt, pack));
      }
    }
    showing = now;
  });
}
