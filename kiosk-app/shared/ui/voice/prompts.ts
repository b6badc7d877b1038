// Spoken prompts of the citizen screens (kiosk and pad): the pack's offline clip `voice/prompt-<name>.wav` when the
// pack has it, else the browser's zh-CN speech with the same text. One prompt plays after the other, never cut.
import { packFileUrl, promptClip, voicePromptTexts, type PackData, type VoicePrompt } from '../../../../content/schema/index.ts';

/** `then`: clips read right after the prompt's (a ticket number). */
export type PromptPlan = { kind: 'clip'; url: string; then?: string[] } | { kind: 'speech'; text: string };

/** Where prompts are heard: the browser's audio and speech on a terminal, a recording fake in unit tests. */
export interface PromptOutput {
  /** Plays this after what is playing has ended (a prompt is never cut by the next one); a newer prompt replaces one
   * still waiting, so a citizen moving fast hears the screen they are on, not a backlog. */
  play(plan: PromptPlan): void;
}

/** The only fields of a pack the prompts read (the pad has the manifest's files from the snapshot's pack, too). */
export type PromptPack = { manifest: Pick<PackData['manifest'], 'packId' | 'version' | 'files'> };

export function packHasFile(pack: PromptPack, path: string): boolean {
  return pack.manifest.files.some((f) => f.path === path);
}

/** A prompt with this pack: its clip when the pack has one, else speech of its text. */
export function planVoicePrompt(prompt: VoicePrompt, pack: PromptPack): PromptPlan {
  const clip = promptClip(prompt);
  return packHasFile(pack, clip) ? { kind: 'clip', url: packFileUrl(pack.manifest, clip) } : { kind: 'speech', text: voicePromptTexts[prompt] };
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
