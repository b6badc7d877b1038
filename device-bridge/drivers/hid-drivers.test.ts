// HID drivers through the node-hid device interface: a fake device object stands in for hardware (no uhid here).
import { describe, expect, it } from 'vitest';
import { encodeHidPosReports, DEFAULT_ECARD_PATTERN } from '../codecs/scanner.ts';
import { FakeHidDevice } from '../simulators/hid.ts';
import { HidTransport, nodeHidOpener } from '../transports/hid.ts';
import { TransportError } from '../transports/types.ts';
import { silentLogger } from '../util/log.ts';
import { HidPosScannerDriver } from './scanner.ts';

const until = async (check: () => boolean) => {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
  expect(check()).toBe(true);
};

describe('HID-POS scanner driver', () => {
  it('assembles multi-report scans, classifies them and recovers after the device errors out', async () => {
    let device = new FakeHidDevice();
    let opens = 0;
    const transport = new HidTransport('hid', 'fake HID-POS scanner', async () => {
      opens++;
      device = new FakeHidDevice();
      return device;
    });
    const driver = new HidPosScannerDriver(transport, silentLogger, { reconnectMs: 10, healthHoldMs: 0 }, false, { ticketPrefixes: ['https://hall.example/t/'], ecardPattern: DEFAULT_ECARD_PATTERN });
    const scans: { kind: string; payload: string }[] = [];
    driver.onScan((scan) => scans.push(scan));
    driver.start();
    try {
      await until(() => driver.health.state === 'ok');
      const ticket = 'https://hall.example/t/A012?d=20261122&h=SY-HP-01&pad=' + 'x'.repeat(80);
      for (const report of encodeHidPosReports(ticket)) device.emit('data', Buffer.from(report));
      await until(() => scans.length === 1);
      expect(scans[0]).toEqual({ kind: 'ticket', payload: ticket });

      device.emit('error', new Error('could not read from HID device'));
      expect(driver.health).toMatchObject({ state: 'offline', code: 'unplugged', reason: '设备已断开，正在重新连接' });
      await until(() => driver.health.state === 'ok' && opens === 2);
      for (const report of encodeHidPosReports('EC0123456789ABCDEF0123456789ABCDEF01')) device.emit('data', Buffer.from(report));
      await until(() => scans.length === 2);
      expect(scans[1]).toEqual({ kind: 'ecard', payload: 'EC0123456789ABCDEF0123456789ABCDEF01' });
    } finally {
      await driver.stop();
    }
  });
});

describe('node-hid opener', () => {
  it('loads node-hid on first use and reports a missing device as a TransportError', async () => {
    const error = await nodeHidOpener(0xfffe, 0xfffe)().catch((caught) => caught);
    expect(error).toBeInstanceOf(TransportError);
    expect(error.code).toBe('not_found');
  });
});
