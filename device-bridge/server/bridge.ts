// The bridge core: builds the drivers (real or simulated) from the config, turns their events into page messages,
// and answers page commands. The WebSocket server in front of it only moves JSON.
import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DEFAULT_ECARD_PATTERN, type ScanClassifier } from '../codecs/scanner.ts';
import type { KeypadModel } from '../codecs/keymap.ts';
import type { BridgeConfig } from '../config/schema.ts';
import { DEFAULT_CARD_READER_TIMING, type CardReaderDriver, type CardReaderTiming } from '../drivers/card-reader.ts';
import type { Driver } from '../drivers/driver.ts';
import { IdCardDriver } from '../drivers/id-card.ts';
import { KeypadDriver } from '../drivers/keypad.ts';
import { DEFAULT_PRINTER_TIMING, PrinterDriver, type PrinterTiming } from '../drivers/printer.ts';
import { HidPosScannerDriver, SerialScannerDriver } from '../drivers/scanner.ts';
import { SsCardDriver } from '../drivers/ss-card.ts';
import type { BridgeMessage, DeviceInfo, PageMessage, PrintResult, Ticket } from '../protocol/messages.ts';
import { SimCommandError, SimulatorHub, type SimKeypadId, type SimSerialId } from '../simulators/hub.ts';
import { ticketToEscPos } from '../ticket/escpos.ts';
import { HidTransport, nodeHidOpener } from '../transports/hid.ts';
import { SerialTransport } from '../transports/serial.ts';
import type { ByteTransport } from '../transports/types.ts';
import type { Logger } from '../util/log.ts';

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
  private readonly cardReaders: CardReaderDriver[] = [];
  private readonly waitingClients = new Set<string>();
  private lastTicket: Ticket | null = null;

  private constructor(
    readonly simulate: boolean,
    readonly sim: SimulatorHub | null,
    private readonly log: Logger,
  ) {}

  static async create(options: BridgeOptions): Promise<Bridge> {
    const { config, simulate, log } = options;
    const devices = config.devices;
    const simulated = <T extends { transport: string } | undefined>(entry: T) =>
      entry?.transport === 'simulated' || (entry === undefined && simulate);

    const serialSims: SimSerialId[] = [];
    if (simulated(devices.printer)) serialSims.push('printer');
    if (simulated(devices.idcard)) serialSims.push('idcard');
    if (simulated(devices.sscard)) serialSims.push('sscard');
    if (simulated(devices.scanner)) serialSims.push('scanner');
    const keypadSims: Partial<Record<SimKeypadId, KeypadModel | undefined>> = {};
    if (simulated(devices.ratingKeypad)) keypadSims['rating-keypad'] = devices.ratingKeypad?.transport === 'simulated' ? devices.ratingKeypad.model : undefined;
    if (simulated(devices.callerKeypad)) keypadSims['caller-keypad'] = devices.callerKeypad?.transport === 'simulated' ? devices.callerKeypad.model : undefined;

    const printedDir = resolve(options.printedDir ?? config.printedDir);
    const anySim = serialSims.length > 0 || Object.keys(keypadSims).length > 0;
    const hub = anySim
      ? await SimulatorHub.create({ serial: serialSims, keypads: keypadSims, printedDir, link: options.simLink ?? 'pty', lineBaud: options.simLineBaud ?? 0, ...(config.ptyDir ? { ptyDir: config.ptyDir } : {}) })
      : null;
    const bridge = new Bridge(simulate, hub, log);
    const reconnectMs = options.reconnectMs ?? DEFAULT_CARD_READER_TIMING.reconnectMs;
    const readerTiming = { ...DEFAULT_CARD_READER_TIMING, reconnectMs, ...options.cardReaderTiming };
    const warn = (message: string) => log('warn', message);

    const serialFor = (id: SimSerialId, entry: { transport: string; path?: string; byId?: string; usb?: { vendorId: string; productId: string; serialNumber?: string }; baudRate?: number } | undefined): ByteTransport | null => {
      if (hub?.hostTransport(id)) return hub.hostTransport(id) as ByteTransport;
      if (entry?.transport !== 'serial') return null;
      return new SerialTransport({ path: entry.path, byId: entry.byId, usb: entry.usb }, entry.baudRate ?? 115_200, warn);
    };

    const printerTransport = serialFor('printer', devices.printer);
    if (printerTransport) {
      bridge.printer = new PrinterDriver(printerTransport, log, { ...DEFAULT_PRINTER_TIMING, reconnectMs, ...options.printerTiming }, hub?.printer !== undefined);
      bridge.add(bridge.printer);
    }

    for (const id of ['idcard', 'sscard'] as const) {
      const entry = devices[id];
      const transport = serialFor(id, entry);
      if (!transport) continue;
      const timing = {
        ...readerTiming,
        ...(entry && 'pollFastMs' in entry && entry.pollFastMs ? { pollFastMs: entry.pollFastMs } : {}),
        ...(entry && 'pollSlowMs' in entry && entry.pollSlowMs ? { pollSlowMs: entry.pollSlowMs } : {}),
      };
      const isSim = hub?.hostTransport(id) !== undefined;
      const reader = id === 'idcard' ? new IdCardDriver(id, transport, log, timing, isSim) : new SsCardDriver(id, transport, log, timing, isSim);
      reader.onIdentity((outcome) =>
        bridge.broadcast(outcome.ok ? { type: 'identity.read', identity: outcome.identity } : { type: 'identity.failed', source: id, code: outcome.code, message: outcome.message }),
      );
      reader.onRemoved(() => bridge.broadcast({ type: 'identity.removed', source: id }));
      bridge.cardReaders.push(reader);
      bridge.add(reader);
    }

    const classifier: ScanClassifier = {
      ticketPrefixes: config.ticketQrPrefixes,
      ecardPattern: config.ecardPattern ? new RegExp(config.ecardPattern) : DEFAULT_ECARD_PATTERN,
    };
    const scannerEntry = devices.scanner;
    const timing = { reconnectMs };
    const scannerSerial = serialFor('scanner', scannerEntry);
    const scanner = scannerSerial
      ? new SerialScannerDriver(scannerSerial, log, timing, hub?.scanner !== undefined, classifier)
      : scannerEntry?.transport === 'hid'
        ? new HidPosScannerDriver(new HidTransport('hid', `HID scanner ${scannerEntry.vendorId}:${scannerEntry.productId}`, nodeHidOpener(scannerEntry.vendorId, scannerEntry.productId)), log, timing, false, classifier)
        : null;
    if (scanner) {
      scanner.onScan((scan) => bridge.broadcast({ type: 'scan', ...scan }));
      bridge.add(scanner);
    }

    for (const [id, entry] of [['rating-keypad', devices.ratingKeypad], ['caller-keypad', devices.callerKeypad]] as const) {
      const simPad = hub?.keypad(id);
      let driver: KeypadDriver | null = null;
      if (simPad) driver = new KeypadDriver(simPad.model, new HidTransport('simulated', `simulated ${id}`, simPad.opener), log, timing, true);
      else if (entry?.transport === 'hid') {
        const transport = new HidTransport('hid', `HID ${id} ${entry.model.vendorId}:${entry.model.productId}`, nodeHidOpener(entry.model.vendorId, entry.model.productId));
        driver = new KeypadDriver(entry.model, transport, log, timing, false);
      }
      if (!driver) continue;
      driver.onKey((key) => bridge.broadcast({ type: 'key', key }));
      bridge.add(driver);
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
