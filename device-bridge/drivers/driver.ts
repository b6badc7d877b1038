// What every driver shares: a health state with a Chinese reason, and a connect loop that reopens the device
// by itself after unplug or power loss.
import { EventEmitter } from 'node:events';
import { DEVICE_LABELS, type DeviceHealth, type DeviceId, type DeviceInfo, type HealthState } from '../../protocol/bridge/messages.ts';
import type { Logger } from '../util/log.ts';
import { limitRepeats } from '../util/log-limit.ts';
import { Waker } from '../util/wake.ts';
import { DEFAULT_HEALTH_HOLD_MS, HealthHold } from './health-hold.ts';

export interface Openable {
  readonly kind: string;
  readonly description: string;
  readonly isOpen: boolean;
  open(): Promise<void>;
  close(): Promise<void>;
  onLost(listener: (reason: string) => void): void;
}

export interface DriverTiming {
  /** Wait before reopening a device that is gone. */
  reconnectMs: number;
  /** How long a better health must hold before it is shown (see health-hold.ts). */
  healthHoldMs?: number;
}

export abstract class Driver<T extends Openable = Openable> {
  protected readonly events = new EventEmitter();
  protected running = false;
  protected readonly waker = new Waker();
  private healthValue: DeviceHealth;
  private readonly healthHold: HealthHold;
  /** Logs repeated lines at most once per window; health changes go to the plain logger (the hold bounds them). */
  protected readonly log: Logger;
  private connectLoop: Promise<void> | null = null;
  private lostSignal: (() => void) | null = null;
  private lostPromise: Promise<void> = Promise.resolve();

  constructor(
    readonly id: DeviceId,
    protected readonly transport: T,
    private readonly plainLog: Logger,
    protected readonly timing: DriverTiming,
    readonly simulated: boolean,
  ) {
    this.log = limitRepeats(plainLog);
    this.healthValue = { state: 'offline', code: 'starting', reason: '设备正在连接', since: new Date().toISOString() };
    this.healthHold = new HealthHold(this.healthValue, (report) => this.showHealth(report), timing.healthHoldMs ?? DEFAULT_HEALTH_HOLD_MS);
    transport.onLost((reason) => {
      this.log('warn', `${this.id}: lost ${transport.description} (${reason})`);
      this.setHealth('offline', 'unplugged', '设备已断开，正在重新连接');
      this.lostSignal?.();
    });
  }

  get health(): DeviceHealth {
    return this.healthValue;
  }

  info(): DeviceInfo {
    const kind = this.transport.kind;
    const transport = this.simulated ? 'simulated' : kind === 'hid' || kind === 'pcsc' ? kind : 'serial';
    return { id: this.id, label: DEVICE_LABELS[this.id], transport, simulated: this.simulated, health: this.healthValue };
  }

  onHealth(listener: (health: DeviceHealth) => void): void {
    this.events.on('health', listener);
  }

  protected setHealth(state: HealthState, code: string, reason: string): void {
    this.healthHold.report({ state, code, reason });
  }

  private showHealth({ state, code, reason }: { state: HealthState; code: string; reason: string }): void {
    this.healthValue = { state, code, reason, since: new Date().toISOString() };
    this.plainLog(state === 'ok' ? 'info' : 'warn', `${this.id}: ${state} (${code})`);
    this.events.emit('health', this.healthValue);
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.connectLoop = this.connectForever();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.lostSignal?.();
    this.waker.wake();
    await this.transport.close().catch(() => undefined);
    await this.connectLoop;
    this.healthHold.dispose();
  }

  private async connectForever(): Promise<void> {
    while (this.running) {
      try {
        await this.transport.open();
      } catch (error) {
        const { code, reason } = this.openFailure(error);
        this.setHealth('offline', code, reason);
        this.log('debug', `${this.id}: open failed (${(error as Error).message})`);
        await this.waker.sleep(this.timing.reconnectMs);
        continue;
      }
      this.log('info', `${this.id}: opened ${this.transport.description}`);
      this.lostPromise = new Promise<void>((resolve) => (this.lostSignal = resolve));
      await this.whileOpen();
      this.lostSignal = null;
      await this.transport.close().catch(() => undefined);
      this.onClosed();
      if (this.running) await this.waker.sleep(this.timing.reconnectMs);
    }
  }

  /** Resolves when the open device is lost (or the driver stops). */
  protected untilLost(): Promise<void> {
    return this.lostPromise;
  }

  /** Runs while the device is open (a poll loop that ends when `connected` turns false, or `untilLost()`). */
  protected abstract whileOpen(): Promise<void>;

  /** Health while the device cannot be opened; a driver whose transport knows more precise reasons overrides it. */
  protected openFailure(_error: unknown): { code: string; reason: string } {
    return { code: 'unplugged', reason: '设备未连接，正在重试' };
  }

  /** Drops half-received state after the device went away. */
  protected onClosed(): void {}

  protected get connected(): boolean {
    return this.running && this.transport.isOpen;
  }
}
