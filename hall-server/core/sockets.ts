// The WebSocket side of the event stream: hello (token + last seq) → snapshot or resume → live events; pings, dead-link
// detection, terminal heartbeats. Slow consumers are dropped (they resume on reconnect) instead of buffering without bound.
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import {
  ClientMessage,
  DEAD_LINK_MS,
  PING_INTERVAL_MS,
  type ServerMessage,
  type Snapshot,
  type TerminalHeartbeat,
} from '../../protocol/hall/index.ts';
import { visibleTo, type EventLog } from './events.ts';
import type { Logger } from './log.ts';
import { planReplay } from './replay.ts';
import type { HallEvent, Principal } from './module.ts';

const MAX_BUFFERED = 4 * 1024 * 1024;
const HELLO_TIMEOUT_MS = 5000;

interface Client {
  ws: WebSocket;
  principal: Principal | null;
  /** Checked again with every ping: a session that ended or expired (or a revoked terminal) loses its socket. */
  token: string | null;
  lastHeard: number;
  /** While a resume is being read in pages: live events committed meanwhile, sent once the replay is out. */
  held: Array<{ seq: number; text: string }> | null;
  expiryTimer: ReturnType<typeof setTimeout> | null;
}

export interface SocketDeps {
  log: EventLog;
  logger: Logger;
  authenticate(token: string): Principal | null;
  /** Milliseconds left of a token's session (0: ended), or null when it does not expire. */
  sessionLeftMs(token: string): number | null;
  snapshot(principal: Principal): Snapshot;
  heartbeat(principal: Principal, hb: TerminalHeartbeat): void;
  /** A terminal's socket opened or closed (for last-seen and online state). */
  presence(principal: Principal, online: boolean): void;
  /** Told the rows of each page a resume reads (tests and benches). */
  onReplayPage?: (rows: number) => void;
}

export class SocketHub {
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  private readonly clients = new Set<Client>();
  private readonly pinger: ReturnType<typeof setInterval>;
  private closed = false;

  constructor(private readonly deps: SocketDeps) {
    this.pinger = setInterval(() => this.pingAll(), PING_INTERVAL_MS);
    this.pinger.unref();
  }

  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    this.wss.handleUpgrade(req, socket, head, (ws) => this.accept(ws));
  }

  /** Sends committed events to every client allowed to see them. */
  deliver(events: HallEvent[]): void {
    // Each event's text is made once, and only when some client may see it (the region's records reach no socket).
    const texts: Array<string | undefined> = [];
    const textOf = (i: number) => (texts[i] ??= JSON.stringify({ type: 'event', event: wire(events[i]!) } satisfies ServerMessage));
    for (const client of this.clients) {
      if (!client.principal) continue;
      events.forEach((event, i) => {
        if (!visibleTo(event, client.principal!)) return;
        if (client.held) client.held.push({ seq: event.seq, text: textOf(i) });
        else this.sendText(client, textOf(i));
      });
    }
  }

  online(): Principal[] {
    return [...this.clients].flatMap((c) => (c.principal ? [c.principal] : []));
  }

  /** Closes the sockets of a revoked terminal or an ended console session. */
  disconnect(terminalId: string): void {
    for (const c of this.clients) if (c.principal?.id === terminalId) this.endSession(c);
  }

  /** A console session's socket closes when the session expires (the ping check catches a clock moved by hand). */
  private endAtExpiry(client: Client, token: string): void {
    const wait = (ms: number) => {
      client.expiryTimer = setTimeout(check, Math.min(ms, 2 ** 31 - 1));
      client.expiryTimer.unref();
    };
    const check = () => {
      const left = this.deps.sessionLeftMs(token);
      if (left === 0) this.endSession(client);
      else if (left !== null) wait(left);
    };
    const left = this.deps.sessionLeftMs(token);
    if (left !== null) wait(left);
  }

  private endSession(client: Client): void {
    this.send(client, { type: 'error', code: 'unauthorized', message: '登录已结束或配对已失效，请重新登录或配对' });
    client.ws.close(4001, 'revoked');
  }

  close(): void {
    this.closed = true;
    clearInterval(this.pinger);
    for (const c of this.clients) c.ws.terminate();
    this.wss.close();
  }

  private accept(ws: WebSocket): void {
    const client: Client = { ws, principal: null, token: null, lastHeard: Date.now(), held: null, expiryTimer: null };
    this.clients.add(client);
    const helloTimer = setTimeout(() => ws.close(4002, 'no hello'), HELLO_TIMEOUT_MS);
    ws.on('message', (data) => {
      client.lastHeard = Date.now();
      let parsed: ReturnType<typeof ClientMessage.safeParse>;
      try {
        parsed = ClientMessage.safeParse(JSON.parse(String(data)));
      } catch {
        return this.fail(client, 'bad_message', '消息格式不正确');
      }
      if (!parsed.success) return this.fail(client, 'bad_message', '消息格式不正确');
      const msg = parsed.data;
      if (msg.type === 'hello') {
        clearTimeout(helloTimer);
        if (client.principal) return this.fail(client, 'bad_message', '重复的 hello 消息');
        this.hello(client, msg.token, msg.lastSeq).catch((err: unknown) => {
          this.deps.logger.error('resume failed', err);
          client.ws.terminate();
        });
      } else if (msg.type === 'heartbeat' && client.principal && !this.closed) {
        this.deps.heartbeat(client.principal, msg.heartbeat);
      }
    });
    ws.on('close', () => {
      clearTimeout(helloTimer);
      if (client.expiryTimer) clearTimeout(client.expiryTimer);
      this.clients.delete(client);
      if (client.principal && !this.closed) this.deps.presence(client.principal, false);
    });
    ws.on('error', () => ws.terminate());
  }

  private async hello(client: Client, token: string, lastSeq: number | undefined): Promise<void> {
    const principal = this.deps.authenticate(token);
    if (!principal) {
      this.send(client, { type: 'error', code: 'unauthorized', message: '本终端尚未配对或配对已失效' });
      client.ws.close(4001, 'unauthorized');
      return;
    }
    client.principal = principal;
    client.token = token;
    this.deps.presence(principal, true);
    this.endAtExpiry(client, token);
    if (lastSeq === undefined) {
      this.sendSnapshot(client, this.deps.snapshot(principal));
      return;
    }
    // From here live events wait in `held` until the replay is out, so none slips in before an older one.
    client.held = [];
    const sized: { snapshot: Snapshot | null } = { snapshot: null };
    const plan = await planReplay(this.deps.log, principal, lastSeq, {
      snapshotBytes: () => JSON.stringify((sized.snapshot = this.deps.snapshot(principal))).length,
      ...(this.deps.onReplayPage ? { onPage: this.deps.onReplayPage } : {}),
    });
    const held = client.held;
    client.held = null;
    if (plan.kind === 'snapshot') {
      // A snapshot taken for its size is still current when nothing was committed since.
      const current = sized.snapshot?.seq === this.deps.log.lastSeq() ? sized.snapshot : this.deps.snapshot(principal);
      const seq = this.sendSnapshot(client, current);
      for (const live of held) if (live.seq > seq) this.sendText(client, live.text);
      return;
    }
    this.send(client, { type: 'resumed', fromSeq: lastSeq });
    for (const event of plan.events) this.send(client, { type: 'event', event: wire(event) });
    for (const live of held) if (live.seq > plan.upTo) this.sendText(client, live.text);
  }

  /** Sends a fresh snapshot; returns its seq. */
  private sendSnapshot(client: Client, snapshot: Snapshot): number {
    this.send(client, { type: 'snapshot', snapshot });
    return snapshot.seq;
  }

  private fail(client: Client, code: string, message: string): void {
    this.send(client, { type: 'error', code, message });
  }

  private send(client: Client, msg: ServerMessage): void {
    this.sendText(client, JSON.stringify(msg));
  }

  private sendText(client: Client, text: string): void {
    if (client.ws.readyState !== client.ws.OPEN) return;
    if (client.ws.bufferedAmount > MAX_BUFFERED) {
      client.ws.terminate();
      return;
    }
    client.ws.send(text);
  }

  private pingAll(): void {
    const now = Date.now();
    for (const client of this.clients) {
      if (now - client.lastHeard > DEAD_LINK_MS) client.ws.terminate();
      else if (client.token !== null && !this.deps.authenticate(client.token)) this.endSession(client);
      else this.send(client, { type: 'ping', at: new Date(now).toISOString() });
    }
  }
}

/** The event as sent to a page: the role filter stays on the server. */
function wire(event: HallEvent): { seq: number; type: string; at: string; data: unknown; window?: number } {
  const { roles: _roles, ...rest } = event;
  return rest;
}
