// Service-worker registration in prompt mode: a new version waits until the screen says it is a good moment (the
// kiosk's idle reset or untouched home, the other screens' boundaries), and so does the reload into it once it is
// active. Nothing here reloads by itself.
import { Workbox } from 'workbox-window';
import { offerUpdates } from './updateOffers.ts';

/** How often a screen asks for a new version. The browser checks by itself only when a page navigates, and a
 * terminal's page runs for days without navigating. */
export const UPDATE_CHECK_MS = 15 * 60_000;

type UpdateListener = (apply: () => void) => void;
const listeners = new Set<UpdateListener>();
let waitingApply: (() => void) | null = null;

/** Registers the worker once per page (production builds only). */
export function registerServiceWorker(url = '/sw.js'): void {
  if (!('serviceWorker' in navigator) || import.meta.env.DEV) return;
  const wb = new Workbox(url, { scope: '/' });
  offerUpdates(
    {
      onWaiting: (listener) => wb.addEventListener('waiting', listener),
      onControlling: (listener) => wb.addEventListener('controlling', listener),
      skipWaiting: () => wb.messageSkipWaiting(),
    },
    () => location.reload(),
    (apply) => {
      waitingApply = apply;
      for (const listener of listeners) listener(apply);
    },
  );
  void wb
    .register()
    .then(() => {
      // A failed check (hall unreachable) is simply tried again at the next one.
      setInterval(() => void wb.update().catch(() => undefined), UPDATE_CHECK_MS);
    })
    .catch((error: unknown) => console.warn('service worker not registered', error));
}

/** Called with an `apply` function for each step of an update (activate it, then reload into it); called at once
 * with the latest if one already waits. */
export function onUpdateWaiting(listener: UpdateListener): () => void {
  listeners.add(listener);
  if (waitingApply) listener(waitingApply);
  return () => listeners.delete(listener);
}
