// The contract between the hall-server core and its feature modules (queue, packs, ratings, identity…).
// The core owns the HTTP server, the SQLite connection, migrations, the event stream, auth and audit;
// a module declares its tables, routes and snapshot and never opens its own server or database.
import type { Database } from 'better-sqlite3';
import type { z } from 'zod';
import type { Pack } from '../../content/schema/index.ts';
import type { EventData, KnownEventType } from '../../protocol/hall/events.ts';
import type { ErrorBody, HealthResponse } from '../../protocol/hall/common.ts';
import type { StaffRole } from '../../protocol/hall/access.ts';
import type { Endpoint, ParsedBodyOf, ParsedQueryOf, ResponseInputOf } from '../../protocol/hall/endpoint.ts';
import type { Logger } from './log.ts';

/** Who a paired terminal or a signed-in manager is. */
export type Role = 'admin' | 'kiosk' | 'pad' | 'counter' | 'board';

export interface Principal {
  /** Terminal id (for a manager: "admin:<user>"). */
  id: string;
  role: Role;
  /** The window a pad or counter acts for; null for other roles. */
  window: number | null;
  /** Human name shown in the console, e.g. "1号取号机"; for a manager "张三（工号 1001）". */
  name: string;
  /** For a console session: the account's role, which decides the routes it may call (each route's `staff`). */
  staffRole?: StaffRole;
}

/** One schema change of one module; ids are unique within the module and applied in array order, once. */
export interface Migration {
  id: string;
  sql: string;
}

export interface RouteRequest<Body, Query = URLSearchParams> {
  body: Body;
  params: Record<string, string>;
  /** The raw parameters, or what the route's declared `query` schema answered. */
  query: Query;
  /** null only on routes declared `roles: 'public'`. */
  principal: Principal | null;
  /** The caller's address as the socket sees it (no proxy header is trusted), for throttling. */
  remoteAddress: string;
  headers: Record<string, string | string[] | undefined>;
}

export interface RouteResult {
  /** Never set: it keeps a Promise from passing as a result, so an `async handle` fails to compile. */
  then?: never;
  status?: number;
  /** Serialised as JSON unless `raw` is given. */
  body?: unknown;
  /** For downloads such as CSV exports. */
  raw?: string | Uint8Array;
  headers?: Record<string, string>;
}

export interface RouteSpec<S extends z.ZodType = z.ZodType, P = undefined> {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Express-style path, e.g. "/api/windows/:window/call-next". */
  path: string;
  /** Roles allowed to call it, or 'public'. A pad or counter may only act on its own window (checked by the core
   * when the path has a `:window` parameter). */
  roles: Role[] | 'public';
  /** With 'admin' in `roles`: the console account roles that may call it (protocol/hall/access.ts); absent: the
   * 大厅负责人 only. */
  staff?: readonly StaffRole[];
  /** Query schema (protocol/hall/query.ts): the router parses the parameters with it (400 when they fail) and hands
   * `handle` the result as `query`. */
  query?: z.ZodType;
  /** Body schema (strict objects: unknown fields are rejected). Requests without a body schema must have no body. */
  body?: S;
  /** Default 64 KiB; pack uploads raise it. */
  maxBodyBytes?: number;
  /** Raw body instead of JSON (e.g. a pack zip upload). */
  rawBody?: boolean;
  /** One line for the API reference (`GET /api/openapi.json`). */
  summary?: string;
  /** The success body's schema, for the API reference. */
  response?: z.ZodType;
  /** Optional asynchronous first step (an outbound HTTP call, reading a file), run after auth and body validation and
   * OUTSIDE any transaction: write nothing here. Whatever it resolves to is passed to `handle` as `prepared`. If it
   * throws (an ApiError for a failed upstream call), `handle` does not run and nothing is written. Other commands run
   * meanwhile: anything `prepare` read from the database may have changed, so `handle` checks it again. */
  prepare?(req: RouteRequest<z.infer<S>>): Promise<P>;
  /** The durable step: synchronous, runs inside the core's group-commit transaction in its own savepoint, and is
   * answered only after the commit. If it throws, everything it wrote is rolled back; to keep a record of a failure
   * (an audit of a wrong password), return an error result (`{ status: 4xx, body: { error: { code, message } } }`)
   * instead of throwing. Async work belongs in `prepare`: a Promise is not a `RouteResult`, so it does not compile. */
  handle(req: RouteRequest<z.infer<S>>, prepared: P): RouteResult;
}

/** A declared endpoint's result: its success body is what the endpoint's response schema takes, so a field renamed in
 * protocol/hall fails to compile here; an error result carries the hall's error body. */
export type EndpointResult<E extends Endpoint> = Omit<RouteResult, 'body'> & { body?: ResponseInputOf<E> | ErrorBody };

/** What a declared endpoint's handler reads as `query`: the parsed object, or the raw parameters when none is declared. */
export type QueryOf<E extends Endpoint> = E['query'] extends z.ZodType ? ParsedQueryOf<E> : URLSearchParams;

export interface EndpointHandler<E extends Endpoint, P> {
  /** Default 64 KiB; pack uploads raise it. */
  maxBodyBytes?: number;
  /** As RouteSpec.prepare. */
  prepare?(req: RouteRequest<ParsedBodyOf<E>, QueryOf<E>>): Promise<P>;
  /** As RouteSpec.handle. */
  handle(req: RouteRequest<ParsedBodyOf<E>, QueryOf<E>>, prepared: P): EndpointResult<E>;
}

/** The route of an endpoint declared in protocol/hall: method, path, roles and schemas come from the declaration. */
export function routeOf<E extends Endpoint, P = undefined>(declared: E, handler: EndpointHandler<E, P>): RouteSpec<z.ZodType, P> {
  // The router takes any schema; routeOf is where the declaration ties this handler's body and result types together.
  const roles = declared.roles === 'public' ? 'public' : [...declared.roles];
  return { ...declared, roles, ...handler } as unknown as RouteSpec<z.ZodType, P>;
}

/** Thrown by handlers; becomes `{"error":{"code","message"}}` with the status. The message is Chinese, for people. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** One entry of the hall's event stream. Sequence numbers are gap-free and survive restarts. */
export interface HallEvent {
  seq: number;
  type: string;
  at: string;
  data: unknown;
  /** Limits delivery, e.g. a rating prompt only to the pad of its window. Absent: every terminal. Admins get every event.
   * Terminals without a window (kiosk, board) get a window-scoped event only when `roles` names their role. */
  window?: number;
  /** Limits delivery to these roles (admins always receive). Absent: every role. Empty: a record for the durable log
   * only (the region link pushes it), delivered to no socket, admins' included. */
  roles?: Role[];
}

export interface EventHub {
  /** Records the event in the same SQLite transaction as the caller's change (call it inside `app.tx`), and
   * delivers it to connected sockets once that transaction has committed. Typed by the event map of protocol/hall:
   * the data must be what the pages parse for that type. */
  publish<T extends KnownEventType>(type: T, data: EventData<T>, opts?: { window?: number; roles?: Role[] }): HallEvent;
}

export interface Secrets {
  /** Keyed hash (HMAC-SHA256, hex) for matching an ID number without storing it. */
  hashId(idNumber: string): string;
  /** Keyed hash (HMAC-SHA256, hex) of a request body's canonical text, to tell a retry from a reused idempotency key. */
  fingerprint(text: string): string;
  /** Authenticated encryption of a field that must be read back (call-back phone, ID number for the upstream export). */
  encrypt(plain: string): string;
  decrypt(sealed: string): string;
  /** The same field sealed under the current key: `sealed` itself when it is already, so a field copied from one table
   * to another costs no decryption. */
  reseal(sealed: string): string;
}

export interface HallApp {
  db: Database;
  /** The hall's logger; a module logs through `app.log.child(<module name>)`. */
  log: Logger;
  events: EventHub;
  secrets: Secrets;
  /** Runs `fn` in one durable transaction; events published inside are sent after the commit. */
  tx<T>(fn: () => T): T;
  route<S extends z.ZodType, P = undefined>(spec: RouteSpec<S, P>): void;
  audit(actor: Principal | null, action: string, details: Record<string, unknown>): void;
  now(): Date;
  /** The active content pack (validated). */
  pack(): Pack;
  /** Called after a new pack (or a rollback) became active. */
  onPackActivated(listener: (pack: Pack) => void): void;
  /** Called with the events of every transaction right after it committed (before sockets get them). For work that
   * follows another module's change without joining its transaction; do not write from the listener itself (schedule). */
  onEventsCommitted(listener: (events: HallEvent[]) => void): void;
  /** Called as each event is published, inside its transaction, which may still roll back: for an in-memory hint
   * that may err on the side of "something new" only (e.g. "look at the log again"); never write from it. */
  onEventPublished(listener: (event: HallEvent) => void): void;
  /** For the packs module: makes `pack` the active one, publishes `pack.activated` and calls the listeners.
   * Call it inside `app.tx` together with the store change, so both commit or neither does. */
  setActivePack(pack: Pack): void;
  /** Lets the hourly retention purge delete a module's own rows once they are no longer needed (in small batches). */
  retainRows(rule: RowRetention): void;
  /** Keeps every event from the seq `floor()` answers on, whatever its age (e.g. events not yet sent upstream). */
  holdEventsFrom(floor: () => number): void;
  /** The hall's key file (core/keys.ts), outside the data dir; the region link keeps the hall's signing key in it. */
  keysFile: string;
  /** The hall's data directory (SQLite, secrets); a module keeps files under `<dataDir>/<module name>/`. */
  dataDir: string;
  /** A pack directory or zip named on the command line (`--pack`), for the packs module to import at start; null if none. */
  startupPack: string | null;
  /** True in the demo hall (terminals pair automatically). */
  demo: boolean;
}

/** A table whose rows expire: `column` holds the time a row was written, compared against `cutoff(now)`. The column
 * needs an index; the purge deletes by rowid in batches. */
export interface RowRetention {
  table: string;
  column: string;
  /** Rows whose `column` is below this value expire (an ISO text or epoch milliseconds, as the column holds it). */
  cutoff(now: Date): string | number;
}

export interface HallModule {
  name: string;
  migrations: Migration[];
  register(app: HallApp): void;
  /** The part of the snapshot a newly (re)connected socket receives, under the module's name. */
  snapshot?(principal: Principal): unknown;
  /** The module's part of `GET /api/health`, merged into the answer (e.g. the region link's state). */
  health?(): Partial<Pick<HealthResponse, 'region'>>;
  /** Called when the hall-server stops, before the database closes (clear timers here). */
  stop?(): void;
}
