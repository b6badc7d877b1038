import type { ClipPlayer } from './queue.ts';

/** Fired on `window` for every clip that starts playing (the board's tests listen to it; nothing else depends on it). */
export const CLIP_EVENT = 'voice-clip';

/** Maps a spoken word (see words.ts) to the URL of its offline clip, or null when the pack has none. */
export type ClipResolver = (word: string) => string | null;

function playOne(url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const audio = new Audio(url);
    const done = () => {
      audio.onended = null;
      audio.onerror = null;
      resolve();
    };
    audio.onended = done;
    audio.onerror = () => reject(new Error(`audio clip failed: ${url}`));
    audio.play().catch(reject);
  });
}

function speak(text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    if (typeof speechSynthesis === 'undefined') {
      reject(new Error('no offline clip and no speech synthesis'));
      return;
    }
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.lang = 'zh-CN';
    utterance.rate = 0.9;
    utterance.onend = () => resolve();
    utterance.onerror = () => reject(new Error('speech synthesis failed'));
    speechSynthesis.speak(utterance);
  });
}

/** Joins offline clips in order. Words without a clip fall back to the browser's zh-CN speech when
 * `speechFallback` is set (an optional extra; halls without it still hear every clip they have). */
export function createClipPlayer(resolve: ClipResolver, opts: { speechFallback?: boolean } = {}): ClipPlayer {
  return {
    async play(clips) {
      for (const word of clips) {
        const url = resolve(word);
        window.dispatchEvent(new CustomEvent(CLIP_EVENT, { detail: { word, url } }));
        if (url) await playOne(url);
        else if (opts.speechFallback) await speak(word);
        else throw new Error(`no clip for word ${JSON.stringify(word)}`);
      }
    },
  };
}
