import { computed, effect, signal } from '@preact/signals';

/** 长辈模式 (senior mode): larger text and targets, at most 4 choices per screen, voice prompt for every step. */
export const seniorMode = signal(false);
/** True when the URL forces 长辈模式 (`?mode=senior`); the switch then cannot turn it off. */
export const seniorForced = signal(false);

/** Choices one screen may offer: at most 4 in 长辈模式. */
export const choicesPerScreen = computed(() => (seniorMode.value ? 4 : 8));

/** Reads `?mode=senior` from a query string. */
export function parseForcedSenior(search: string): boolean {
  return new URLSearchParams(search).get('mode') === 'senior';
}

/** Applies the URL's mode and mirrors the signal onto `<html data-mode>` so CSS tokens follow. */
export function initDisplayMode(search: string = location.search, root: HTMLElement = document.documentElement): () => void {
  const forced = parseForcedSenior(search);
  seniorForced.value = forced;
  if (forced) seniorMode.value = true;
  return effect(() => {
    root.dataset.mode = seniorMode.value ? 'senior' : 'normal';
  });
}

/** Toggles 长辈模式 unless the URL forces it. */
export function toggleSeniorMode(): void {
  if (seniorForced.value) return;
  seniorMode.value = !seniorMode.value;
}

/** Back to the terminal's default mode (used by the idle reset). */
export function resetSeniorMode(): void {
  seniorMode.value = seniorForced.value;
}
