// The serial transport over a real socat pseudo-terminal: a write under way when the port closes (the bridge stopping,
// or the device unplugged) ends with an error instead of waiting for ever. The serialport stream queues a write or a
// drain on a closed port until the port opens again, which never happens for that port object: the printer driver's
// status poll then never ended, so the printer never reconnected and the bridge could not stop.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SerialPort } from 'serialport';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PtyLink } from '../../device-bridge/simulators/link.ts';
import { TransportError } from '../../device-bridge/transports/types.ts';

let dir: string;
let link: PtyLink;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'serial-close-'));
  link = await PtyLink.create(dir, 'printer');
  await link.host.open();
});

afterEach(async () => {
  await link.host.close();
  await link.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Enough bytes that the write is still going when the port closes: more than the pty takes at once. */
const JOB = new Uint8Array(256 * 1024).fill(0x41);

/** The write's outcome, taken at once so that a refusal before the test looks is not an unhandled rejection. */
const outcome = (writing: Promise<void>): Promise<unknown> => writing.then(() => 'written', (error: unknown) => error);

function expectWriteFailed(error: unknown): void {
  expect(error).toBeInstanceOf(TransportError);
  expect((error as TransportError).code).toBe('write_failed');
}

describe('serial transport', () => {
  it('a write under way when the bridge closes the port is refused with write_failed', async () => {
    const writing = outcome(link.host.write(JOB));
    await link.host.close();
    expectWriteFailed(await writing);
  });

  it('the port closing between the write and its drain: refused with write_failed, not left waiting', async () => {
    // The moment a stopping bridge hit by chance under load, made certain: the close begins just before the drain.
    const drain = SerialPort.prototype.drain;
    SerialPort.prototype.drain = function (this: SerialPort, callback?: (error: Error | null) => void) {
      this.close();
      return drain.call(this, callback);
    };
    try {
      expectWriteFailed(await outcome(link.host.write(new Uint8Array([0x10, 0x04, 0x01]))));
    } finally {
      SerialPort.prototype.drain = drain;
    }
  });

  it('a write under way when the device goes away is refused with write_failed', async () => {
    const lost = new Promise<string>((resolve) => link.host.onLost(resolve));
    const writing = outcome(link.host.write(JOB));
    await link.unplug();
    await lost;
    expectWriteFailed(await writing);
  });

  it('a write after the close is refused at once', async () => {
    await link.host.close();
    await expect(link.host.write(new Uint8Array([0x10, 0x04, 0x01]))).rejects.toMatchObject({ code: 'closed' });
  });
});
