// The appointments module (可预约服务, DB21/T 4402 §10.1.2): the site's bookings as the region feeds them, kiosk check-in,
// and the 爽约 sweep. Check-in reads only the hall's own SQLite, so it works while the region link is down.
import { AppointmentEndpoints, CHECK_IN_LATE_MS, type AppointmentFeed } from '../../protocol/citizen/appointments.ts';
import { hallDayStartMs, localDate } from '../../protocol/rules/hall-time.ts';
import { routeOf, type HallApp, type HallModule } from '../core/module.ts';
import type { QueueEngine } from '../queue/engine.ts';
import { checkIn, sweepNoShows, type CheckInDeps } from './check-in.ts';
import { AppointmentStore, appointmentMigrations } from './store.ts';

export interface AppointmentsOptions {
  queue(): QueueEngine;
  utcOffsetMinutes: number;
  /** Days after its slot a booking (with its keyed ID hash) is erased from the hall, like a ticket's personal fields. */
  retentionDays: number;
  /** How often the 爽约 sweep runs; default one minute. */
  sweepEveryMs?: number;
}

export interface AppointmentsModule extends HallModule {
  /** Takes the region's feed (called by the region link's pull); answers how many bookings changed. */
  applyFeed(feed: AppointmentFeed): number;
  /** Runs the 爽约 sweep now (tests wait on states, not on the timer). */
  sweepNow(): number;
}

const DAY_MS = 86_400_000;

export function createAppointmentsModule(options: AppointmentsOptions): AppointmentsModule {
  let deps: CheckInDeps | null = null;
  let timer: ReturnType<typeof setInterval> | undefined;
  const get = (): CheckInDeps => {
    if (!deps) throw new Error('appointments module not registered');
    return deps;
  };
  return {
    name: 'appointments',
    migrations: appointmentMigrations,
    applyFeed(feed) {
      const { app, store } = get();
      return app.tx(() => store.applyFeed(feed, app.secrets.encrypt(feed.key), app.now().getTime()));
    },
    sweepNow: () => sweepNoShows(get(), CHECK_IN_LATE_MS),
    stop: () => clearInterval(timer),
    register(app: HallApp) {
      const d: CheckInDeps = { app, store: new AppointmentStore(app.db), queue: options.queue, utcOffsetMinutes: options.utcOffsetMinutes };
      deps = d;
      const log = app.log.child('appointments');
      app.retainRows({ table: 'appointments', column: 'slot_at', cutoff: (now) => now.getTime() - options.retentionDays * DAY_MS });
      timer = setInterval(() => {
        try {
          sweepNoShows(d, CHECK_IN_LATE_MS);
        } catch (err) {
          log.error('no-show sweep failed', err);
        }
      }, options.sweepEveryMs ?? 60_000);
      timer.unref();
      app.route(routeOf(AppointmentEndpoints.checkIn, { handle: ({ body, principal }) => ({ body: checkIn(d, body, principal!) }) }));
      app.route(routeOf(AppointmentEndpoints.stats, {
        handle: () => {
          const nowMs = app.now().getTime();
          const day = localDate(nowMs, options.utcOffsetMinutes);
          const from = hallDayStartMs(day, options.utcOffsetMinutes);
          return { body: { day, ...d.store.countsBetween(from, from + DAY_MS) } };
        },
      }));
    },
  };
}
