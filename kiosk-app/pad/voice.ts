// The pad speaks its steps in both modes (a citizen at the window may not be looking at it): the greeting when a number
// comes to the window, the rating question, each question of the 差评 path, the thanks, and the path's countdown.
// Which prompt belongs to what the pad shows is pure; the shell loads the pack's clip list and plays, never cutting one
// prompt by the next (the kiosk's output, shared).
import { effect, signal, type ReadonlySignal } from '@preact/signals';
import type { PadPrompt } from '../../content/schema/index.ts';
import { PackEndpoints } from '../../protocol/hall/packs.ts';
import { call } from '../shared/hall/api.ts';
import type { HallStream } from '../shared/hall/socket.ts';
import { browserPromptOutput, planVoicePrompt, type PromptOutput, type PromptPack } from '../shared/ui/voice/prompts.ts';
import { WARN_SECONDS } from './badPath.ts';
import type { Pad } from './controller.ts';
import type { PadView } from './model.ts';

/** The prompt of a screen of the pad, with what makes it that screen (the same key is never said twice running). */
export function padPromptOf(view: PadView): { prompt: PadPrompt; key: string } | null {
  switch (view.kind) {
    case 'idle':
      return null;
    case 'rate':
      return { prompt: 'pad-rate', key: `rate:${view.prompt.ticketId}` };
    case 'bad': {
      const prompt = view.step === 'reasons' ? 'pad-bad-reasons' : view.step === 'phone' ? 'pad-bad-phone' : 'pad-bad-consent';
      return { prompt, key: `${prompt}:${view.prompt.ticketId}` };
    }
    case 'thanks':
      return { prompt: view.bad ? 'pad-thanks-bad' : 'pad-thanks', key: 'thanks' };
    case 'ratedElsewhere':
      // No clip says it; the screen does (the pack's clip list has none for 已评价).
      return null;
  }
}

/** The 差评 path's countdown with 继续 is on screen. */
export function countdownShowing(secondsLeft: number | null): boolean {
  return secondsLeft !== null && secondsLeft <= WARN_SECONDS;
}

/**
 * Plays the pad's prompts: a screen's when it opens, the greeting when a new number is served at the window, the
 * countdown when it appears. Returns the disposer.
 */
export function watchPadPrompts(
  source: {
    view: ReadonlySignal<PadView>;
    serving: ReadonlySignal<string | null>;
    countdown: ReadonlySignal<boolean>;
    pack: ReadonlySignal<PromptPack | null>;
  },
  output: PromptOutput,
): () => void {
  let said: string | null = null;
  let greeted: string | null = null;
  let countingDown = false;
  return effect(() => {
    const view = source.view.value;
    const serving = source.serving.value;
    const countdown = source.countdown.value;
    const pack = source.pack.value;
    if (!pack) return;
    const screen = padPromptOf(view);
    if (screen && screen.key !== said) output.play(planVoicePrompt(screen.prompt, pack));
    said = screen?.key ?? null;
    // The greeting belongs to the citizen's arrival: said once per number, not again on the idle screen after the thanks.
    if (view.kind === 'idle' && serving !== null && serving !== greeted) output.play(planVoicePrompt('pad-serving', pack));
    greeted = serving;
    if (countdown && !countingDown) output.play(planVoicePrompt('pad-countdown', pack));
    countingDown = countdown;
  });
}

/** The active pack's file list, loaded again when the hall activates another pack. */
function activePack(stream: HallStream): { pack: ReadonlySignal<PromptPack | null>; stop: () => void } {
  const pack = signal<PromptPack | null>(null);
  let loaded: string | null = null;
  const stop = effect(() => {
    const live = stream.snapshot.value?.pack;
    const key = live ? `${live.id}/${live.version}` : null;
    if (!key || key === loaded) return;
    loaded = key;
    call(PackEndpoints.active)
      .then((data) => {
        pack.value = data;
      })
      .catch((error: unknown) => {
        // The next snapshot tries again; meanwhile the pad is silent rather than wrong.
        loaded = null;
        console.warn('pad: pack for the voice prompts not loaded', error instanceof Error ? error.message : error);
      });
  });
  return { pack, stop };
}

/** Starts the pad's voice; returns the disposer. */
export function startPadVoice(pad: Pad, stream: HallStream, output: PromptOutput = browserPromptOutput()): () => void {
  const { pack, stop: stopPack } = activePack(stream);
  const countdown = signal(false);
  const stopCountdown = pad.badPathSecondsLeft.subscribe((left) => {
    countdown.value = countdownShowing(left);
  });
  const stopWatch = watchPadPrompts({ view: pad.view, serving: pad.serving, countdown, pack }, output);
  return () => {
    stopWatch();
    stopCountdown();
    stopPack();
  };
}
