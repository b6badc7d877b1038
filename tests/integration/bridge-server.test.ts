// The bridge's WebSocket: Origin allow-list, schema-checked messages, simulator commands only in simulate mode,
// and the page client from kiosk-app/shared/bridge talking to a real bridge.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PtyLink } from '../../device-bridge/simulators/link.ts';
import { SimPrinter } from '../../device-bridge/simulators/printer.ts';
import WebSocket from 'ws';
import { createBridgeClient } from '../../kiosk-app/shared/bridge/client.ts';
import { startBridge, type RunningBridge } from '../../device-bridge/server/start.ts';
import { silentLogger } from '../../device-bridge/util/log.ts';
import { SAMPLE_TICKET } from '../../protocol/bridge/ticket/sample.ts';
import { startTestBridge, TEST_ORIGIN, TestPage, type TestBridge } from '../support/bridge.ts';

let bridge: TestBridge;

beforeAll(async () => {
  bridge = await startTestBridge();
});

afterAll(async () => {
  await bridge?.close();
});

function handshakeStatus(url: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers });
    ws.once('open', () => {
      ws.close();
      resolve(101);
    });
    ws.once('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0));
    ws.once('error', reject);
  });
}

describe('bridge WebSocket server', () => {
  it('refuses a page from a foreign Origin with 403', async () => {
    expect(await handshakeStatus(bridge.url, { Origin: 'https://evil.example' })).toBe(403);
    await expect(TestPage.open(bridge.url, 'http://127.0.0.1:9999')).rejects.toThrow('HTTP 403');
  });

  it('refuses a Host that is not loopback (DNS rebinding)', async () => {
    expect(await handshakeStatus(bridge.url, { Origin: TEST_ORIGIN, Host: `evil.example:${bridge.port}` })).toBe(403);
  });

  it('accepts the allowed Origin and says hello with the device list', async () => {
    const page = await bridge.connect();
    const hello = await page.waitFor('hello');
    expect(hello.simulate).toBe(true);
    expect(hello.devices.map((d) => d.id)).toEqual(['printer', 'idcard', 'sscard', 'scanner', 'rating-keypad', 'caller-keypad']);
    expect(hello.devices.every((d) => d.simulated)).toBe(true);
    page.close();
  });

  it('answers malformed messages with a Chinese error, keeping the request id', async () => {
    const page = await bridge.connect();
    const reply = await page.request({ type: 'print', ticket: { number: 'A1' } });
    expect(reply).toMatchObject({ type: 'error', code: 'invalid_message' });
    expect((reply as { message: string }).message.startsWith('消息格式不正确')).toBe(true);
    const unknown = await page.request({ type: 'format-disk' as 'beep' });
    expect(unknown).toMatchObject({ type: 'error', code: 'invalid_message' });
    page.close();
  });

  it('lists devices on request', async () => {
    const page = await bridge.connect();
    expect((await page.request({ type: 'devices.list' })).type).toBe('ack');
    expect((await page.waitFor('devices')).devices).toHaveLength(6);
    page.close();
  });
});

describe('bridge without --simulate', () => {
  let running: RunningBridge;
  beforeAll(async () => {
    running = await startBridge({ config: { allowedOrigins: [TEST_ORIGIN] }, simulate: false, port: 0, log: silentLogger });
  });
  afterAll(async () => {
    await running?.close();
  });

  it('has no devices unless configured, refuses simulator commands and printing', async () => {
    const page = await TestPage.open(running.url, TEST_ORIGIN);
    expect((await page.waitFor('hello')).devices).toEqual([]);
    expect(await page.request({ type: 'sim', command: { action: 'printer.paper', paper: 'out' } })).toEqual({
      type: 'error',
      requestId: expect.any(String),
      code: 'simulate_only',
      message: '只有模拟模式下才能操作模拟设备',
    });
    const result = await page.request({ type: 'print', ticket: SAMPLE_TICKET });
    expect(result).toMatchObject({ type: 'print.result', result: { ok: false, code: 'no_printer' } });
    page.close();
  });
});

describe('one real serial path among simulated devices', () => {
  it('opens the configured path for the printer while the rest stay simulated', async () => {
    // A "real" printer: a pty pair not owned by the bridge, with a printer simulator on its far end.
    const dir = mkdtempSync(join(tmpdir(), 'yibao-real-printer-'));
    const link = await PtyLink.create(dir, 'usb-printer');
    const printer = new SimPrinter(link.device, join(dir, 'printed'));
    const running = await startBridge({
      config: { allowedOrigins: [TEST_ORIGIN], devices: { printer: { transport: 'serial', path: link.hostPath } } },
      simulate: true,
      port: 0,
      log: silentLogger,
    });
    try {
      const page = await TestPage.open(running.url, TEST_ORIGIN);
      const hello = await page.waitFor('hello');
      expect(hello.devices.find((d) => d.id === 'printer')).toMatchObject({ transport: 'serial', simulated: false });
      expect(hello.devices.find((d) => d.id === 'idcard')).toMatchObject({ transport: 'simulated', simulated: true });
      await page.waitForHealth('printer', 'ok');
      expect(await page.request({ type: 'print', ticket: SAMPLE_TICKET })).toMatchObject({ type: 'print.result', result: { ok: true } });
      expect(printer.printed).toHaveLength(1);
      expect(await page.request({ type: 'sim', command: { action: 'printer.paper', paper: 'out' } })).toMatchObject({ type: 'error', code: 'device_missing', message: '打印机不是模拟设备，无法执行该操作' });
      page.close();
    } finally {
      await running.close();
      await link.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('page client (kiosk-app/shared/bridge) against a real bridge', () => {
  it('prints, waits for a card, receives the identity and reconnects after the socket drops', async () => {
    // The client runs in the page; here the ws package stands in for the browser's WebSocket, with the page's Origin.
    class PageWebSocket extends WebSocket {
      constructor(url: string) {
        super(url, { origin: TEST_ORIGIN });
      }
    }
    const client = createBridgeClient({ url: bridge.url, WebSocketImpl: PageWebSocket as unknown as typeof globalThis.WebSocket, reconnectInitialMs: 50 });
    try {
      while (client.connection.value !== 'open') await new Promise((resolve) => setTimeout(resolve, 10));
      expect(client.simulate.value).toBe(true);
      expect(await client.print(SAMPLE_TICKET)).toEqual({ ok: true, code: 'printed', message: '小票已打印' });

      const identity = new Promise((resolve) => client.on('identity.read', (message) => resolve(message.identity.name)));
      await client.setWaitingForCard(true);
      await client.sim({ action: 'card.insert', reader: 'idcard', preset: 'longTerm' });
      expect(await identity).toBe('李建国');
      const removed = new Promise((resolve) => client.on('identity.removed', (message) => resolve(message.source)));
      await client.sim({ action: 'card.remove', reader: 'idcard' });
      expect(await removed).toBe('idcard');

      // Drop every connection from the server side: the client reconnects by itself and works again.
      const states: string[] = [];
      const unsubscribe = client.connection.subscribe((state) => states.push(state));
      bridge.running.dropClients();
      while (client.connection.value !== 'open' || !states.includes('closed')) await new Promise((resolve) => setTimeout(resolve, 10));
      unsubscribe();
      expect(states.slice(0, 3)).toEqual(['open', 'closed', 'connecting']);
      expect(states.at(-1)).toBe('open');
      expect((await client.reprint()).ok).toBe(true);
    } finally {
      client.close();
    }
  });

  it('gives a failed print result, not an exception, when the bridge is unreachable', async () => {
    const client = createBridgeClient({ url: 'ws://127.0.0.1:1/', WebSocketImpl: WebSocket as unknown as typeof globalThis.WebSocket, reconnectInitialMs: 10_000 });
    try {
      expect(await client.print(SAMPLE_TICKET)).toEqual({ ok: false, code: 'no_printer', message: '设备服务未连接，小票无法打印' });
    } finally {
      client.close();
    }
  });
});
