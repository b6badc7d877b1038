// The board's moment to take a new build: no call announced for a minute and none waiting to be read.
import { signal, type ReadonlySignal } from '@preact/signals';

export const QUIET_AFTER_MS = 60_000;

/** True once `speaking` has stayed null for `quietMs` (counted from the start, too); false while a call is read. */
export function quietAfterCalls(speaking: ReadonlySignal<unknown>, quietMs = QUIET_AFTER_MS): { quiet: ReadonlySignal<boolean>; dispose(): void } {
  const quiet = signal(false);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const off = speaking.subscribe((current) => {
    clearTimeout(timer);
    quiet.value = false;
    // The queue holds its current announcement until the last one waiting has been read, so null means none queued.
    if (current === null) timer = setTimeout(() => (quiet.value = true), quietMs);
  });
  return {
    quiet,
    dispose: () => {
      clearTimeout(timer);
      off();
    },
  };
}
