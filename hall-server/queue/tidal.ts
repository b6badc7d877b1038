// Tidal windows (DB21/T 4402 §7.1.6), pure: a group's alert is up while more than the threshold wait for it and
// none of its tidal windows is open; it clears when the queue drains or a tidal window opens.
import type { TidalAlertView } from '../../protocol/hall/index.ts';
import type { QueueEvent, QueueRules, QueueState } from './types.ts';

export interface GroupStatus {
  group: string;
  waiting: number;
  tidalOpen: boolean;
}

export function groupStatuses(state: QueueState, rules: QueueRules): GroupStatus[] {
  const groups = new Map<string, { services: Set<string>; windows: Set<number>; tidalOpen: boolean }>();
  for (const w of rules.windows.values()) {
    if (!w.group) continue;
    const g = groups.get(w.group) ?? { services: new Set(w.services), windows: new Set<number>(), tidalOpen: false };
    g.windows.add(w.number);
    groups.set(w.group, g);
  }
  for (const w of rules.windows.values()) {
    const ws = state.windows.get(w.number);
    if (!w.tidal || !ws || ws.paused || !ws.staffId) continue;
    for (const g of groups.values()) if (w.services.some((s) => g.services.has(s))) g.tidalOpen = true;
  }
  const out: GroupStatus[] = [];
  for (const [group, g] of groups) {
    let n = 0;
    for (const code of g.services) n += state.waitingByService.get(code)?.size ?? 0;
    for (const t of state.waitingTargeted.values()) if (g.windows.has(t.targetWindow!)) n++;
    out.push({ group, waiting: n, tidalOpen: g.tidalOpen });
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
    const shouldBeUp = s.waiting > threshold && !s.tidalOpen;
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
