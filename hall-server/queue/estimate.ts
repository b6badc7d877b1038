// The queue's inputs to the wait estimate (pure): an item's open windows and today's measured service minutes.
import { estimateWaitMinutes, type MeasuredServices } from '../../protocol/rules/wait-estimate.ts';
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

/** The item's services finished today, from the state's running count (no scan of the day's tickets). */
export function measuredServices(state: QueueState, serviceCode: string): MeasuredServices {
  const served = state.servedMs.get(serviceCode);
  return served ? { count: served.count, totalMinutes: served.totalMs / 60_000 } : { count: 0, totalMinutes: 0 };
}

export function waitEstimate(state: QueueState, rules: QueueRules, serviceCode: string, peopleAhead: number): number {
  return estimateWaitMinutes({
    peopleAhead,
    openWindows: openWindowsFor(state, rules, serviceCode),
    measured: measuredServices(state, serviceCode),
  });
}
