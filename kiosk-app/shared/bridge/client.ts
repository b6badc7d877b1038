// Page-side client of the terminal's device-bridge: one WebSocket that reconnects by itself, typed events,
// commands with request ids. Every message is validated with the bridge's own schemas.
import { signal, type ReadonlySignal } from '@preact/signals';
import type { Slip } from '../../../protocol/bridge/ticket/slip.ts';
import {
  BridgeMessageSchema,
  DEFAULT_BRIDGE_URL,
  type BridgeMessage,
  type DeviceInfo,
  type PageMessageInput,
  type PrintResult,
  type SimCommand,
  type TicketInput,
} from '../../../protocol/bridge/messages.ts';

export type BridgeConnection = 'connecting' | 'open' | 'closed';
type MessageOf<T extends BridgeMessage['type']> = Extract<BridgeMessage, { type: T }>;
export type BridgeEventType = 'devices' | 'identity.read' | 'identity.removed' | 'identity.failed' | 'scan' | 'key' | 'sim.printed';

/** A command the bridge refused or did not answer. `message` is Chinese, for people. */
export class BridgeRequestError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'BridgeRequestError';
  }
}

export interface BridgeClientOptions {
  url?: string;
  /** For tests in Node (the `ws` package); the browser's WebSocket by default. */
  WebSocketImpl?: typeof WebSocket;
  reconnectInitialMs?: number;
  reconnectMaxMs?: number;
  requestTimeoutMs?: number;
  /** Called with English text when the bridge sends something that fails its schema. */
  onProtocolError?: (detail: string) => void;
}

export interface BridgeClient {
  connection: ReadonlySignal<BridgeConnection>;
  devices: ReadonlySignal<DeviceInfo[]>;
  /** True when the bridge runs its simulators (demo hall, tests). */
  simulate: ReadonlySignal<boolean>;
  on<T extends BridgeEventType>(type: T, listener: (message: MessageOf<T>) => void): () => void;
  /** Never rejects: an unreachable bridge gives a failed result, so the kiosk can hand the ticket out another way. */
  print(ticket: TicketInput): Promise<PrintResult>;
  reprint(): Promise<PrintResult>;
  /** The 容缺受理承诺书 or the bring-next-time list; never rejects, like print. */
  printSlip(slip: Slip): Promise<PrintResult>;
  /** While true the bridge polls the card readers fast; kept across reconnects. */
  setWaitingForCard(waiting: boolean): Promise<void>;
  beep(times?: number): Promise<void>;
  sim(command: SimCommand): Promise<void>;
  close(): void;
}

interface Pending {
  resolve: (message: BridgeMessage) => void;
  reject: (error: BridgeRequestError) => void;
  timer: ReturnType<typeof setTimeout>;
}

type CommandWithoutId = PageMessageInput extends infer M ? (M extends { requestId: string } ? Omit<M, 'requestId'> : never) : never;

const PRINT_TIMEOUT_MS = 30_000;

export function createBridgeClient(options: BridgeClientOptions = {}): BridgeClient {
  const url = options.url ?? DEFAULT_BRIDGE_URL;
  const Impl = options.WebSocketImpl ?? WebSocket;
  const initialDelay = options.reconnectInitialMs ?? 500;
  const maxDelay = options.reconnectMaxMs ?? 5_000;
  const requestTimeout = options.requestTimeoutMs ?? 5_000;

  const connection = signal<BridgeConnection>('connecting');
  const devices = signal<DeviceInfo[]>([]);
  const simulate = signal(false);
  const listeners = new Map<string, Set<(message: BridgeMessage) => void>>();
  const pending = new Map<string, Pending>();
  let socket: WebSocket | null = null;
  let closed = false;
  let waitingForCard = false;
  let delay = initialDelay;
  let reconnectTimer: ReturnType<typeof setTimeout> | null = null;
  let counter = 0;

  function emit(message: BridgeMessage): void {
    for (const listener of listeners.get(message.type) ?? []) listener(message);
  }

  function failAll(code: string, text: string): void {
    for (const [id, entry] of pending) {
      clearTimeout(entry.timer);
      entry.reject(new BridgeRequestError(code, text));
      pending.delete(id);
    }
  }

  function handle(raw: unknown): void {
    let data: unknown;
    try {
      data = JSON.parse(String(raw));
    } catch {
      options.onProtocolError?.('bridge sent text that is not JSON');
      return;
    }
    const parsed = BridgeMessageSchema.safeParse(data);
    if (!parsed.success) {
      options.onProtocolError?.(`bridge message failed its schema: ${parsed.error.issues[0]?.message ?? ''}`);
      return;
    }
    const message = parsed.data;
    if (message.type === 'hello') {
      simulate.value = message.simulate;
      devices.value = message.devices;
      return;
    }
    if (message.type === 'devices') devices.value = message.devices;
    if (message.type === 'ack' || message.type === 'print.result' || (message.type === 'error' && message.requestId)) {
      const id = message.requestId as string;
      const entry = pending.get(id);
      if (entry) {
        pending.delete(id);
        clearTimeout(entry.timer);
        if (message.type === 'error') entry.reject(new BridgeRequestError(message.code, message.message));
        else entry.resolve(message);
      }
      return;
    }
    emit(message);
  }

  function connect(): void {
    if (closed) return;
    connection.value = 'connecting';
    const ws = new Impl(url);
    socket = ws;
    ws.onopen = () => {
      delay = initialDelay;
      connection.value = 'open';
      if (waitingForCard) void request({ type: 'waiting', waiting: true }).catch(() => undefined);
    };
    ws.onmessage = (event) => handle(event.data);
    ws.onclose = () => {
      if (socket !== ws) return;
      socket = null;
      connection.value = 'closed';
      failAll('disconnected', '设备服务连接中断');
      if (closed) return;
      reconnectTimer = setTimeout(connect, delay);
      delay = Math.min(delay * 2, maxDelay);
    };
    ws.onerror = () => {
      // onclose follows and schedules the reconnect.
    };
  }

  function request(command: CommandWithoutId, timeoutMs = requestTimeout): Promise<BridgeMessage> {
    return new Promise((resolve, reject) => {
      if (!socket || socket.readyState !== 1) {
        reject(new BridgeRequestError('disconnected', '设备服务未连接'));
        return;
      }
      const requestId = `r${Date.now().toString(36)}-${++counter}`;
      const timer = setTimeout(() => {
        pending.delete(requestId);
        reject(new BridgeRequestError('timeout', '设备服务没有响应'));
      }, timeoutMs);
      pending.set(requestId, { resolve, reject, timer });
      socket.send(JSON.stringify({ ...command, requestId }));
    });
  }

  async function printRequest(command: CommandWithoutId): Promise<PrintResult> {
    try {
      const reply = await request(command, PRINT_TIMEOUT_MS);
      if (reply.type === 'print.result') return reply.result;
      return { ok: false, code: 'printer_error', message: '打印机返回了无法识别的结果' };
    } catch (error) {
      const text = error instanceof BridgeRequestError ? error.message : '设备服务不可用';
      return { ok: false, code: 'no_printer', message: `${text}，小票无法打印` };
    }
  }

  connect();

  return {
    connection,
    devices,
    simulate,
    on(type, listener) {
      const set = listeners.get(type) ?? new Set();
      listeners.set(type, set);
      const wrapped = listener as (message: BridgeMessage) => void;
      set.add(wrapped);
      return () => set.delete(wrapped);
    },
    print: (ticket) => printRequest({ type: 'print', ticket }),
    reprint: () => printRequest({ type: 'reprint' }),
    printSlip: (slip) => printRequest({ type: 'print.slip', slip }),
    async setWaitingForCard(waiting) {
      waitingForCard = waiting;
      if (connection.value === 'open') await request({ type: 'waiting', waiting });
    },
    async beep(times = 1) {
      await request({ type: 'beep', times });
    },
    async sim(command) {
      await request({ type: 'sim', command });
    },
    close() {
      closed = true;
      if (reconnectTimer) clearTimeout(reconnectTimer);
      failAll('closed', '设备服务连接已关闭');
      socket?.close();
      socket = null;
      connection.value = 'closed';
    },
  };
}
