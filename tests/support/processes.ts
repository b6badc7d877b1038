// Whether a process of a test still runs, read from /proc. An exited child that nobody has reaped yet (a zombie, which
// `kill(pid, 0)` still finds) has ended: a supervisor's children may be reparented to an init that reaps them late.
import { readFileSync } from 'node:fs';

export function alive(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '')[0] !== 'Z';
  } catch {
    return false;
  }
}
