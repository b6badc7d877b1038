// The 示范点 self-inspection: `GET /api/admin/inspection?month=YYYY-MM` judges the month's indicators from the hall's
// own records and its active pack (report.ts, gathered by gather.ts), and the publisher sends the current month's
// report to the region at start and then hourly, when it changed (publisher.ts).
import { InspectionEndpoints } from '../../protocol/hall/inspection.ts';
import { ApiError, routeOf, type HallApp, type HallModule } from '../core/module.ts';
import { hallMonth } from './month.ts';
import { publishDueReports, publisherMigrations } from './publisher.ts';
import { inspectionReport } from './report.ts';

const PUBLISH_INTERVAL_MS = 3_600_000;

export interface InspectionModule extends HallModule {
  /** Publishes the reports that are due now; answers how many (tests wait on states, not on the hourly timer). */
  publishNow(): number;
}

export function createInspectionModule(options: { utcOffsetMinutes: number }): InspectionModule {
  let app: HallApp | null = null;
  let timer: ReturnType<typeof setInterval> | undefined;
  let stopped = false;
  const publishNow = (): number => {
    if (!app) throw new Error('inspection module not registered');
    return publishDueReports(app, options.utcOffsetMinutes);
  };
  return {
    name: 'inspection',
    migrations: publisherMigrations,
    publishNow,
    register(hall) {
      app = hall;
      const log = hall.log.child('inspection');
      hall.route(routeOf(InspectionEndpoints.report, {
        handle({ query }) {
          const month = query.month ?? hallMonth(hall.now().getTime(), options.utcOffsetMinutes);
          return { body: inspectionReport(hall, month, options.utcOffsetMinutes) };
        },
      }));
      const run = (): void => {
        if (stopped) return;
        try {
          const published = publishNow();
          if (published > 0) log.info(`published ${published} inspection report(s) for the region`);
        } catch (err) {
          // A hall without a pack has nothing to inspect yet; the next run after one is imported publishes.
          if (err instanceof ApiError && err.code === 'no_pack') return;
          log.error(`publishing the inspection report failed (retried within the hour): ${(err as Error).message}`);
        }
      };
      // The first publication runs at start, while the hall registers its modules: every table is migrated by then and
      // the packs module (listed earlier) has activated the pack. Deferred, it would land in the log at some moment
      // after the server is up, between whatever the first requests write.
      run();
      timer = setInterval(run, PUBLISH_INTERVAL_MS);
      timer.unref();
    },
    stop() {
      stopped = true;
      clearInterval(timer);
    },
  };
}
