// A device timeout that counts only the time this process was free to notice a reply. On a busy machine the event loop
// can be held up for hundreds of milliseconds; a plain setTimeout then fires with the device's answer already waiting
// unread in the kernel, and a printer or reader that answered in time is reported as silent. Here the timer ticks in
// short steps and a step that overran is credited at most two steps, so a stalled loop does not use up the device's time;
// it never expires on a step that overran (what came in meanwhile is read first), unless the wall clock has run
// WALL_LIMIT times the timeout, so a silent device is still found out on a machine that stays busy.
export const PATIENT_STEP_MS = 50;
const WALL_LIMIT = 5;

export class PatientTimer {
  private credited = 0;
  private last: number;
  private readonly started: number;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly ms: number,
    private readonly onExpire: () => void,
    private readonly stepMs = PATIENT_STEP_MS,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.last = this.now();
    this.started = this.last;
    this.schedule();
  }

  private schedule(): void {
    this.timer = setTimeout(() => this.tick(), Math.max(1, Math.min(this.stepMs, this.ms - this.credited)));
  }

  private tick(): void {
    const now = this.now();
    const overran = now - this.last > 2 * this.stepMs;
    this.credited += Math.min(now - this.last, 2 * this.stepMs);
    this.last = now;
    const due = this.credited >= this.ms && !overran;
    if (!due && now - this.started < WALL_LIMIT * this.ms) {
      this.schedule();
      return;
    }
    this.timer = null;
    this.onExpire();
  }

  cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
