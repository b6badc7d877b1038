// QR scanner (USB-COM over a pseudo-terminal) and HID keypads (through the node-hid device interface).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBridge, type TestBridge, type TestPage } from '../support/bridge.ts';

let bridge: TestBridge;
let page: TestPage;
const ECARD = '6501AF38E9C0B1D24F7A90CC1E03B5D2E8F4A6C0B9D8E7F6A1B2C3D4';

beforeAll(async () => {
  bridge = await startTestBridge({
    config: { ticketQrPrefixes: ['https://hall.example/t/'], devices: { printer: { transport: 'none' }, idcard: { transport: 'none' }, sscard: { transport: 'none' } } },
  });
  page = await bridge.connect();
  await page.waitForHealth('scanner', 'ok');
});

afterAll(async () => {
  await bridge?.close();
});

const scans = (since: number) => page.received.slice(since).filter((m) => m.type === 'scan');

describe('QR scanner over a pseudo-terminal', () => {
  it('classifies a 医保电子凭证, this hall’s ticket and anything else', async () => {
    const since = page.count;
    await page.sim({ action: 'scan', code: ECARD });
    await page.sim({ action: 'scan', code: 'https://hall.example/t/A012?d=20261122' });
    await page.sim({ action: 'scan', code: '6901234567892' });
    await page.waitFor('scan', (m) => m.payload === '6901234567892', 10_000, since);
    expect(scans(since)).toEqual([
      { type: 'scan', kind: 'ecard', payload: ECARD },
      { type: 'scan', kind: 'ticket', payload: 'https://hall.example/t/A012?d=20261122' },
      { type: 'scan', kind: 'other', payload: '6901234567892' },
    ]);
  });

  it('drops the same code scanned again within 2 s', async () => {
    const since = page.count;
    await page.sim({ action: 'scan', code: 'DUP-CODE-1' });
    await page.sim({ action: 'scan', code: 'DUP-CODE-1' });
    await page.sim({ action: 'scan', code: 'AFTER-DUP' });
    await page.waitFor('scan', (m) => m.payload === 'AFTER-DUP', 10_000, since);
    expect(scans(since).map((m) => (m as { payload: string }).payload)).toEqual(['DUP-CODE-1', 'AFTER-DUP']);
  });

  it('takes a 10 KB line whole, arriving in 512-byte chunks', async () => {
    const since = page.count;
    const long = 'Z'.repeat(10 * 1024);
    const scanner = bridge.sim.scanner;
    if (!scanner) throw new Error('no simulated scanner');
    scanner.setSlow(512, 1);
    try {
      await scanner.scan(long);
    } finally {
      scanner.setSlow(0, 0);
    }
    const event = await page.waitFor('scan', (m) => m.payload.length === long.length, 10_000, since);
    expect(event).toEqual({ type: 'scan', kind: 'other', payload: long });
  });

  it('drops line noise and keeps working', async () => {
    const since = page.count;
    await page.sim({ action: 'device.garbage', device: 'scanner', hex: '01021b7f0d0a' });
    await page.sim({ action: 'scan', code: 'AFTER-NOISE' });
    await page.waitFor('scan', (m) => m.payload === 'AFTER-NOISE', 10_000, since);
    expect(scans(since).map((m) => (m as { payload: string }).payload)).toEqual(['AFTER-NOISE']);
  });

  it('recovers after being unplugged', async () => {
    const since = page.count;
    await page.sim({ action: 'device.unplug', device: 'scanner' });
    await page.waitForHealth('scanner', 'offline', 'unplugged', 10_000, since);
    await page.sim({ action: 'device.replug', device: 'scanner' });
    await page.waitForHealth('scanner', 'ok', 'ok', 10_000, since);
    await page.sim({ action: 'scan', code: 'AFTER-REPLUG' });
    await page.waitFor('scan', (m) => m.payload === 'AFTER-REPLUG', 10_000, since);
  });
});

describe('HID keypads', () => {
  it('maps rating keys to the five levels, with the minimum interval between presses', async () => {
    const since = page.count;
    await page.sim({ action: 'key.press', key: { device: 'rating', action: 'very_satisfied' } });
    await page.sim({ action: 'key.press', key: { device: 'rating', action: 'dissatisfied' } });
    await page.waitFor('key', () => true, 10_000, since);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(page.received.slice(since).filter((m) => m.type === 'key')).toEqual([{ type: 'key', key: { device: 'rating', action: 'very_satisfied' } }]);
  });

  it('maps caller keys (keyboard-class pad) to queue actions', async () => {
    const since = page.count;
    await page.sim({ action: 'key.press', key: { device: 'caller', action: 'call_next' } });
    expect(await page.waitFor('key', () => true, 10_000, since)).toEqual({ type: 'key', key: { device: 'caller', action: 'call_next' } });
  });

  it('an unplugged pad goes offline and comes back', async () => {
    const since = page.count;
    await page.sim({ action: 'device.unplug', device: 'caller-keypad' });
    await page.waitForHealth('caller-keypad', 'offline', 'unplugged', 10_000, since);
    await page.sim({ action: 'device.replug', device: 'caller-keypad' });
    await page.waitForHealth('caller-keypad', 'ok', 'ok', 10_000, since);
    await new Promise((resolve) => setTimeout(resolve, 450));
    const after = page.count;
    await page.sim({ action: 'key.press', key: { device: 'caller', action: 'finish' } });
    expect(await page.waitFor('key', () => true, 10_000, after)).toEqual({ type: 'key', key: { device: 'caller', action: 'finish' } });
  });
});
