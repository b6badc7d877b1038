// The bridge core: builds the drivers (real or simulated) from the config, turns their events into page messages,
// and answers page commands. The WebSocket server in front of it only moves JSON.
import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BridgeConfig } from '../config/schema.ts';
import { DEFAULT_CARD_READER_TIMING, type CardReader, type CardReaderTiming } from '../drivers/card-reader.ts';
import type { Driver } from '../drivers/driver.ts';
import type { PrinterDriver, PrinterTiming } from '../drivers/printer.ts';
import type { BridgeMessage, DeviceInfo, PageMessage, PrintResult, Ticket } from '../../protocol/bridge/messages.ts';
import { SimCommandError, SimulatorHub } from '../simulators/hub.ts';
import { ticketToEscPos } from '../ticket/escpos.ts';
import { slipToEscPos } from '../ticket/slip-escpos.ts';
import type { Slip } from '../../protocol/bridge/ticket/slip.ts';
import type { Logger } from '../util/log.ts';
import { buildDrivers, simulatedDevices } from './devices.ts';

export interface BridgeOptions {
  config: BridgeConfig;
  simulate: boolean;
  log: Logger;
  /** Overrides config.printedDir. */
  printedDir?: string;
  simLink?: 'pty' | 'memory';
  /** Line speed the simulated serial devices emulate (main.ts: 115200 so the demo feels like real devices; tests: 0). */
  simLineBaud?: number;
  cardReaderTiming?: Partial<CardReaderTiming>;
  printerTiming?: Partial<PrinterTiming>;
  reconnectMs?: number;
}

type BroadcastMessage = Extract<BridgeMessage, { type: 'devices' | 'identity.read' | 'identity.removed' | 'identity.failed' | 'scan' | 'key' | 'sim.printed' }>;

export class Bridge {
  private readonly events = new EventEmitter();
  private readonly drivers: Driver[] = [];
  private printer: PrinterDriver | null = null;
  private readonly cardReaders: CardReader[] = [];
  private readonly waitingClients = new Set<string>();
  private lastTicket: Ticket | null = null;

  private constructor(
    readonly simulate: boolean,
    readonly sim: SimulatorHub | null,
    private readonly log: Logger,
  ) {}

  static async create(options: BridgeOptions): Promise<Bridge> {
    const { config, simulate, log } = options;
    const sims = simulatedDevices(config.devices, simulate);
    const hub =
      sims.serial.length > 0 || Object.keys(sims.keypads).length > 0
        ? await SimulatorHub.create({
            ...sims,
            printedDir: resolve(options.printedDir ?? config.printedDir),
            link: options.simLink ?? 'pty',
            lineBaud: options.simLineBaud ?? 0,
            ...(config.ptyDir ? { ptyDir: config.ptyDir } : {}),
          })
        : null;
    const bridge = new Bridge(simulate, hub, log);
    const drivers = buildDrivers({
      devices: config.devices,
      hub,
      log,
      classifier: { ticketQrPrefixes: config.ticketQrPrefixes, ecardPattern: config.ecardPattern },
      reconnectMs: options.reconnectMs ?? DEFAULT_CARD_READER_TIMING.reconnectMs,
      ...(options.cardReaderTiming ? { cardReaderTiming: options.cardReaderTiming } : {}),
      ...(options.printerTiming ? { printerTiming: options.printerTiming } : {}),
    });

    bridge.printer = drivers.printer;
    if (drivers.printer) bridge.add(drivers.printer);
    for (const reader of drivers.cardReaders) {
      const source = reader.id as 'idcard' | 'sscard';
      reader.onIdentity((outcome) =>
        bridge.broadcast(outcome.ok ? { type: 'identity.read', identity: outcome.identity } : { type: 'identity.failed', source, code: outcome.code, message: outcome.message }),
      );
      reader.onRemoved(() => bridge.broadcast({ type: 'identity.removed', source }));
      bridge.cardReaders.push(reader);
      bridge.add(reader);
    }
    if (drivers.scanner) {
      drivers.scanner.onScan((scan) => bridge.broadcast({ type: 'scan', ...scan }));
      bridge.add(drivers.scanner);
    }
    for (const keypad of drivers.keypads) {
      keypad.onKey((key) => bridge.broadcast({ type: 'key', key }));
      bridge.add(keypad);
    }
    hub?.printer?.onPrinted((ticket) => bridge.broadcast({ type: 'sim.printed', text: ticket.text, svg: readFileSync(ticket.svgPath, 'utf8'), incomplete: ticket.incomplete }));

    for (const driver of bridge.drivers) driver.start();
    return bridge;
  }

  private add(driver: Driver): void {
    this.drivers.push(driver);
    driver.onHealth(() => this.broadcast({ type: 'devices', devices: this.devices() }));
  }

  private broadcast(message: BroadcastMessage): void {
    this.events.emit('message', message);
  }

  /** Every event for connected pages (devices, identity, scans, keys). */
  onMessage(listener: (message: BroadcastMessage) => void): () => void {
    this.events.on('message', listener);
    return () => this.events.off('message', listener);
  }

  devices(): DeviceInfo[] {
    return this.drivers.map((driver) => driver.info());
  }

  /** A page waits for a card (or stops); the readers poll fast while any page waits. */
  setWaiting(clientId: string, waiting: boolean): void {
    if (waiting) this.waitingClients.add(clientId);
    else this.waitingClients.delete(clientId);
    for (const reader of this.cardReaders) reader.setWaiting(this.waitingClients.size > 0);
  }

  clientGone(clientId: string): void {
    this.setWaiting(clientId, false);
  }

  async print(ticket: Ticket): Promise<PrintResult> {
    if (!this.printer) return { ok: false, code: 'no_printer', message: '本机没有配置打印机，小票无法打印' };
    this.lastTicket = ticket;
    return this.printer.print(ticketToEscPos(ticket));
  }

  /** A slip is not a ticket: it is never what 补打 reprints. */
  async printSlip(slip: Slip): Promise<PrintResult> {
    if (!this.printer) return { ok: false, code: 'no_printer', message: '本机没有配置打印机，无法打印' };
    return this.printer.print(slipToEscPos(slip));
  }

  async reprint(): Promise<PrintResult> {
    if (!this.lastTicket) return { ok: false, code: 'nothing_to_reprint', message: '没有可补打的小票' };
    return this.print({ ...this.lastTicket, reprint: true });
  }

  /** Answers one validated page message (devices.list answers with the list, then the ack). */
  async handle(message: PageMessage, clientId: string): Promise<BridgeMessage[]> {
    if (message.type === 'devices.list') return [{ type: 'devices', devices: this.devices() }, { type: 'ack', requestId: message.requestId }];
    return [await this.answer(message, clientId)];
  }

  private async answer(message: Exclude<PageMessage, { type: 'devices.list' }>, clientId: string): Promise<BridgeMessage> {
    const { requestId } = message;
    switch (message.type) {
      case 'print':
        return { type: 'print.result', requestId, result: await this.print(message.ticket) };
      case 'reprint':
        return { type: 'print.result', requestId, result: await this.reprint() };
      case 'print.slip':
        return { type: 'print.result', requestId, result: await this.printSlip(message.slip) };
      case 'waiting':
        this.setWaiting(clientId, message.waiting);
        return { type: 'ack', requestId };
      case 'beep':
        if (!this.printer) return { type: 'error', requestId, code: 'unsupported', message: '本机没有可以发声的设备' };
        await this.printer.beep(message.times);
        return { type: 'ack', requestId };
      case 'sim':
        if (!this.simulate || !this.sim) return { type: 'error', requestId, code: 'simulate_only', message: '只有模拟模式下才能操作模拟设备' };
        try {
          await this.sim.execute(message.command);
        } catch (error) {
          if (error instanceof SimCommandError) return { type: 'error', requestId, code: 'device_missing', message: error.message };
          throw error;
        }
        return { type: 'ack', requestId };
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.drivers.map((driver) => driver.stop()));
    await this.sim?.close();
    this.events.removeAllListeners();
  }
}
