// The queue's inputs to the wait estimate (pure): an item's open windows and today's measured service minutes.
import { estimateWaitMinutes } from '../../protocol/rules/wait-estimate.ts';
import type { QueueRules, QueueState } from './types.ts';

/** Windows serving the item that are signed in and not paused. */
export function openWindowsFor(state: QueueState, rules: QueueRules, serviceCode: string): number {
  let open = 0;
  for (const rule of rules.windows.values()) {
    if (!rule.services.includes(serviceCode)) continue;
    const w = state.windows.get(rule.number);
    if (w && w.staffId !== null && !w.paused) open++;
  }
  return open;
}

/** Minutes from first call to finish of the item's services finished today. */
export function measuredServiceMinutes(state: QueueState, serviceCode: string): number[] {
  const minutes: number[] = [];
  for (const t of state.tickets.values()) {
    if (t.serviceCode !== serviceCode || t.status !== 'finished' || t.calledAt === null || t.finishedAt === null) continue;
    minutes.push((t.finishedAt - t.calledAt) / 60_000);
  }
  return minutes;
}

export function waitEstimate(state: QueueState, rules: QueueRules, serviceCode: string, peopleAhead: number): number {
  return estimateWaitMinutes({
    peopleAhead,
    openWindows: openWindowsFor(state, rules, serviceCode),
    measuredMinutes: measuredServiceMinutes(state, serviceCode),
  });
}
