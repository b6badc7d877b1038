// The kiosk home's neighbours: when the pack names nearby sites (manifest hall.neighbours), the hall asks its region
// for their counts every minute and at each link refresh, and publishes what the kiosk may show as the `neighbours`
// snapshot part and, when it changes, a `neighbours.changed` event to kiosks. Unreachable region or an old answer:
// no numbers (neighbours-view.ts). A hall without a region link publishes nothing.
import type { NeighboursAnswer } from '../../protocol/citizen/site-endpoints.ts';
import type { NeighboursSnapshot } from '../../protocol/hall/neighbours.ts';
import type { HallApp, HallModule } from '../core/module.ts';
import { neighbourViews, type NeighboursFetch } from './neighbours-view.ts';

const EVERY_MS = 60_000;
const NOTHING: NeighboursSnapshot = { sites: [] };

export interface NeighboursOptions {
  /** The region link's signed GET; null when the hall is not enrolled. Throws when the region is unreachable. */
  fetch(siteIds: readonly string[]): Promise<NeighboursAnswer | null>;
  everyMs?: number;
}

export interface NeighboursModule extends HallModule {
  /** Asks the region now and publishes any change (the link calls it at each refresh). */
  pull(): Promise<void>;
}

export function createNeighboursModule(options: NeighboursOptions): NeighboursModule {
  let app: HallApp | null = null;
  let current = NOTHING;
  let last: NeighboursFetch | null = null;
  let enrolled = false;
  let failing = false;
  let pulling: Promise<void> | null = null;
  let timer: ReturnType<typeof setInterval> | null = null;

  const listed = (): Array<{ siteId: string; name: string }> => {
    try {
      return app?.pack().manifest.hall.neighbours ?? [];
    } catch {
      return [];
    }
  };

  function update(): void {
    if (!app) return;
    const next = enrolled ? neighbourViews(listed(), last, app.now().getTime()) : NOTHING;
    if (JSON.stringify(next) === JSON.stringify(current)) return;
    current = next;
    const hall = app;
    hall.tx(() => hall.events.publish('neighbours.changed', next, { roles: ['kiosk'] }));
  }

  async function pullOnce(): Promise<void> {
    const hall = app;
    if (!hall) return;
    const ids = listed().map((n) => n.siteId);
    if (ids.length > 0) {
      try {
        const answer = await options.fetch(ids);
        enrolled = answer !== null;
        last = answer ? { atMs: hall.now().getTime(), sites: answer.sites } : null;
        failing = false;
      } catch (err) {
        // Said once per outage; the view turns to 暂无数据 once the last answer is too old.
        if (!failing) hall.log.child('neighbours').warn(`neighbours' counts not fetched: ${(err as Error).message}`);
        failing = true;
      }
    }
    // The hall may have stopped meanwhile: update() then does nothing.
    update();
  }

  function pull(): Promise<void> {
    // One request at a time: a refresh during a slow minute's pull waits for it.
    pulling ??= pullOnce().finally(() => {
      pulling = null;
    });
    return pulling;
  }

  return {
    name: 'neighbours',
    migrations: [],
    register(hall) {
      app = hall;
      // Called inside the activation's transaction: the pull (which may publish) runs after it.
      hall.onPackActivated(() => void setImmediate(() => void pull()));
      timer = setInterval(() => void pull(), options.everyMs ?? EVERY_MS);
      timer.unref();
    },
    pull,
    snapshot(principal) {
      return principal.role === 'kiosk' || principal.role === 'admin' ? current : undefined;
    },
    stop() {
      if (timer) clearInterval(timer);
      app = null;
    },
  };
}
