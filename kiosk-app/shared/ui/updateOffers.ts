// The two steps of taking a new build, each offered to the screen to apply at its own boundary: first activate the
// waiting service worker, then, once it controls the page, reload into it. The reload is a second offer because the
// worker takes control some time after it is told to: a citizen may have started in between, and the reload then
// waits for the next boundary like any update.

/** The part of workbox-window's `Workbox` this needs. */
export interface UpdatingWorker {
  onWaiting(listener: () => void): void;
  onControlling(listener: () => void): void;
  skipWaiting(): void;
}

/** Offers `activate` when a new worker waits, then `reload` once the worker this page activated controls it. */
export function offerUpdates(worker: UpdatingWorker, reload: () => void, offer: (apply: () => void) => void): void {
  let activated = false;
  worker.onControlling(() => {
    if (activated) offer(reload);
  });
  worker.onWaiting(() =>
    offer(() => {
      activated = true;
      worker.skipWaiting();
    }),
  );
}
