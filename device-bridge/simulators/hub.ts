// All simulated devices of one bridge: their wires (socat ptys by default), and the scripted commands
// the demo panel and tests send (insert a card, paper out, garbage, unplug…).
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KeypadModelSchema, SIMULATED_CALLER_KEYPAD, SIMULATED_RATING_KEYPAD, type KeypadModel } from '../codecs/keymap.ts';
import { SimIdentitySchema, type SimCommand, type SimIdentity } from '../../protocol/bridge/messages.ts';
import type { ByteTransport } from '../transports/types.ts';
import { SimKeypad } from './hid.ts';
import { SimIdReader } from './id-reader.ts';
import { SIM_PRESETS } from './identities.ts';
import { MemoryLink, PtyLink, type SimLink } from './link.ts';
import { SimPrinter } from './printer.ts';
import { SimScanner } from './scanner.ts';
import { SimSerialDevice } from './serial-device.ts';
import { SimSsReader, ssCardFor } from './ss-reader.ts';

export type SimSerialId = 'printer' | 'idcard' | 'sscard' | 'scanner';
export type SimKeypadId = 'rating-keypad' | 'caller-keypad';

/** A scripted command that cannot run; `message` is Chinese for the panel. */
export class SimCommandError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SimCommandError';
  }
}

export interface SimulatorHubOptions {
  serial: SimSerialId[];
  keypads: Partial<Record<SimKeypadId, KeypadModel | undefined>>;
  printedDir: string;
  /** 'pty' (socat pseudo-terminals through the real serialport stack) or 'memory'. */
  link?: 'pty' | 'memory';
  ptyDir?: string;
  /** Emulate this line speed on the simulated serial devices (0 or absent: as fast as the pty goes). */
  lineBaud?: number;
}

export class SimulatorHub {
  private readonly links = new Map<SimSerialId, SimLink>();
  private readonly devices = new Map<SimSerialId, SimSerialDevice>();
  private readonly keypads = new Map<SimKeypadId, SimKeypad>();
  private ownedPtyDir: string | null = null;

  private constructor(readonly ptyDir: string | null) {}

  static async create(options: SimulatorHubOptions): Promise<SimulatorHub> {
    const kind = options.link ?? 'pty';
    let dir: string | null = null;
    let owned = false;
    if (kind === 'pty' && options.serial.length > 0) {
      if (options.ptyDir) mkdirSync(options.ptyDir, { recursive: true });
      dir = options.ptyDir ?? mkdtempSync(join(tmpdir(), 'yibao-bridge-pty-'));
      owned = !options.ptyDir;
    }
    const hub = new SimulatorHub(dir);
    if (owned) hub.ownedPtyDir = dir;
    try {
      for (const id of options.serial) {
        const link = kind === 'pty' && dir ? await PtyLink.create(dir, id) : await MemoryLink.create(id);
        hub.links.set(id, link);
        const device = hub.makeDevice(id, link.device, options.printedDir);
        if (options.lineBaud) device.setLineSpeed(options.lineBaud);
        hub.devices.set(id, device);
      }
    } catch (error) {
      await hub.close();
      throw error;
    }
    for (const [id, model] of Object.entries(options.keypads) as [SimKeypadId, KeypadModel | undefined][]) {
      const fallback = id === 'rating-keypad' ? SIMULATED_RATING_KEYPAD : SIMULATED_CALLER_KEYPAD;
      hub.keypads.set(id, new SimKeypad(model ?? KeypadModelSchema.parse(fallback)));
    }
    return hub;
  }

  private makeDevice(id: SimSerialId, wire: ByteTransport, printedDir: string): SimSerialDevice {
    switch (id) {
      case 'printer':
        return new SimPrinter(wire, printedDir);
      case 'idcard':
        return new SimIdReader(wire);
      case 'sscard':
        return new SimSsReader(wire);
      case 'scanner':
        return new SimScanner(wire);
    }
  }

  /** The end of the wire the bridge's driver opens. */
  hostTransport(id: SimSerialId): ByteTransport | undefined {
    return this.links.get(id)?.host;
  }

  hostPath(id: SimSerialId): string | null {
    return this.links.get(id)?.hostPath ?? null;
  }

  keypad(id: SimKeypadId): SimKeypad | undefined {
    return this.keypads.get(id);
  }

  get printer(): SimPrinter | undefined {
    return this.devices.get('printer') as SimPrinter | undefined;
  }

  get idReader(): SimIdReader | undefined {
    return this.devices.get('idcard') as SimIdReader | undefined;
  }

  get ssReader(): SimSsReader | undefined {
    return this.devices.get('sscard') as SimSsReader | undefined;
  }

  get scanner(): SimScanner | undefined {
    return this.devices.get('scanner') as SimScanner | undefined;
  }

  private need<T>(device: T | undefined, label: string): T {
    if (!device) throw new SimCommandError(`${label}不是模拟设备，无法执行该操作`);
    return device;
  }

  async execute(command: SimCommand): Promise<void> {
    switch (command.action) {
      case 'card.insert': {
        const identity: SimIdentity = command.identity ?? SIM_PRESETS[command.preset ?? 'resident'];
        if (command.reader === 'idcard') this.need(this.idReader, '身份证阅读器').insert(SimIdentitySchema.parse(identity));
        else this.need(this.ssReader, '社保卡读卡器').insert(ssCardFor(identity, command.locked ?? false));
        return;
      }
      case 'card.remove':
        if (command.reader === 'idcard') this.need(this.idReader, '身份证阅读器').remove();
        else this.need(this.ssReader, '社保卡读卡器').remove();
        return;
      case 'printer.paper':
        this.need(this.printer, '打印机').paper = command.paper;
        return;
      case 'printer.cover':
        this.need(this.printer, '打印机').coverOpen = command.open;
        return;
      case 'device.garbage': {
        const bytes = command.hex ? Buffer.from(command.hex, 'hex') : Buffer.from('1f8b00ffaaaa13377e', 'hex');
        await this.need(this.devices.get(command.device), '该设备').garbage(bytes);
        return;
      }
      case 'device.silence':
        this.need(this.devices.get(command.device), '该设备').silent = command.silent;
        return;
      case 'device.slow':
        this.need(this.devices.get(command.device), '该设备').setSlow(command.chunkBytes, command.delayMs);
        return;
      case 'device.unplug':
      case 'device.replug': {
        const plug = command.action === 'device.replug';
        if (command.device === 'rating-keypad' || command.device === 'caller-keypad') {
          const pad = this.need(this.keypads.get(command.device), '该按键设备');
          if (plug) pad.replug();
          else pad.unplug();
        } else {
          const link = this.need(this.links.get(command.device), '该设备');
          await (plug ? link.replug() : link.unplug());
        }
        return;
      }
      case 'key.press': {
        const id: SimKeypadId = command.key.device === 'rating' ? 'rating-keypad' : 'caller-keypad';
        if (!this.need(this.keypads.get(id), '该按键设备').press(command.key.action)) throw new SimCommandError('按键设备未连接');
        return;
      }
      case 'scan':
        await this.need(this.scanner, '扫码器').scan(command.code);
        return;
    }
  }

  async close(): Promise<void> {
    for (const link of this.links.values()) await link.close().catch(() => undefined);
    this.links.clear();
    if (this.ownedPtyDir) rmSync(this.ownedPtyDir, { recursive: true, force: true });
  }
}
