// Health that does not flap: a worse state (or another reason at the same level) is shown at once, but a better one
// only after it has held for `holdMs` with nothing as bad as the shown state reported meanwhile. A noisy line that
// alternates a bad frame and a good reply every few milliseconds therefore shows one steady state, not hundreds a second.
import type { HealthState } from '../../protocol/bridge/messages.ts';

export interface HealthReport {
  state: HealthState;
  code: string;
  reason: string;
}

const SEVERITY: Record<HealthState, number> = { ok: 0, degraded: 1, offline: 2 };

export type Schedule = (run: () => void, ms: number) => () => void;

const realSchedule: Schedule = (run, ms) => {
  const timer = setTimeout(run, ms);
  return () => clearTimeout(timer);
};

export const DEFAULT_HEALTH_HOLD_MS = 3_000;

export class HealthHold {
  private shown: HealthReport;
  /** The first state after start is shown at once, whatever it is: there is nothing to flap from yet. */
  private starting = true;
  private better: HealthReport | null = null;
  private cancelTimer: (() => void) | null = null;

  constructor(
    initial: HealthReport,
    private readonly show: (report: HealthReport) => void,
    private readonly holdMs = DEFAULT_HEALTH_HOLD_MS,
    private readonly schedule: Schedule = realSchedule,
  ) {
    this.shown = initial;
  }

  report(next: HealthReport): void {
    if (next.state === this.shown.state && next.code === this.shown.code) {
      this.dropBetter();
      return;
    }
    if (this.starting || this.holdMs <= 0 || SEVERITY[next.state] >= SEVERITY[this.shown.state]) {
      this.starting = false;
      this.dropBetter();
      this.publish(next);
      return;
    }
    this.better = next;
    this.cancelTimer ??= this.schedule(() => {
      this.cancelTimer = null;
      const better = this.better;
      this.better = null;
      if (better) this.publish(better);
    }, this.holdMs);
  }

  private publish(report: HealthReport): void {
    this.shown = report;
    this.show(report);
  }

  private dropBetter(): void {
    this.better = null;
    this.cancelTimer?.();
    this.cancelTimer = null;
  }

  /** Stops a pending change (the driver stops). */
  dispose(): void {
    this.dropBetter();
  }
}
