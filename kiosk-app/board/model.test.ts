import { signal, type ReadonlySignal } from '@preact/signals';
import { describe, expect, it, vi } from 'vitest';
import type { PackData } from '../../content/schema/index.ts';
import type { CallView, HallEventMessage, QueueSnapshot, Snapshot } from '../../protocol/hall/index.ts';
import type { PairingOutcome } from '../shared/hall/pairing.ts';
import type { ConnectionState, HallStream } from '../shared/hall/socket.ts';
import { BoardModel, type BoardDeps } from './model.ts';

function callOf(ticketId: string, window: number, callCount = 1): CallView {
  const at = new Date().toISOString();
  return { ticketId, number: ticketId.toUpperCase(), window, windowName: `${window}号窗口`, serviceCode: 's', serviceName: '参保登记', callCount, at };
}

function snapshotWith(recentCalls: CallView[]): Snapshot {
  const queue: QueueSnapshot = { businessDay: '2026-11-23', services: [], windows: [], waiting: [], recentCalls, tidalAlerts: [] };
  return {
    seq: 1, serverTime: '', principal: { id: 'b1', role: 'board', window: null, name: '叫号大屏' }, hallName: '厅',
    utcOffsetMinutes: 480, pack: { id: 'p', version: 1 }, modules: { queue },
  };
}

/** A hall link whose state, snapshot and events the test drives. */
function fakeStream() {
  const listeners: Array<(event: HallEventMessage) => void> = [];
  const link = {
    state: signal<ConnectionState>('connecting'),
    snapshot: signal<Snapshot | null>(null),
    events: signal<HallEventMessage[]>([]),
    heartbeats: 0,
    closed: false,
    onEvent(listener: (event: HallEventMessage) => void) {
      listeners.push(listener);
      return () => listeners.splice(listeners.indexOf(listener), 1);
    },
    sendHeartbeat() {
      link.heartbeats++;
    },
    close() {
      link.closed = true;
    },
    emit(type: string) {
      for (const listener of [...listeners]) listener({ seq: 2, type, at: '', data: {} });
    },
  };
  return link;
}

function packVersion(version: number): PackData {
  // The model only passes the pack on and reads its version for the heartbeat.
  return { manifest: { version } } as unknown as PackData;
}

function board(outcome: PairingOutcome) {
  const link = fakeStream();
  const announced: string[] = [];
  const packs = [packVersion(1), packVersion(2)];
  let heartbeat: (() => { packVersion: number | null }) | null = null;
  let updateQuiet: ReadonlySignal<boolean> | null = null;
  const deps: BoardDeps = {
    pair: () => Promise.resolve(outcome),
    connect: (beat) => {
      heartbeat = beat;
      return link as unknown as HallStream;
    },
    loadPack: vi.fn(() => Promise.resolve(packs.shift() ?? packVersion(99))),
    loadPublished: vi.fn(() => Promise.resolve([])),
    announce: (call) => announced.push(call.number),
    speaking: signal(null),
    updateWhen: (quiet) => {
      updateQuiet = quiet;
      return () => (updateQuiet = null);
    },
    packRetryMs: 0,
    warn: () => undefined,
  };
  const model = new BoardModel(deps);
  return { model, link, announced, deps, heartbeat: () => heartbeat?.(), updateQuiet: () => updateQuiet };
}

describe('board model', () => {
  it('says so when the hall does not pair it, and opens no link', async () => {
    const { model } = board('unpaired');
    await vi.waitFor(() => expect(model.unpaired.value).toBe(true));
    expect(model.stream.value).toBeNull();
  });

  it('loads the pack once the link is open and reports its version in the heartbeat', async () => {
    const { model, link, deps, heartbeat } = board('paired');
    await vi.waitFor(() => expect(model.stream.value).not.toBeNull());
    expect(deps.loadPack).not.toHaveBeenCalled();
    link.state.value = 'open';
    await vi.waitFor(() => expect(model.pack.value?.manifest.version).toBe(1));
    expect(link.heartbeats).toBe(1);
    expect(heartbeat()).toEqual({ packVersion: 1, devices: [] });
  });

  it('loads the pack again after pack.activated', async () => {
    const { model, link } = board('paired');
    await vi.waitFor(() => expect(model.stream.value).not.toBeNull());
    link.state.value = 'open';
    await vi.waitFor(() => expect(model.pack.value?.manifest.version).toBe(1));
    link.emit('pack.activated');
    await vi.waitFor(() => expect(model.pack.value?.manifest.version).toBe(2));
  });

  it('announces new calls once, not the calls it found at start-up', async () => {
    const { model, link, announced } = board('paired');
    await vi.waitFor(() => expect(model.stream.value).not.toBeNull());
    const history = callOf('a001', 1);
    link.snapshot.value = snapshotWith([history]);
    link.state.value = 'open';
    await vi.waitFor(() => expect(model.pack.value).not.toBeNull());
    expect(model.queue.value?.recentCalls).toEqual([history]);
    const next = callOf('a002', 2);
    link.snapshot.value = snapshotWith([next, history]);
    link.snapshot.value = snapshotWith([next, history]);
    expect(announced).toEqual(['A002']);
  });

  it('closes the link and stops taking updates when disposed', async () => {
    const { model, link, updateQuiet } = board('paired');
    await vi.waitFor(() => expect(model.stream.value).not.toBeNull());
    expect(updateQuiet()).not.toBeNull();
    model[Symbol.dispose]();
    expect(link.closed).toBe(true);
    expect(updateQuiet()).toBeNull();
  });
});
