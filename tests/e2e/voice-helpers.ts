// Records what a page says: every clip it starts and every utterance it hands to speech synthesis, in order.
import type { BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';

/** Runs in the page (an init script): wraps HTMLMediaElement.play and speechSynthesis.speak. */
function recordVoice(): void {
  const heard: string[] = [];
  Object.defineProperty(window, '__heard', { value: heard });
  const play = HTMLMediaElement.prototype.play;
  HTMLMediaElement.prototype.play = function (this: HTMLMediaElement) {
    heard.push(`clip ${new URL(this.src).pathname}`);
    return play.call(this);
  };
  if (typeof speechSynthesis !== 'undefined') {
    const speak = speechSynthesis.speak.bind(speechSynthesis);
    speechSynthesis.speak = (utterance: SpeechSynthesisUtterance) => {
      heard.push(`speech ${utterance.text}`);
      speak(utterance);
    };
  }
}

export async function recordVoiceIn(context: BrowserContext): Promise<void> {
  await context.addInitScript(recordVoice);
}

export const heard = (page: Page) => page.evaluate(() => (window as unknown as { __heard: string[] }).__heard.slice());

/** How many times the pack clip `voice/prompt-<name>.wav` has started on the page. */
export async function promptStarts(page: Page, name: string): Promise<number> {
  return (await heard(page)).filter((h) => h.startsWith('clip ') && h.endsWith(`/voice/prompt-${name}.wav`)).length;
}

/** Waits until the clip of `name` has started `times` times in all. A clip waits for the one playing before it to end
 * (prompts are never cut), and the sample's prompts last up to 14 s, hence the generous ceiling. */
export async function expectPromptStarted(page: Page, name: string, times = 1): Promise<void> {
  await expect.poll(() => promptStarts(page, name), { timeout: 45_000, message: `voice prompt ${name}` }).toBe(times);
}
