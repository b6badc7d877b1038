// The ratings module: 窗口评价 prompts and ratings, 未评价, 差评 follow-up cases, statistics, exports, retention.
import type { HallModule, Principal } from '../core/module.ts';
import { type RatingsSnapshot, MIN_PRESS_INTERVAL_MS } from './api.ts';
import { packFileUrl } from '../../content/schema/index.ts';
import { QueueReader } from './queue-reader.ts';
import { registerRoutes } from './routes.ts';
import { migrations } from './schema.ts';
import { RatingService } from './service.ts';

const SWEEP_INTERVAL_MS = 5_000;

let snapshotOf: ((principal: Principal) => RatingsSnapshot) | null = null;

export const ratingsModule: HallModule = {
  name: 'ratings',
  migrations,
  register(app) {
    const queue = new QueueReader(app.db);
    const svc = new RatingService(app, (ticketId) => queue.ticketFacts(ticketId, app.secrets));
    registerRoutes(app, svc, () => queue);

    snapshotOf = (principal) => {
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
    };

    const timer = setInterval(() => {
      if (!app.db.open) {
        clearInterval(timer);
        return;
      }
      try {
        svc.sweep();
      } catch (err) {
        console.error(`ratings: sweep failed: ${(err as Error).message}`);
      }
    }, SWEEP_INTERVAL_MS);
    timer.unref();
  },
  snapshot(principal) {
    return snapshotOf ? snapshotOf(principal) : null;
  },
};
