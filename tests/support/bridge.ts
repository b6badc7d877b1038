// Starts a real device-bridge with every device simulated over socat pseudo-terminals (the real serialport stack)
// on an ephemeral port, for integration and end-to-end tests. Fails loudly when socat is missing.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import type { BridgeConfigInput } from '../../device-bridge/config/schema.ts';
import type { CardReaderTiming } from '../../device-bridge/drivers/card-reader.ts';
import type { PrinterTiming } from '../../device-bridge/drivers/printer.ts';
import { BridgeMessageSchema, type BridgeMessage, type DeviceInfo, type PageMessageInput } from '../../protocol/bridge/messages.ts';
import { socatAvailable } from '../../device-bridge/simulators/link.ts';
import type { SimulatorHub } from '../../device-bridge/simulators/hub.ts';
import { startBridge, type RunningBridge } from '../../device-bridge/server/start.ts';
import { consoleLogger, silentLogger } from '../../device-bridge/util/log.ts';

export interface TestBridgeOptions {
  /** Page origins allowed to connect (e.g. the test hall-server's http://127.0.0.1:PORT). */
  allowedOrigins?: string[];
  /** Extra config (a device may be named 'none' to leave it out). */
  config?: Omit<BridgeConfigInput, 'allowedOrigins' | 'printedDir'>;
  cardReaderTiming?: Partial<CardReaderTiming>;
  printerTiming?: Partial<PrinterTiming>;
  reconnectMs?: number;
}

export interface TestBridge {
  url: string;
  port: number;
  running: RunningBridge;
  sim: SimulatorHub;
  printedDir: string;
  /** Opens a page-like WebSocket client. */
  connect(origin?: string): Promise<TestPage>;
  close(): Promise<void>;
}

export const TEST_ORIGIN = 'http://127.0.0.1:4600';

export async function startTestBridge(options: TestBridgeOptions = {}): Promise<TestBridge> {
  if (!socatAvailable()) throw new Error('socat is not installed: the bridge tests need it for virtual serial ports (apt-get install socat)');
  const workDir = mkdtempSync(join(tmpdir(), 'yibao-test-bridge-'));
  const printedDir = join(workDir, 'printed');
  const running = await startBridge({
    config: { ...options.config, allowedOrigins: options.allowedOrigins ?? [TEST_ORIGIN], printedDir, ptyDir: join(workDir, 'pty') },
    simulate: true,
    port: 0,
    log: process.env.BRIDGE_LOG ? consoleLogger('debug') : silentLogger,
    cardReaderTiming: { pollFastMs: 30, pollSlowMs: 200, requestTimeoutMs: 1_500, ...options.cardReaderTiming },
    printerTiming: { statusIntervalMs: 300, statusTimeoutMs: 800, ...options.printerTiming },
    reconnectMs: options.reconnectMs ?? 200,
  });
  const sim = running.bridge.sim;
  if (!sim) throw new Error('test bridge started without simulators');
  const pages: TestPage[] = [];
  return {
    url: running.url,
    port: running.port,
    running,
    sim,
    printedDir,
    async connect(origin = TEST_ORIGIN) {
      const page = await TestPage.open(running.url, origin);
      pages.push(page);
      return page;
    },
    async close() {
      for (const page of pages) page.close();
      await running.close();
      rmSync(workDir, { recursive: true, force: true });
    },
  };
}

/** A WebSocket client that behaves like a page: validates every message and lets tests wait for one. */
export class TestPage {
  readonly received: BridgeMessage[] = [];
  private waiters: { match: (message: BridgeMessage) => boolean; resolve: (message: BridgeMessage) => void }[] = [];
  private counter = 0;

  private constructor(private readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const message = BridgeMessageSchema.parse(JSON.parse(data.toString()));
      this.received.push(message);
      this.waiters = this.waiters.filter((waiter) => {
        if (!waiter.match(message)) return true;
        waiter.resolve(message);
        return false;
      });
    });
  }

  static open(url: string, origin: string): Promise<TestPage> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(url, { origin });
      const page = new TestPage(ws);
      ws.once('open', () => resolve(page));
      ws.once('error', reject);
      ws.once('unexpected-response', (_request, response) => reject(new Error(`bridge refused the connection: HTTP ${response.statusCode}`)));
    });
  }

  /** Resolves with the first message (already received since `since`, or arriving) that matches. */
  waitFor<T extends BridgeMessage['type']>(
    type: T,
    predicate: (message: Extract<BridgeMessage, { type: T }>) => boolean = () => true,
    timeoutMs = 10_000,
    since = 0,
  ): Promise<Extract<BridgeMessage, { type: T }>> {
    const match = (message: BridgeMessage) => message.type === type && predicate(message as Extract<BridgeMessage, { type: T }>);
    const seen = this.received.slice(since).find(match);
    if (seen) return Promise.resolve(seen as Extract<BridgeMessage, { type: T }>);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ${type} message within ${timeoutMs} ms`)), timeoutMs);
      this.waiters.push({
        match,
        resolve: (message) => {
          clearTimeout(timer);
          resolve(message as Extract<BridgeMessage, { type: T }>);
        },
      });
    });
  }

  /** Waits until a device list (hello or devices) shows `id` in `state` (optionally with `code`). */
  async waitForHealth(id: string, state: string, code?: string, timeoutMs = 10_000, since = 0): Promise<{ devices: DeviceInfo[] }> {
    const matches = (devices: DeviceInfo[]) =>
      devices.some((device) => device.id === id && device.health.state === state && (code === undefined || device.health.code === code));
    const hello = this.received.slice(since).find((message) => message.type === 'hello' && matches(message.devices));
    if (hello && hello.type === 'hello') return hello;
    return this.waitFor('devices', (message) => matches(message.devices), timeoutMs, since);
  }

  /** Sends a command with a fresh request id and resolves with its answer (ack, print.result or error). */
  async request(message: Record<string, unknown> & { type: PageMessageInput['type'] }, timeoutMs = 15_000): Promise<BridgeMessage> {
    const requestId = `t${++this.counter}`;
    const answer = this.waitFor('ack', (m) => m.requestId === requestId, timeoutMs).catch(() => null);
    const result = this.waitFor('print.result', (m) => m.requestId === requestId, timeoutMs).catch(() => null);
    const error = this.waitFor('error', (m) => m.requestId === requestId, timeoutMs).catch(() => null);
    this.ws.send(JSON.stringify({ ...message, requestId }));
    const reply = await Promise.race([answer, result, error].map((p) => p.then((m) => m ?? new Promise<never>(() => undefined))).concat(
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no answer to ${message.type} within ${timeoutMs} ms`)), timeoutMs)),
    ));
    return reply;
  }

  /** Runs a simulator command and fails the test if the bridge refuses it. */
  async sim(command: Record<string, unknown>): Promise<void> {
    const reply = await this.request({ type: 'sim', command });
    if (reply.type !== 'ack') throw new Error(`simulator command ${JSON.stringify(command)} refused: ${JSON.stringify(reply)}`);
  }

  get count(): number {
    return this.received.length;
  }

  close(): void {
    this.ws.close();
  }
}
