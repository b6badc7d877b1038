// The printer driver on a socat pseudo-terminal through the real serialport stack, with the product's timing: a print
// must not fail only because the machine was too busy to read the printer's answer in time (issue 12 §4).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_PRINTER_TIMING, PrinterDriver } from '../../device-bridge/drivers/printer.ts';
import { PtyLink } from '../../device-bridge/simulators/link.ts';
import { SimPrinter } from '../../device-bridge/simulators/printer.ts';
import { ticketToEscPos } from '../../device-bridge/ticket/escpos.ts';
import { SAMPLE_TICKET } from '../../protocol/bridge/ticket/sample.ts';
import { TicketSchema } from '../../protocol/bridge/messages.ts';

const DLE_EOT = [0x10, 0x04];
const job = ticketToEscPos(TicketSchema.parse(SAMPLE_TICKET));

let cleanup: (() => Promise<void>) | null = null;
afterEach(async () => {
  await cleanup?.();
  cleanup = null;
});

async function rig() {
  const dir = mkdtempSync(join(tmpdir(), 'yibao-printer-timing-'));
  const link = await PtyLink.create(dir, 'printer');
  new SimPrinter(link.device, join(dir, 'printed'));
  // No idle status polls: each status request in these tests is the print's own.
  const driver = new PrinterDriver(link.host, () => undefined, { ...DEFAULT_PRINTER_TIMING, reconnectMs: 200, statusIntervalMs: 600_000 }, true);
  cleanup = async () => {
    await driver.stop();
    await link.close();
    rmSync(dir, { recursive: true, force: true });
  };
  driver.start();
  while (driver.health.code !== 'ok') await new Promise((resolve) => setTimeout(resolve, 10));
  return { link, driver };
}

/** Holds this process's event loop, as a loaded machine does, the next time the printer receives a status request. */
function stallOnNextStatusRequest(link: PtyLink, ms: number): void {
  let armed = true;
  link.device.onData((chunk) => {
    if (!armed || !chunk.some((byte, i) => byte === DLE_EOT[0] && chunk[i + 1] === DLE_EOT[1])) return;
    armed = false;
    const until = performance.now() + ms;
    while (performance.now() < until) {
      // Busy: nothing else in this process runs, the printer's answer waits unread.
    }
  });
}

describe('ticket printer timing over a pseudo-terminal', () => {
  it('a print does not fail because the event loop was held up longer than the status timeout', async () => {
    const { link, driver } = await rig();
    stallOnNextStatusRequest(link, DEFAULT_PRINTER_TIMING.statusTimeoutMs + 700);
    expect(await driver.print(job)).toEqual({ ok: true, code: 'printed', message: '小票已打印' });
    expect(driver.health.code).toBe('ok');
  });
});
