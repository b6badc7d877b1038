import { describe, expect, it } from 'vitest';
import { resolveSerialPath } from './serial.ts';
import { TransportError } from './types.ts';

describe('resolveSerialPath', () => {
  const byIdPath = '/dev/serial/by-id/usb-1a86_USB_Serial-if00-port0';

  it('prefers /dev/serial/by-id when the link exists', async () => {
    const path = await resolveSerialPath({ byId: 'usb-1a86_USB_Serial-if00-port0', path: '/dev/ttyUSB3' }, { exists: (p) => p === byIdPath });
    expect(path).toBe(byIdPath);
  });

  it('finds a port by USB ids through the port listing', async () => {
    const list = async () => [{ path: '/dev/ttyACM0', vendorId: '0483', productId: '5740' }, { path: '/dev/ttyUSB0', vendorId: '1A86', productId: '7523' }];
    expect(await resolveSerialPath({ usb: { vendorId: '1a86', productId: '7523' }, path: '/dev/ttyS0' }, { exists: () => false, list })).toBe('/dev/ttyUSB0');
  });

  it('falls back to the configured path when SerialPort.list() fails (no udev), and says so', async () => {
    const warnings: string[] = [];
    const list = async () => {
      throw new Error('udevadm: not found');
    };
    const path = await resolveSerialPath({ usb: { vendorId: '1a86', productId: '7523' }, path: '/dev/ttyUSB0' }, { exists: () => false, list, warn: (m) => warnings.push(m) });
    expect(path).toBe('/dev/ttyUSB0');
    expect(warnings).toEqual(['serial port listing failed (udevadm: not found); falling back to the configured path']);
  });

  it('throws a TransportError when nothing matches', async () => {
    await expect(resolveSerialPath({ byId: 'gone' }, { exists: () => false })).rejects.toBeInstanceOf(TransportError);
  });
});
