/// <reference lib="webworker" />
// The terminals' service worker: the app shell is precached so a reload with the network off still shows the screen;
// pack media (voice clips, photos; immutable, versioned URLs) are cached on first use; the active pack's data is served
// network-first with the last copy as fallback. A new version waits until the page says "now" (prompt mode).
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { CacheFirst, NetworkFirst } from 'workbox-strategies';
import { ExpirationPlugin } from 'workbox-expiration';
import { CacheableResponsePlugin } from 'workbox-cacheable-response';
import { ACTIVE_PACK_PATH, PACK_FILES_PREFIX } from '../protocol/hall/pack-data.ts';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: Array<{ url: string; revision: string | null }> };

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

// Screen routes (/kiosk, /board, …) all load the same index.html.
registerRoute(new NavigationRoute(createHandlerBoundToURL('/index.html'), { denylist: [/^\/api\//] }));

registerRoute(
  ({ url }) => url.pathname.startsWith(PACK_FILES_PREFIX),
  new CacheFirst({
    cacheName: 'pack-media',
    plugins: [new CacheableResponsePlugin({ statuses: [200] }), new ExpirationPlugin({ maxEntries: 400, purgeOnQuotaError: true })],
  }),
);

registerRoute(
  ({ url }) => url.pathname === ACTIVE_PACK_PATH,
  new NetworkFirst({ cacheName: 'pack-data', networkTimeoutSeconds: 4, plugins: [new CacheableResponsePlugin({ statuses: [200] })] }),
);

self.addEventListener('message', (event) => {
  if ((event.data as { type?: string } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
});
