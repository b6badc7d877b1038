// Pure: which calls the board still has to announce, from the recent calls it knows. A call is identified by ticket and
// call count, so a recall is announced again and a reconnect that replays or re-snapshots calls never repeats one.
import type { CallView, WindowView } from '../../protocol/hall/index.ts';

export function callKey(call: Pick<CallView, 'ticketId' | 'callCount'>): string {
  return `${call.ticketId}#${call.callCount}`;
}

/** Calls not yet announced and not older than `maxAgeMs`, oldest first. */
export function callsToAnnounce(recent: CallView[], announced: ReadonlySet<string>, now: Date, maxAgeMs = 120_000): CallView[] {
  return recent
    .filter((c) => !announced.has(callKey(c)) && now.getTime() - new Date(c.at).getTime() <= maxAgeMs)
    .sort((a, b) => a.at.localeCompare(b.at));
}

/**
 * The newest call per window, newest first: what the board shows large under 正在叫号. A call stays only while its ticket
 * is still its window's current one: once finished (or no-show, transferred, held) it leaves 正在叫号.
 */
export function currentCalls(recent: CallView[], limit: number, windows: readonly Pick<WindowView, 'number' | 'current'>[]): CallView[] {
  const currentOf = new Map(windows.map((w) => [w.number, w.current?.id ?? null]));
  const seen = new Set<number>();
  const out: CallView[] = [];
  for (const call of [...recent].sort((a, b) => b.at.localeCompare(a.at))) {
    if (seen.has(call.window)) continue;
    seen.add(call.window);
    if (currentOf.get(call.window) !== call.ticketId) continue;
    out.push(call);
    if (out.length === limit) break;
  }
  return out;
}
