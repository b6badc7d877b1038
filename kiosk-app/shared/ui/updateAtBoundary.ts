// A screen that runs for months takes a new build of the app (a waiting service worker) only at its natural boundary
// — the board when it has been quiet, the pad when idle, the counter when nobody is signed in — never under a person.
import type { ReadonlySignal } from '@preact/signals';
import { onUpdateWaiting } from './swUpdate.ts';

type UpdateSource = (listener: (apply: () => void) => void) => () => void;

/** Applies a waiting update as soon as `atBoundary` is true (at once if it already is). Returns the unsubscribe. */
export function applyUpdateAtBoundary(atBoundary: ReadonlySignal<boolean>, updates: UpdateSource = onUpdateWaiting): () => void {
  let waiting: (() => void) | null = null;
  const applyIfAtBoundary = () => {
    if (!waiting || !atBoundary.peek()) return;
    const apply = waiting;
    waiting = null;
    apply();
  };
  const offUpdates = updates((apply) => {
    waiting = apply;
    applyIfAtBoundary();
  });
  const offBoundary = atBoundary.subscribe(applyIfAtBoundary);
  return () => {
    offUpdates();
    offBoundary();
  };
}
