// Which device is real, simulated or absent, and the driver for each: from the config, --simulate and the simulators.
import { DEFAULT_ECARD_PATTERN, type ScanClassifier } from '../codecs/scanner.ts';
import type { KeypadModel } from '../codecs/keymap.ts';
import type { BridgeConfig } from '../config/schema.ts';
import { DEFAULT_CARD_READER_TIMING, type CardReader, type CardReaderTiming } from '../drivers/card-reader.ts';
import { IdCardDriver } from '../drivers/id-card.ts';
import { KeypadDriver } from '../drivers/keypad.ts';
import { DEFAULT_PRINTER_TIMING, PrinterDriver, type PrinterTiming } from '../drivers/printer.ts';
import { HidPosScannerDriver, SerialScannerDriver } from '../drivers/scanner.ts';
import { DEFAULT_PCSC_TIMING, PcscSsCardDriver } from '../drivers/pcsc-ss-card.ts';
import { SsCardDriver } from '../drivers/ss-card.ts';
import type { SimKeypadId, SimSerialId, SimulatorHub } from '../simulators/hub.ts';
import { HidTransport, nodeHidOpener } from '../transports/hid.ts';
import { PcscTransport } from '../transports/pcsc.ts';
import { SerialTransport, type SerialLocation } from '../transports/serial.ts';
import type { ByteTransport } from '../transports/types.ts';
import type { Logger } from '../util/log.ts';

type Devices = BridgeConfig['devices'];

export interface SimulatedDevices {
  serial: SimSerialId[];
  keypads: Partial<Record<SimKeypadId, KeypadModel | undefined>>;
}

/** A device is simulated when the config says so, or when --simulate is on and the config does not name it. */
export function simulatedDevices(devices: Devices, simulate: boolean): SimulatedDevices {
  const simulated = (entry: { transport: string } | undefined) => entry?.transport === 'simulated' || (entry === undefined && simulate);
  const serial = (['printer', 'idcard', 'sscard', 'scanner'] as const).filter((id) => simulated(devices[id]));
  const keypads: SimulatedDevices['keypads'] = {};
  for (const [id, entry] of [['rating-keypad', devices.ratingKeypad], ['caller-keypad', devices.callerKeypad]] as const) {
    if (simulated(entry)) keypads[id] = entry?.transport === 'simulated' ? entry.model : undefined;
  }
  return { serial, keypads };
}

export interface DriverSet {
  printer: PrinterDriver | null;
  cardReaders: CardReader[];
  scanner: SerialScannerDriver | HidPosScannerDriver | null;
  keypads: KeypadDriver[];
}

export interface DriverOptions {
  devices: Devices;
  hub: SimulatorHub | null;
  log: Logger;
  classifier: { ticketQrPrefixes: string[]; ecardPattern?: string | undefined };
  reconnectMs: number;
  cardReaderTiming?: Partial<CardReaderTiming>;
  printerTiming?: Partial<PrinterTiming>;
}

export function buildDrivers(options: DriverOptions): DriverSet {
  const { devices, hub, log, reconnectMs } = options;
  const warn = (message: string) => log('warn', message);
  const serialFor = (id: SimSerialId, entry: ({ transport: string } & SerialLocation & { baudRate?: number }) | undefined): ByteTransport | null => {
    const simulated = hub?.hostTransport(id);
    if (simulated) return simulated;
    if (entry?.transport !== 'serial') return null;
    return new SerialTransport({ path: entry.path, byId: entry.byId, usb: entry.usb }, entry.baudRate ?? 115_200, warn);
  };
  const isSim = (id: SimSerialId) => hub?.hostTransport(id) !== undefined;

  const printerTransport = serialFor('printer', devices.printer);
  const printer = printerTransport
    ? new PrinterDriver(printerTransport, log, { ...DEFAULT_PRINTER_TIMING, reconnectMs, ...options.printerTiming }, isSim('printer'))
    : null;

  const cardReaders: CardReader[] = [];
  for (const id of ['idcard', 'sscard'] as const) {
    const entry = devices[id];
    if (entry?.transport === 'pcsc') {
      const { reader, share, protocol } = entry;
      cardReaders.push(new PcscSsCardDriver(new PcscTransport({ reader, share, protocol }), log, { ...DEFAULT_PCSC_TIMING, reconnectMs }));
      continue;
    }
    const transport = serialFor(id, entry);
    if (!transport) continue;
    const configured = entry && entry.transport !== 'none' ? entry : undefined;
    const timing = {
      ...DEFAULT_CARD_READER_TIMING,
      reconnectMs,
      ...options.cardReaderTiming,
      ...(configured?.pollFastMs ? { pollFastMs: configured.pollFastMs } : {}),
      ...(configured?.pollSlowMs ? { pollSlowMs: configured.pollSlowMs } : {}),
    };
    cardReaders.push(id === 'idcard' ? new IdCardDriver(id, transport, log, timing, isSim(id)) : new SsCardDriver(id, transport, log, timing, isSim(id)));
  }

  const classifier: ScanClassifier = {
    ticketPrefixes: options.classifier.ticketQrPrefixes,
    ecardPattern: options.classifier.ecardPattern ? new RegExp(options.classifier.ecardPattern) : DEFAULT_ECARD_PATTERN,
  };
  const timing = { reconnectMs };
  const scannerEntry = devices.scanner;
  const scannerSerial = serialFor('scanner', scannerEntry);
  const scanner = scannerSerial
    ? new SerialScannerDriver(scannerSerial, log, timing, isSim('scanner'), classifier)
    : scannerEntry?.transport === 'hid'
      ? new HidPosScannerDriver(
          new HidTransport('hid', `HID scanner ${scannerEntry.vendorId}:${scannerEntry.productId}`, nodeHidOpener(scannerEntry.vendorId, scannerEntry.productId)),
          log,
          timing,
          false,
          classifier,
        )
      : null;

  const keypads: KeypadDriver[] = [];
  for (const [id, entry] of [['rating-keypad', devices.ratingKeypad], ['caller-keypad', devices.callerKeypad]] as const) {
    const simPad = hub?.keypad(id);
    if (simPad) keypads.push(new KeypadDriver(simPad.model, new HidTransport('simulated', `simulated ${id}`, simPad.opener), log, timing, true));
    else if (entry?.transport === 'hid') {
      const transport = new HidTransport('hid', `HID ${id} ${entry.model.vendorId}:${entry.model.productId}`, nodeHidOpener(entry.model.vendorId, entry.model.productId));
      keypads.push(new KeypadDriver(entry.model, transport, log, timing, false));
    }
  }
  return { printer, cardReaders, scanner, keypads };
}
