// Service-worker registration in prompt mode: a new version waits until the screen says it is a good moment
// (the kiosk's idle reset; the other screens take it when they next start). Nothing here reloads by itself.
import { Workbox } from 'workbox-window';

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
  wb.addEventListener('waiting', () => {
    waitingApply = () => {
      wb.addEventListener('controlling', () => location.reload());
      wb.messageSkipWaiting();
    };
    for (const listener of listeners) listener(waitingApply);
  });
  void wb
    .register()
    .then(() => {
      // A failed check (hall unreachable) is simply tried again at the next one.
      setInterval(() => void wb.update().catch(() => undefined), UPDATE_CHECK_MS);
    })
    .catch((error: unknown) => console.warn('service worker not registered', error));
}

/** Called with an `apply` function when an update waits; called at once if one already does. */
export function onUpdateWaiting(listener: UpdateListener): () => void {
  listeners.add(listener);
  if (waitingApply) listener(waitingApply);
  return () => listeners.delete(listener);
}
