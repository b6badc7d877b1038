import { describe, expect, it } from 'vitest';
import type { TerminalView } from '../../protocol/hall/index.ts';
import { SeenEventCoalescer } from './heartbeat.ts';

const view = (over: Partial<TerminalView> = {}): TerminalView => ({
  id: 't1', role: 'kiosk', window: null, name: '取号机', pairedAt: '2026-01-01T00:00:00.000Z', lastSeen: '2026-01-01T00:00:00.000Z',
  online: true, packVersion: 1, devices: [], revoked: false, ...over,
});

describe('SeenEventCoalescer', () => {
  it('publishes the first beat, then only a change or a beat after the refresh interval', () => {
    const c = new SeenEventCoalescer(60_000);
    expect(c.shouldPublish(view(), 0)).toBe(true);
    expect(c.shouldPublish(view({ lastSeen: '2026-01-01T00:00:10.000Z' }), 10_000)).toBe(false);
    expect(c.shouldPublish(view({ devices: [{ device: 'printer', state: 'degraded', reason: '纸将尽' }] }), 20_000)).toBe(true);
    expect(c.shouldPublish(view({ devices: [{ device: 'printer', state: 'degraded', reason: '纸将尽' }] }), 30_000)).toBe(false);
    expect(c.shouldPublish(view({ packVersion: 2 }), 40_000)).toBe(true);
    expect(c.shouldPublish(view({ packVersion: 2 }), 99_999)).toBe(false);
    expect(c.shouldPublish(view({ packVersion: 2 }), 100_000)).toBe(true);
  });

  it('keeps terminals apart and publishes again after forget', () => {
    const c = new SeenEventCoalescer(60_000);
    expect(c.shouldPublish(view(), 0)).toBe(true);
    expect(c.shouldPublish(view({ id: 't2' }), 0)).toBe(true);
    c.forget('t1');
    expect(c.shouldPublish(view(), 1)).toBe(true);
    expect(c.shouldPublish(view({ id: 't2' }), 1)).toBe(false);
  });
});
