// The two steps of taking a new build, each offered to the screen to apply at its own boundary: first activate the
// waiting service worker, then, once a new worker controls the page, reload into it. The reload is a second offer
// because the worker takes control some time after it is told to: a citizen may have started in between, and the
// reload then waits for the next boundary like any update.

/** The part of workbox-window's `Workbox` this needs. */
export interface UpdatingWorker {
  onWaiting(listener: () => void): void;
  onControlling(listener: () => void): void;
  skipWaiting(): void;
}

/** Offers `activate` when a new worker waits, and `reload` whenever a new worker takes control of the page: after this
 * page's activation, or another page's on the same origin (a console tab beside the counter), since the old build's
 * files leave the cache once the new worker is active. The app's worker never claims pages, so the first install of
 * a page takes no control and offers nothing. */
export function offerUpdates(worker: UpdatingWorker, reload: () => void, offer: (apply: () => void) => void): void {
  worker.onControlling(() => offer(reload));
  worker.onWaiting(() => offer(() => worker.skipWaiting()));
}
