// The ratings module: 窗口评价 prompts and ratings, 未评价, 差评 follow-up cases, statistics, exports, retention.
import type { HallDayRule } from '../../protocol/rules/hall-day.ts';
import { packFileUrl } from '../../content/schema/index.ts';
import { ApiError, type HallApp, type HallModule, type Principal } from '../core/module.ts';
import { MIN_PRESS_INTERVAL_MS, type RatingsSnapshot } from '../../protocol/hall/ratings.ts';
import { isFeedEvent } from './feed.ts';
import { QueueReader } from '../queue/reader.ts';
import { registerRoutes } from './routes.ts';
import { migrations } from './schema.ts';
import { RatingService } from './service.ts';
import type { Sealer } from './records.ts';

const SWEEP_INTERVAL_MS = 5_000;

function snapshotFor(app: HallApp, svc: RatingService, principal: Principal): RatingsSnapshot {
  const pack = app.pack();
  const win = principal.window === null ? undefined : pack.windows.find((w) => w.number === principal.window);
  return {
    window: principal.window,
    windowName: win?.name ?? null,
    slogan: pack.manifest.hall.slogan,
    hallName: pack.manifest.hall.name,
    staff: pack.staff.map((s) => ({
      id: s.id, name: s.name, title: s.title ?? null, partyMember: s.partyMember, stars: s.stars,
      photoUrl: pack.file(s.photo) ? packFileUrl(pack.manifest, s.photo) : null,
    })),
    badReasons: pack.evaluation.badReasons,
    noRatingTimeoutSeconds: pack.evaluation.noRatingTimeoutSeconds,
    minPressIntervalMs: MIN_PRESS_INTERVAL_MS,
    prompt: principal.window === null ? null : svc.pendingPrompt(principal.window),
  };
}

/** A fresh instance per hall (tests run several halls in one process). */
export interface RatingsModule extends HallModule {
  /** The module's service, for the citizen module's 扫码评价 (throws before registration). */
  service(): RatingService;
}

export function createRatingsModule(options: { hallDay: HallDayRule; seal?: Sealer }): RatingsModule {
  let service: RatingService | null = null;
  let app: HallApp | null = null;
  let timer: ReturnType<typeof setInterval> | undefined;
  let stopped = false;
  return {
    name: 'ratings',
    migrations,
    register(hall) {
      app = hall;
      const queue = new QueueReader(hall.db);
      const svc = new RatingService(hall, (ticketId) => queue.ticketFacts(ticketId), options.hallDay, options.seal);
      service = svc;
      registerRoutes(hall, svc, () => queue);
      hall.holdEventsFrom(() => svc.unreadFrom());
      // A finished (or un-finished) ticket becomes a prompt right after its transaction commits, in a transaction of
      // its own: the pad is told at the same moment, and the citizen's rating then finds its prompt ready.
      let ingestScheduled = false;
      hall.onEventsCommitted((events) => {
        if (ingestScheduled || !events.some(isFeedEvent)) return;
        ingestScheduled = true;
        setImmediate(() => {
          ingestScheduled = false;
          if (stopped) return;
          try {
            svc.ingest();
          } catch (err) {
            hall.log.child('ratings').error(`taking finished tickets failed (the sweep retries): ${(err as Error).message}`);
          }
        });
      });
      // The log may hold a long stretch the feed has not read (a hall restarted after days, an upgrade): it is read in
      // bounded steps, one per turn of the event loop, so the first rating after the start does not read it all at once.
      const catchUp = () => {
        if (stopped) return;
        try {
          if (svc.catchUpStep()) setImmediate(catchUp);
        } catch (err) {
          // Without a pack no ticket can be taken yet; the sweep takes them once one is active.
          if (err instanceof ApiError && err.code === 'no_pack') return;
          hall.log.child('ratings').error(`reading finished tickets failed (the sweep retries): ${(err as Error).message}`);
        }
      };
      setImmediate(catchUp);
      timer = setInterval(() => {
        if (stopped) return;
        try {
          svc.sweep();
        } catch (err) {
          hall.log.child('ratings').error(`sweep failed: ${(err as Error).message}`);
        }
      }, SWEEP_INTERVAL_MS);
      timer.unref();
    },
    stop() {
      stopped = true;
      clearInterval(timer);
    },
    service() {
      if (!service) throw new Error('ratings module not registered');
      return service;
    },
    snapshot(principal) {
      return app && service ? snapshotFor(app, service, principal) : null;
    },
  };
}
