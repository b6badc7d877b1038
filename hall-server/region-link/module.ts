// The region link: enrols the hall at its region (flags on start, or the console's region section), then pushes the
// durable event log in signed batches from a persisted cursor and pulls the site's pack. Nothing here runs inside a
// citizen's request: tickets, calls and ratings never wait for the region.
import type { SealedBox, SealedPersonalFields } from '../../protocol/region/records.ts';
import type { SyncEvent } from '../../protocol/region/sync.ts';
import { RegionEndpoints, type RegionLinkStatus } from '../../protocol/hall/region.ts';
import type { RegionLinkHealth } from '../../protocol/hall/region-status.ts';
import { ApiError, routeOf, type HallApp, type HallModule } from '../core/module.ts';
import type { PackStore } from '../packs/store.ts';
import { enrolAt, fetchSealingKey, RegionRefusal, RegionUnreachable } from './client.ts';
import { backoffDelayMs } from './backoff.ts';
import { hallSigningKey, type HallKey } from './hall-key.ts';
import { pullSitePack } from './pack-pull.ts';
import { pullAppointments } from './appointment-pull.ts';
import { pullNeighbours } from './neighbour-pull.ts';
import type { NeighboursAnswer } from '../../protocol/citizen/site-endpoints.ts';
import { pullPhoneRatings } from './phone-rating-pull.ts';
import type { PhoneRatingFeed } from '../../protocol/citizen/phone-rating-link.ts';
import type { AppointmentFeed } from '../../protocol/citizen/appointments.ts';
import { Pusher } from './pusher.ts';
import { regionLinkMigrations } from './schema.ts';
import { sealPersonalFields } from './seal.ts';
import type { SiteScopedKey } from '../../content/validate/site-scope.ts';
import { LinkStore } from './store.ts';

export interface RegionLinkOptions {
  /** The region's address (config `region.url` or `--region-url`), for an enrolment at start. */
  url?: string | null;
  /** A one-time code (`--region-enrol-code`): used at start when the hall is not enrolled yet. */
  enrolCode?: string | null;
  /** The packs module's store, which stages and activates the region's packs. */
  packs?: () => PackStore;
  /** The appointments module's feed intake: the link pulls the site's bookings at each refresh. */
  appointments?: (feed: AppointmentFeed) => number;
  /** Called at the end of each refresh, reached or not (the neighbours' counts for the kiosk home). */
  afterRefresh?: () => Promise<void>;
  /** The citizen module's intake of phone ratings (扫码评价) kept at the region: pulled every `phoneRatingsEveryMs`. */
  phoneRatings?: (feed: PhoneRatingFeed) => number;
  /** How often to ask the region for phone ratings while enrolled; default 5 s (a citizen waits on the answer). */
  phoneRatingsEveryMs?: number;
  /** How often to ask the region for a newer pack and sealing key while the link is up; default 10 minutes. */
  refreshEveryMs?: number;
  /** Jitter source of the back-off; Math.random in production. */
  random?: () => number;
}

export interface RegionLinkModule extends HallModule {
  /** Seals personal fields to the region's current key; null before enrolment (the record then says `sealed: null`). */
  seal(fields: () => SealedPersonalFields): SealedBox | null;
  /** Pushes now (tests and the bench wait on the cursor instead of a timer). */
  pushNow(): void;
  /** Pulls the region's phone ratings now (tests wait on this instead of the timer); answers how many were settled. */
  pullPhoneRatingsNow(): Promise<number>;
  /** The region's pack-signing key, scoped to this hall's site and level; none before enrolment. The packs module asks
   * at start (restoring a region pack), so this module registers before it. */
  packSiteKeys(): SiteScopedKey[];
  /** The neighbouring sites' counts from the region (signed GET); null when not enrolled. Throws when unreachable. */
  neighbours(siteIds: readonly string[]): Promise<NeighboursAnswer | null>;
  /** The site id the hall is enrolled as; null before enrolment. */
  siteId(): string | null;
}

interface EventRow {
  seq: number;
  type: string;
  at: string;
  data: string;
  window: number | null;
}

const REFRESH_MS = 10 * 60_000;
const PHONE_RATINGS_MS = 5_000;

export function regionLinkModule(options: RegionLinkOptions = {}): RegionLinkModule {
  let store: LinkStore | null = null;
  let pusher: Pusher | null = null;
  let headSeq = (): number => 0;
  let closed = false;
  let signedBy: ((siteIds: readonly string[]) => Promise<NeighboursAnswer | null>) | null = null;
  let pullPhone = async (): Promise<number> => 0;
  let phoneTimer: ReturnType<typeof setInterval> | undefined;

  return {
    name: 'region-link',
    migrations: regionLinkMigrations,
    seal(fields) {
      const key = store?.sealingKey();
      return key ? sealPersonalFields(fields(), key) : null;
    },
    pushNow() {
      pusher?.now();
    },
    neighbours(siteIds) {
      return signedBy ? signedBy(siteIds) : Promise.resolve(null);
    },
    siteId() {
      const link = store?.get();
      return link && !link.stop_code ? link.site_id : null;
    },
    pullPhoneRatingsNow() {
      return pullPhone();
    },
    packSiteKeys() {
      const link = store?.get();
      return link?.pack_signing_key ? [{ key: link.pack_signing_key, siteId: link.site_id, level: link.level }] : [];
    },
    register(app: HallApp) {
      const s = new LinkStore(app.db);
      store = s;
      // Retention never purges what the region has not received yet (a region down longer than the event retention
      // must still get every event once it is back); a hall that is not enrolled, or whose link was stopped, holds nothing.
      app.holdEventsFrom(() => {
        const link = s.get();
        return link && !link.stop_code ? link.held_through + 1 : Number.MAX_SAFE_INTEGER;
      });
      const log = app.log.child('region-link');
      let hallKey: HallKey | null = null;
      const key = (): HallKey => (hallKey ??= hallSigningKey(app.keysFile));
      const page = app.db.prepare('SELECT seq, type, at, data, window FROM events WHERE seq > ? ORDER BY seq LIMIT ?');
      const head = app.db.prepare('SELECT COALESCE(MAX(seq), 0) FROM events').pluck();
      headSeq = () => head.get() as number;
      const audit = (action: string, details: Record<string, unknown>): void => app.audit(null, action, details);
      signedBy = (siteIds) => pullNeighbours({ store: s, key, now: () => app.now() }, siteIds);
      const tx = <T>(fn: () => T): T => app.tx(fn);

      let refreshing = false;
      let lastRefresh = 0;
      const refresh = async (): Promise<void> => {
        const link = s.get();
        if (!link || link.stop_code || refreshing) return;
        refreshing = true;
        lastRefresh = Date.now();
        try {
          const sealing = await fetchSealingKey(link.region_url).catch((err: unknown) => {
            if (err instanceof RegionRefusal && err.code === 'no_sealing_key') return null;
            throw err;
          });
          if (sealing && sealing.keyId !== link.sealing_key_id) tx(() => s.setSealingKey(sealing));
          if (options.appointments) {
            // A region without the booking service (or its key file) must not hold up the pack pull.
            await pullAppointments({ store: s, key, now: () => app.now(), apply: options.appointments })
              .catch((err: unknown) => log.warn(`appointment pull: ${(err as Error).message}`));
          }
          if (options.packs) {
            await pullSitePack({ store: s, packs: options.packs, key, now: () => app.now(), tx, audit, log });
          }
        } catch (err) {
          if (err instanceof RegionUnreachable || err instanceof RegionRefusal) log.warn(`region refresh: ${err.message}`);
          else log.error('region refresh failed', err);
        } finally {
          // Also when the region is unreachable: the neighbours' counts must then be withdrawn once old.
          if (options.afterRefresh) await options.afterRefresh().catch((err: unknown) => log.warn(`after refresh: ${(err as Error).message}`));
          refreshing = false;
        }
      };

      const p = new Pusher({
        store: s,
        key,
        readPage: (after, limit) =>
          (page.all(after, limit) as EventRow[]).map((row): SyncEvent => {
            const event: SyncEvent = { seq: row.seq, type: row.type, at: row.at, data: JSON.parse(row.data) };
            if (row.window !== null) event.window = row.window;
            return event;
          }),
        headSeq,
        now: () => app.now(),
        random: options.random ?? Math.random,
        tx,
        audit,
        log,
        onCaughtUp: () => {
          if (Date.now() - lastRefresh >= (options.refreshEveryMs ?? REFRESH_MS)) void refresh();
        },
      });
      pusher = p;
      app.onEventsCommitted(() => p.kick());

      if (options.phoneRatings) {
        const apply = options.phoneRatings;
        let pulling: Promise<number> | null = null;
        let lastProblem: string | null = null;
        pullPhone = () => {
          const link = s.get();
          if (closed || !link || link.stop_code) return Promise.resolve(0);
          // One pull at a time; a caller arriving during one waits for it.
          pulling ??= pullPhoneRatings({ store: s, key, now: () => app.now(), apply })
            .then((n) => {
              lastProblem = null;
              return n;
            }, (err: unknown) => {
              if (!(err instanceof RegionUnreachable || err instanceof RegionRefusal)) throw err;
              // Said once per problem, not every few seconds while the region is away.
              if (err.message !== lastProblem) log.warn(`phone rating pull: ${err.message}`);
              lastProblem = err.message;
              return 0;
            })
            .finally(() => {
              pulling = null;
            });
          return pulling;
        };
        phoneTimer = setInterval(() => {
          pullPhone().catch((err: unknown) => log.error('phone rating pull failed', err));
        }, options.phoneRatingsEveryMs ?? PHONE_RATINGS_MS);
        phoneTimer.unref();
      }

      const enrol = async (regionUrl: string, code: string) => {
        const hallName = (() => {
          try {
            return app.pack().manifest.hall.name;
          } catch {
            return '医保经办大厅';
          }
        })();
        return { regionUrl, answer: await enrolAt(regionUrl, { code, publicKey: key().publicKey, hallName }) };
      };
      const saveEnrolment = ({ regionUrl, answer }: Awaited<ReturnType<typeof enrol>>): void => {
        s.enrol({
          regionUrl,
          siteId: answer.siteId,
          siteName: answer.siteName,
          level: answer.level,
          publicKey: key().publicKey,
          sealingKey: answer.sealingKey ?? null,
          packSigningKey: answer.packSigningKey ?? null,
          heldThrough: answer.heldThrough,
          at: app.now().toISOString(),
        });
      };
      const afterEnrolment = (): void => {
        lastRefresh = 0;
        p.now();
      };

      app.route(routeOf(RegionEndpoints.refresh, {
        async prepare() {
          await refresh();
        },
        handle() {
          setImmediate(() => p.now());
          return { body: status(s, p, headSeq()) };
        },
      }));
      app.route(routeOf(RegionEndpoints.status, { handle: () => ({ body: status(s, p, headSeq()) }) }));
      app.route(routeOf(RegionEndpoints.enrol, {
        async prepare({ body }) {
          try {
            return await enrol(body.url, body.code);
          } catch (err) {
            if (err instanceof RegionRefusal) throw new ApiError(422, err.code, err.message);
            if (err instanceof RegionUnreachable) throw new ApiError(502, 'region_unreachable', '连不上区域中心，请检查地址和网络后重试');
            throw err;
          }
        },
        handle({ principal }, enrolled) {
          saveEnrolment(enrolled);
          app.audit(principal, 'region.enrolled', { regionUrl: enrolled.regionUrl, siteId: enrolled.answer.siteId });
          setImmediate(afterEnrolment);
          return { body: status(s, p, headSeq()) };
        },
      }));

      if (!s.get() && options.url && options.enrolCode) {
        const url = options.url;
        const code = options.enrolCode;
        // The region may come up after the hall (npm start starts it last) or be down for a while: an unreachable region
        // is tried again with the push's back-off; a refused code is said once and not retried.
        let failures = 0;
        const attempt = (): void => {
          if (closed || s.get()) return;
          enrol(url, code).then(
            (enrolled) => {
              if (closed) return;
              tx(() => {
                saveEnrolment(enrolled);
                audit('region.enrolled', { regionUrl: url, siteId: enrolled.answer.siteId, by: 'start flag' });
              });
              log.info(`enrolled at the region as site ${enrolled.answer.siteId}`);
              afterEnrolment();
            },
            (err: unknown) => {
              if (closed) return;
              if (!(err instanceof RegionUnreachable)) {
                log.error(`region enrolment refused: ${(err as Error).message}`);
                return;
              }
              failures++;
              const wait = backoffDelayMs(failures, (options.random ?? Math.random)());
              if (failures === 1) log.warn(`region not reachable for enrolment (${err.message}); trying again with back-off`);
              setTimeout(attempt, wait).unref();
            },
          );
        };
        attempt();
      } else if (s.get()) {
        p.kick(0);
      }
    },
    health() {
      // A hall that never joined a region answers its health as before, without a region part.
      if (!store?.get() || !pusher) return {};
      return { region: health(store, pusher, headSeq()) };
    },
    stop() {
      closed = true;
      clearInterval(phoneTimer);
      pusher?.close();
    },
  };
}

function health(store: LinkStore, pusher: Pusher, headSeq: number): RegionLinkHealth {
  const link = store.get();
  if (!link) return { state: 'not_enrolled', siteId: null, heldThrough: 0, headSeq, message: null };
  const state = link.stop_code === 'site_fenced' ? 'fenced' : link.stop_code ? 'stopped' : pusher.nextAttemptAt ? 'retrying' : 'syncing';
  return { state, siteId: link.site_id, heldThrough: link.held_through, headSeq, message: link.stop_message ?? pusher.lastProblem };
}

function status(store: LinkStore, pusher: Pusher, headSeq: number): RegionLinkStatus {
  const link = store.get();
  return {
    ...health(store, pusher, headSeq),
    regionUrl: link?.region_url ?? null,
    siteName: link?.site_name ?? null,
    level: link?.level ?? null,
    enrolledAt: link?.enrolled_at ?? null,
    lastPushAt: link?.last_push_at ?? null,
    nextAttemptAt: pusher.nextAttemptAt?.toISOString() ?? null,
    sealing: link?.sealing_key_id != null,
    packVersion: link?.pack_version ?? 0,
    packRefusal: link?.pack_refusal ?? null,
  };
}
