// Tidal windows (DB21/T 4402 §7.1.6), pure: a group's alert is up while more than the threshold wait for it that no
// open tidal window can serve. Opening a tidal window clears it only when that window serves the items that piled up
// (a tidal window for 参保登记 adds no capacity for 60 waiting 医疗救助 tickets); draining the queue clears it too.
import type { TidalAlertView } from '../../protocol/hall/index.ts';
import type { QueueEvent, QueueRules, QueueState } from './types.ts';

export interface GroupStatus {
  group: string;
  waiting: number;
  /** Of those waiting, how many no open tidal window can serve (transferred-to-a-window tickets always count). */
  uncovered: number;
}

export function groupStatuses(state: QueueState, rules: QueueRules): GroupStatus[] {
  const groups = new Map<string, { services: Set<string>; windows: Set<number> }>();
  for (const w of rules.windows.values()) {
    if (!w.group) continue;
    const g = groups.get(w.group) ?? { services: new Set(w.services), windows: new Set<number>() };
    g.windows.add(w.number);
    groups.set(w.group, g);
  }
  const servedByOpenTidal = new Set<string>();
  for (const w of rules.windows.values()) {
    const ws = state.windows.get(w.number);
    if (w.tidal && ws && !ws.paused && ws.staffId) for (const s of w.services) servedByOpenTidal.add(s);
  }
  const out: GroupStatus[] = [];
  for (const [group, g] of groups) {
    let waiting = 0;
    let uncovered = 0;
    for (const code of g.services) {
      const n = state.waitingByService.get(code)?.size ?? 0;
      waiting += n;
      if (!servedByOpenTidal.has(code)) uncovered += n;
    }
    for (const t of state.waitingTargeted.values()) {
      if (!g.windows.has(t.targetWindow!)) continue;
      waiting++;
      uncovered++;
    }
    out.push({ group, waiting, uncovered });
  }
  return out;
}

/** Compares the groups with the alerts that are up and returns the changes to make. */
export function tidalTransitions(
  active: Map<string, TidalAlertView>,
  statuses: GroupStatus[],
  threshold: number,
  nowIso: string,
): { raise: TidalAlertView[]; clear: QueueEvent[]; alerts: Map<string, TidalAlertView> } {
  const alerts = new Map(active);
  const raise: TidalAlertView[] = [];
  const clear: QueueEvent[] = [];
  for (const s of statuses) {
    const up = alerts.get(s.group);
    const shouldBeUp = s.uncovered > threshold;
    if (shouldBeUp && !up) {
      const alert = { group: s.group, waiting: s.waiting, threshold, since: nowIso };
      alerts.set(s.group, alert);
      raise.push(alert);
    } else if (!shouldBeUp && up) {
      alerts.delete(s.group);
      clear.push({ type: 'tidal.cleared', data: { group: s.group, reason: s.waiting > threshold ? 'tidal_window_opened' : 'drained' } });
    } else if (up) alerts.set(s.group, { ...up, waiting: s.waiting });
  }
  return { raise, clear, alerts };
}
