import { describe, expect, it } from 'vitest';
import type { CallView, TicketView } from '../../protocol/hall/index.ts';
import { callKey, callsToAnnounce, currentCalls } from './calls.ts';

function call(ticketId: string, window: number, at: string, callCount = 1): CallView {
  return { ticketId, number: ticketId.toUpperCase(), window, windowName: `${window}号窗口`, serviceCode: 's', serviceName: '参保登记', callCount, at };
}

describe('board calls', () => {
  const now = new Date('2026-11-22T02:00:00.000Z');
  const a = call('a001', 1, '2026-11-22T01:59:00.000Z');
  const b = call('a002', 2, '2026-11-22T01:59:30.000Z');
  const old = call('a000', 3, '2026-11-22T01:50:00.000Z');

  it('announces unannounced recent calls oldest first and skips stale ones', () => {
    expect(callsToAnnounce([b, a, old], new Set(), now)).toEqual([a, b]);
    expect(callsToAnnounce([b, a], new Set([callKey(a)]), now)).toEqual([b]);
  });

  it('announces a recall again', () => {
    const recall = { ...a, callCount: 2, at: '2026-11-22T01:59:50.000Z' };
    expect(callsToAnnounce([recall], new Set([callKey(a), callKey(b)]), now)).toEqual([recall]);
  });

  const serving = (number: number, ticketId: string | null) => ({ number, current: ticketId === null ? null : ({ id: ticketId } as TicketView) });

  it('shows the newest call per window', () => {
    const again = call('a003', 1, '2026-11-22T01:59:40.000Z');
    expect(currentCalls([a, b, again, old], 2, [serving(1, 'a003'), serving(2, 'a002'), serving(3, 'a000')])).toEqual([again, b]);
  });

  it('drops a finished ticket from 正在叫号 (its window serves nobody, or someone else)', () => {
    expect(currentCalls([a, b], 3, [serving(1, null), serving(2, 'a002')])).toEqual([b]);
    expect(currentCalls([a, b], 3, [serving(1, 'x999'), serving(2, null)])).toEqual([]);
  });
});
