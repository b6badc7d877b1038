// The citizen's phone, served by the hall: each issued ticket gets a link token (its hash kept, a durable
// `citizen.link` record for the region), and `GET /api/citizen/tickets/:token` answers the progress page on the hall's
// own network. The page itself is a static file of the build (dist/citizen/), served at /t/<token>.
import { UNKNOWN_TOKEN_MESSAGE, type TicketProgress } from '../../protocol/citizen/progress.ts';
import { CitizenEndpoints } from '../../protocol/citizen/endpoints.ts';
import { hallDayEndMs, isCitizenToken, progressUrl } from '../../protocol/rules/citizen-token.ts';
import type { HallDayRule } from '../../protocol/rules/hall-day.ts';
import { ApiError, routeOf, type HallApp, type HallModule } from '../core/module.ts';
import type { QueueEngine } from '../queue/engine.ts';
import type { Ticket } from '../queue/types.ts';
import { GuessThrottle } from '../../server-shared/citizen/guessing.ts';
import { RatingReader } from './rating-reader.ts';
import { CitizenStore, citizenMigrations } from './store.ts';
import { ticketToken, tokenHash } from '../../server-shared/citizen/token.ts';
import { settledMigrations } from './settled-store.ts';
import { PhoneRatings } from './phone-ratings.ts';
import type { RatingService } from '../ratings/service.ts';
import type { PhoneRatingFeed } from '../../protocol/citizen/phone-rating-link.ts';
import { ticketProgress } from './view.ts';

export interface CitizenOptions {
  hallDay: HallDayRule;
  queue: () => QueueEngine;
  /** The base of the URL in the ticket's QR: the region's public URL when enrolled, else the hall's address on its
   * Wi-Fi; null prints no link. Asked at each issue (enrolment may change it). */
  baseUrl: () => string | null;
  /** The ratings module's service: the arbiter of one rating per service, pad or phone (扫码评价). */
  ratings: () => RatingService;
}

export interface CitizenModule extends HallModule {
  /** Called inside the issue transaction: records the ticket's link once and answers its URL (null without a base). */
  linkTicket(ticket: Pick<Ticket, 'id' | 'serviceCode' | 'issuedAt'>): string | null;
  /** The region link's intake of the site's pending phone ratings (answers how many were settled now). */
  applyPhoneRatings(feed: PhoneRatingFeed): number;
}

export function createCitizenModule(options: CitizenOptions): CitizenModule {
  let app: HallApp | null = null;
  let store: CitizenStore | null = null;
  let ratings: RatingReader | null = null;
  let phone: PhoneRatings | null = null;
  const throttle = new GuessThrottle();
  const ready = () => {
    if (!app || !store || !phone) throw new Error('citizen module not registered');
    return { app, store, phone };
  };

  /** The live ticket a token names; unknown or expired tokens count as guesses (slowed down per address). */
  function ticketOf(token: string, remoteAddress: string): { ticket: Ticket; expiresAt: number } {
    const { app, store } = ready();
    const nowMs = app.now().getTime();
    const wait = throttle.waitMs(remoteAddress, nowMs);
    if (wait > 0) throw new ApiError(429, 'too_many_tries', `查询过于频繁，请 ${Math.ceil(wait / 1000)} 秒后再试`);
    const link = isCitizenToken(token) ? store.byHash(tokenHash(token)) : null;
    const ticket = link && link.expiresAt > nowMs ? options.queue().view().state.tickets.get(link.ticketId) : undefined;
    if (!link || !ticket) {
      throttle.miss(remoteAddress, nowMs);
      throw new ApiError(404, 'unknown_ticket', UNKNOWN_TOKEN_MESSAGE);
    }
    return { ticket, expiresAt: link.expiresAt };
  }

  function progressOf(token: string, remoteAddress: string): TicketProgress {
    const { app } = ready();
    const { ticket, expiresAt } = ticketOf(token, remoteAddress);
    const { state, rules } = options.queue().view();
    const rated = ticket.status === 'finished' ? ratings!.ratedBy(ticket.id) : null;
    return ticketProgress(state, rules, ticket, expiresAt, rated, app.pack().evaluation.badReasons);
  }

  return {
    name: 'citizen',
    migrations: [...citizenMigrations, ...settledMigrations],
    register(hall: HallApp) {
      app = hall;
      store = new CitizenStore(hall.db);
      ratings = new RatingReader(hall.db);
      phone = new PhoneRatings(hall, options.ratings);
      const phoneRatings = phone;
      hall.retainRows({ table: 'citizen_links', column: 'expires_at', cutoff: (now) => now.getTime() });
      // A settled phone rating is remembered two days: the region drops its copy once the settlement arrives.
      hall.retainRows({ table: 'citizen_phone_settled', column: 'settled_at', cutoff: (now) => now.getTime() - 2 * 86_400_000 });
      const tellReasons = (): void => {
        try {
          phoneRatings.publishReasons(hall.pack().evaluation.badReasons);
        } catch (err) {
          hall.log.child('citizen').warn(`reasons not recorded for the region: ${(err as Error).message}`);
        }
      };
      tellReasons();
      hall.onPackActivated(tellReasons);
      hall.route(routeOf(CitizenEndpoints.progress, {
        handle: ({ params, remoteAddress }) => ({
          body: progressOf(params['token'] ?? '', remoteAddress),
          headers: { 'cache-control': 'no-store' },
        }),
      }));
      hall.route(routeOf(CitizenEndpoints.rate, {
        handle: ({ params, body, remoteAddress }) => {
          const { ticket } = ticketOf(params['token'] ?? '', remoteAddress);
          const { status, body: answer } = phoneRatings.rate(ticket.id, body);
          return { status, body: answer, headers: { 'cache-control': 'no-store' } };
        },
      }));
    },
    applyPhoneRatings(feed) {
      return ready().phone.applyFeed(feed);
    },
    linkTicket(ticket) {
      const { app, store } = ready();
      const token = ticketToken(ticket.id, (text) => app.secrets.fingerprint(text));
      const hash = tokenHash(token);
      const expiresAt = hallDayEndMs(ticket.issuedAt, options.hallDay);
      if (store.add(hash, { ticketId: ticket.id, serviceCode: ticket.serviceCode, expiresAt })) {
        app.events.publish('citizen.link', {
          tokenHash: hash, ticketId: ticket.id, serviceCode: ticket.serviceCode, expiresAt: new Date(expiresAt).toISOString(),
        }, { roles: [] });
      }
      const base = options.baseUrl();
      return base ? progressUrl(base, token) : null;
    },
  };
}
