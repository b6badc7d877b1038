// Runs one child of `npm start` (the hall-server, the device-bridge or the region) and starts it again when it dies, with a
// growing delay and a line saying so, instead of taking the whole demo down. Its stdout lines are echoed with its name,
// except the machine-readable line that says it is ready.
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { failuresAfterCrash, restartDelayMs } from './backoff.ts';

export interface ChildSpec {
  name: string;
  command: string;
  /** Arguments of each start; called again for a restart (e.g. to reuse the port the first start was given). */
  args: () => string[];
  cwd: string;
  /** Environment variables added to this process's for the child (e.g. allocator settings). */
  env?: Readonly<Record<string, string>>;
  /** The stdout line that says the child is ready. */
  ready: RegExp;
  /** How long a start may take before it counts as failed (default 30 s). */
  readyTimeoutMs?: number;
  log: (line: string) => void;
  /** Sees each stderr line of the child before it is echoed (e.g. to pick up a code it prints for the person). */
  onStderrLine?: (line: string) => void;
}

export class SupervisedChild {
  private child: ChildProcess | null = null;
  private stopping = false;
  private failures = 0;
  private restartTimer: NodeJS.Timeout | null = null;

  constructor(private readonly spec: ChildSpec) {}

  /** Starts the child and resolves with its ready line; rejects if it exits (or does not get ready) before that. */
  start(timeoutMs = this.spec.readyTimeoutMs ?? 30_000): Promise<string> {
    // Stopped before it started (Ctrl-C while the region was still being bundled): never leave a child behind.
    if (this.stopping) return Promise.reject(new Error(`${this.spec.name} was stopped before it started`));
    return new Promise((ok, fail) => {
      const child = this.spawnOnce((line) => {
        clearTimeout(timer);
        ok(line);
      });
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        fail(new Error(`${this.spec.name} did not become ready within ${timeoutMs / 1000} s`));
      }, timeoutMs);
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        fail(new Error(`${this.spec.name} exited (${signal ?? `code ${code}`}) before it was ready`));
      });
    });
  }

  private spawnOnce(onReady: (line: string) => void): ChildProcess {
    const { name } = this.spec;
    const child = spawn(this.spec.command, this.spec.args(), {
      cwd: this.spec.cwd, env: { ...process.env, ...this.spec.env }, stdio: ['ignore', 'pipe', 'pipe'],
    });
    const startedAt = Date.now();
    let wasReady = false;
    this.child = child;
    createInterface({ input: child.stderr! }).on('line', (line) => {
      this.spec.onStderrLine?.(line);
      console.error(line.startsWith('[') ? line : `[${name}] ${line}`);
    });
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (!wasReady && this.spec.ready.test(line)) {
        wasReady = true;
        onReady(line);
      } else console.log(`[${name}] ${line}`);
    });
    child.once('exit', (code, signal) => {
      if (this.stopping || !wasReady) return;
      this.failures = failuresAfterCrash(this.failures, Date.now() - startedAt);
      const delay = restartDelayMs(this.failures);
      this.spec.log(`[start] ${name} stopped unexpectedly (${signal ?? `exit ${code}`}); restarting it in ${delay / 1000} s (restart ${this.failures} in a row)`);
      this.restartTimer = setTimeout(() => this.restart(), delay);
    });
    return child;
  }

  private restart(): void {
    this.restartTimer = null;
    if (this.stopping) return;
    this.start().then(
      () => this.spec.log(`[start] ${this.spec.name} is running again`),
      (error: unknown) => {
        // Died again before it was ready: count it and wait longer.
        if (this.stopping) return;
        this.failures++;
        const delay = restartDelayMs(this.failures);
        this.spec.log(`[start] ${(error as Error).message}; trying again in ${delay / 1000} s (restart ${this.failures} in a row)`);
        this.restartTimer = setTimeout(() => this.restart(), delay);
      },
    );
  }

  /** Stops the child (SIGTERM, SIGKILL after 5 s) and any restart that was waiting. */
  async stop(): Promise<void> {
    this.stopping = true;
    if (this.restartTimer) clearTimeout(this.restartTimer);
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    await new Promise<void>((ok) => {
      const force = setTimeout(() => child.kill('SIGKILL'), 5000);
      child.once('exit', () => {
        clearTimeout(force);
        ok();
      });
      child.kill('SIGTERM');
    });
  }
}
