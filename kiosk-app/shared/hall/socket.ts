// The hall event stream as signals: connection state, the current snapshot (kept current by applying events),
// and the events themselves. Resumes after a reconnect from the last applied sequence number, answers the server's
// pings, declares a silent link (or a connection attempt that stays silent) dead, and reconnects with backoff, counting
// the attempts in a row that failed. Nothing is dropped silently: when the server cannot resume it sends a fresh snapshot.
import { batch, signal, type Signal } from '@preact/signals';
import {
  DEAD_LINK_MS,
  EVENT_STREAM_PATH,
  PING_INTERVAL_MS,
  ServerMessage,
  type ClientMessage,
  type HallEventMessage,
  type Snapshot,
  type TerminalHeartbeat,
} from '../../../protocol/hall/index.ts';
import { hallBaseUrl } from './api.ts';
import { learnHallClock } from './hall-clock.ts';
import { applyEvent } from './reduce.ts';
import { saveSession, session } from './session.ts';

export type ConnectionState = 'connecting' | 'open' | 'reconnecting' | 'unauthorized' | 'closed';

export interface HallStream {
  state: Signal<ConnectionState>;
  /** Connection attempts in a row that ended before the hall answered (refused, or silent for the dead-link time); 0
   * once it answers. A link that was open and dropped is not a failed attempt: the reconnect after it may succeed. */
  failedAttempts: Signal<number>;
  snapshot: Signal<Snapshot | null>;
  /** The most recent events (newest last), at most `keepEvents`. */
  events: Signal<HallEventMessage[]>;
  /** Called for every event once, in order, after the snapshot has been updated. */
  onEvent(listener: (event: HallEventMessage) => void): () => void;
  /** Sends a terminal heartbeat now (also sent every interval when `heartbeat` was given). */
  sendHeartbeat(): void;
  close(): void;
}

export interface SubscribeOptions {
  token?: string;
  /** Device health and pack version of this terminal, sent with every heartbeat. */
  heartbeat?: () => TerminalHeartbeat;
  keepEvents?: number;
  /** Delays before reconnect attempts, the last one repeated. */
  backoffMs?: number[];
  /** For tests and Node: the WebSocket constructor. */
  WebSocketImpl?: typeof WebSocket;
}

const DEFAULT_BACKOFF = [500, 1000, 2000, 4000, 8000, 10_000];

export function subscribe(options: SubscribeOptions = {}): HallStream {
  const state = signal<ConnectionState>('connecting');
  const failedAttempts = signal(0);
  const snapshot = signal<Snapshot | null>(null);
  const events = signal<HallEventMessage[]>([]);
  const listeners = new Set<(event: HallEventMessage) => void>();
  const keep = options.keepEvents ?? 100;
  const backoff = options.backoffMs ?? DEFAULT_BACKOFF;
  const Impl = options.WebSocketImpl ?? globalThis.WebSocket;
  let socket: WebSocket | null = null;
  let attempt = 0;
  let lastSeq: number | null = null;
  let closed = false;
  let reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  let deadTimer: ReturnType<typeof setTimeout> | undefined;
  let heartbeatTimer: ReturnType<typeof setInterval> | undefined;

  const send = (msg: ClientMessage) => {
    if (socket?.readyState === Impl.OPEN) socket.send(JSON.stringify(msg));
  };
  const sendHeartbeat = () => {
    if (options.heartbeat) send({ type: 'heartbeat', heartbeat: options.heartbeat() });
  };
  const armDeadTimer = () => {
    clearTimeout(deadTimer);
    deadTimer = setTimeout(() => socket?.close(4000, 'dead link'), DEAD_LINK_MS);
  };

  const handle = (msg: ServerMessage) => {
    switch (msg.type) {
      case 'snapshot':
        learnHallClock(msg.snapshot);
        snapshot.value = msg.snapshot;
        lastSeq = msg.snapshot.seq;
        attempt = 0;
        batch(() => {
          state.value = 'open';
          failedAttempts.value = 0;
        });
        sendHeartbeat();
        return;
      case 'resumed':
        attempt = 0;
        batch(() => {
          state.value = 'open';
          failedAttempts.value = 0;
        });
        sendHeartbeat();
        return;
      case 'event': {
        const event = msg.event;
        if (lastSeq !== null && event.seq <= lastSeq) return;
        lastSeq = event.seq;
        if (snapshot.value) snapshot.value = applyEvent(snapshot.value, event);
        events.value = [...events.value, event].slice(-keep);
        for (const listener of listeners) listener(event);
        return;
      }
      case 'ping':
        send({ type: 'pong', at: new Date().toISOString() });
        return;
      case 'error':
        if (msg.code === 'unauthorized') {
          closed = true;
          state.value = 'unauthorized';
          if (!options.token) saveSession(null);
        }
        return;
    }
  };

  const scheduleReconnect = () => {
    if (closed) return;
    state.value = 'reconnecting';
    const base = backoff[Math.min(attempt, backoff.length - 1)] ?? 1000;
    attempt++;
    reconnectTimer = setTimeout(connect, base / 2 + Math.random() * (base / 2));
  };

  function connect() {
    const token = options.token ?? session.value?.token;
    if (!token) {
      state.value = 'unauthorized';
      return;
    }
    const url = hallBaseUrl().replace(/^http/, 'ws') + EVENT_STREAM_PATH;
    const ws = new Impl(url);
    socket = ws;
    // An attempt that never opens (no answer to the connection at all) is dead after the same time as a silent link.
    armDeadTimer();
    ws.onopen = () => {
      ws.send(JSON.stringify({ type: 'hello', token, ...(lastSeq === null ? {} : { lastSeq }) } satisfies ClientMessage));
      armDeadTimer();
    };
    ws.onmessage = (ev: MessageEvent) => {
      armDeadTimer();
      let raw: unknown;
      try {
        raw = JSON.parse(String(ev.data));
      } catch {
        return;
      }
      const parsed = ServerMessage.safeParse(raw);
      if (parsed.success) handle(parsed.data);
    };
    ws.onclose = () => {
      clearTimeout(deadTimer);
      if (socket === ws) socket = null;
      // Closed before the hall answered it: this attempt failed. A link that was open has merely dropped.
      if (!closed && state.peek() !== 'open') failedAttempts.value++;
      scheduleReconnect();
    };
    ws.onerror = () => ws.close();
  }

  connect();
  if (options.heartbeat) heartbeatTimer = setInterval(sendHeartbeat, PING_INTERVAL_MS * 3);

  return {
    state,
    failedAttempts,
    snapshot,
    events,
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    sendHeartbeat,
    close() {
      closed = true;
      clearTimeout(reconnectTimer);
      clearTimeout(deadTimer);
      clearInterval(heartbeatTimer);
      socket?.close(1000, 'bye');
      state.value = 'closed';
    },
  };
}
