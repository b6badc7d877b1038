// The ratings module: 窗口评价 prompts and ratings, 未评价, 差评 follow-up cases, statistics, exports, retention.
import { packFileUrl } from '../../content/schema/index.ts';
import type { HallApp, HallModule, Principal } from '../core/module.ts';
import { MIN_PRESS_INTERVAL_MS, type RatingsSnapshot } from './api.ts';
import { QueueReader } from './queue-reader.ts';
import { registerRoutes } from './routes.ts';
import { migrations } from './schema.ts';
import { RatingService } from './service.ts';

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
export function createRatingsModule(): HallModule {
  let service: RatingService | null = null;
  let app: HallApp | null = null;
  let timer: ReturnType<typeof setInterval> | undefined;
  return {
    name: 'ratings',
    migrations,
    register(hall) {
      app = hall;
      const queue = new QueueReader(hall.db);
      const svc = new RatingService(hall, (ticketId) => queue.ticketFacts(ticketId, hall.secrets));
      service = svc;
      registerRoutes(hall, svc, () => queue);
      timer = setInterval(() => {
        try {
          svc.sweep();
        } catch (err) {
          console.error(`ratings: sweep failed: ${(err as Error).message}`);
        }
      }, SWEEP_INTERVAL_MS);
      timer.unref();
    },
    stop() {
      clearInterval(timer);
    },
    snapshot(principal) {
      return app && service ? snapshotFor(app, service, principal) : null;
    },
  };
}
