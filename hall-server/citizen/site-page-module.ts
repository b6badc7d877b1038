// The hall's own site page: `GET /api/citizen/sites/:siteId` for this hall (its enrolled site id, its pack's site id, or
// `hall`), read from its queue; the page itself is served at /s/<id> from the build (core/static.ts). A hall without a
// region link thereby offers the public site page on its own Wi-Fi (README). Public: counts only; 60 requests a
// minute per address, as at the region.
import { OWN_HALL_SITE_ID, UNKNOWN_SITE_MESSAGE } from '../../protocol/citizen/site-now.ts';
import { SiteEndpoints } from '../../protocol/citizen/site-endpoints.ts';
import { ApiError, routeOf, type HallApp, type HallModule } from '../core/module.ts';
import type { QueueEngine } from '../queue/engine.ts';
import { openWindowCount } from './open-windows.ts';
import { hallSiteNow } from './hall-site.ts';
import { serviceViews } from '../queue/views.ts';
import { RateLimit } from '../../server-shared/citizen/rate-limit.ts';

export interface SitePageOptions {
  queue: () => QueueEngine;
  /** The site id the hall is enrolled as, if any. */
  enrolledAs: () => string | null;
}

export function createSitePageModule(options: SitePageOptions): HallModule {
  return {
    name: 'site-page',
    migrations: [],
    register(app: HallApp) {
      const rate = new RateLimit();
      app.route(routeOf(SiteEndpoints.site, {
        handle: ({ params, remoteAddress }) => {
          const wait = rate.take(remoteAddress, app.now().getTime());
          if (wait > 0) throw new ApiError(429, 'too_many_requests', `查询过于频繁，请 ${Math.ceil(wait / 1000)} 秒后再试`);
          const pack = app.pack();
          const siteId = params['siteId'] ?? '';
          const own = [OWN_HALL_SITE_ID, options.enrolledAs(), pack.manifest.site?.id ?? null];
          if (!own.includes(siteId)) throw new ApiError(404, 'unknown_site', UNKNOWN_SITE_MESSAGE);
          const { state, rules, nowMs } = options.queue().view();
          const views = new Map(serviceViews(state, rules, nowMs).map((v) => [v.code, v]));
          const body = hallSiteNow({
            siteId,
            manifest: pack.manifest,
            services: [...rules.services.values()].map((s) => ({
              name: s.name, waiting: views.get(s.code)?.waiting ?? 0, issuedToday: views.get(s.code)?.issuedToday ?? 0, issuingHours: s.issuingHours,
            })),
            windowsOpen: openWindowCount(state),
            calendar: rules.calendar,
            utcOffsetMinutes: rules.utcOffsetMinutes,
            nowMs,
          });
          return { body, headers: { 'cache-control': 'no-store' } };
        },
      }));
    },
  };
}
