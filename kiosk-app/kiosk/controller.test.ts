// The controller's shell logic with fakes for the hall stream, the bridge and fetch (unit test: no network).
import { batch, signal } from '@preact/signals';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { HallEventMessage, Snapshot } from '../../protocol/hall/index.ts';
import type { BridgeClient, BridgeEventType } from '../shared/bridge/client.ts';
import type { ConnectionState, HallStream } from '../shared/hall/socket.ts';
import { helpState } from '../shared/ui/HelpButton.tsx';
import { applyEvent } from '../shared/hall/reduce.ts';
import { seniorForced, seniorMode } from '../shared/ui/mode.ts';
import { createKiosk, type Kiosk } from './controller.ts';

/** A snapshot as the hall sends it, with only the active pack filled in (no queue module). */
function snapshotNaming(pack: { id: string; version: number }): Snapshot {
  return {
    seq: 1,
    serverTime: '2026-11-22T02:00:00.000Z',
    principal: { role: 'kiosk', id: 'k1', name: '取号机' } as unknown as Snapshot['principal'],
    hallName: '示例大厅',
    utcOffsetMinutes: 480,
    pack,
    modules: {},
  };
}

/** The hall stream as the real socket model keeps it: events are applied to the snapshot, then handed to listeners;
 * `resync` is the fresh snapshot after a reconnect that could not resume. */
function fakeStream() {
  const listeners = new Set<(event: HallEventMessage) => void>();
  const stream: HallStream = {
    state: signal<ConnectionState>('open'),
    failedAttempts: signal(0),
    snapshot: signal<Snapshot | null>(snapshotNaming({ id: 'p', version: 1 })),
    events: signal<HallEventMessage[]>([]),
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    sendHeartbeat() {},
    close() {},
  };
  const emit = (event: HallEventMessage) => {
    const current = stream.snapshot.peek();
    if (current) stream.snapshot.value = applyEvent(current, event);
    listeners.forEach((l) => l(event));
  };
  const resync = (pack: { id: string; version: number }) => {
    stream.snapshot.value = snapshotNaming(pack);
  };
  return { stream, emit, resync };
}

function fakeBridge() {
  const handlers = new Map<string, (message: unknown) => void>();
  const waiting: boolean[] = [];
  const bridge = {
    connection: signal('open'),
    devices: signal([]),
    simulate: signal(true),
    on(type: BridgeEventType, listener: (message: unknown) => void) {
      handlers.set(type, listener);
      return () => handlers.delete(type);
    },
    print: async () => ({ ok: true as const, code: 'printed' as const, message: '小票已打印' }),
    reprint: async () => ({ ok: true as const, code: 'printed' as const, message: '小票已打印' }),
    async setWaitingForCard(value: boolean) {
      waiting.push(value);
    },
    async beep() {},
    async sim() {},
    close() {},
  } as unknown as BridgeClient;
  return { bridge, handlers, waiting };
}

const PACK_V1 = { manifest: { packId: 'p', version: 1, hall: { name: '示例大厅' } }, services: [{ code: 'S1', identity: 'required', ticket: { elderlyPriorityAge: 70, greenChannel: true } }], windows: [], notices: [] };
const PACK_V2 = { ...PACK_V1, manifest: { packId: 'p', version: 2, hall: { name: '示例大厅' } } };

let served: unknown = PACK_V1;
let fetches = 0;

beforeEach(() => {
  served = PACK_V1;
  fetches = 0;
  vi.stubGlobal('fetch', async () => {
    fetches++;
    return new Response(JSON.stringify(served), { status: 200, headers: { 'content-type': 'application/json' } });
  });
  seniorForced.value = false;
  seniorMode.value = false;
});
afterEach(() => vi.unstubAllGlobals());

async function settle() {
  for (let i = 0; i < 10; i++) await new Promise((r) => setTimeout(r, 0));
}

/** A kiosk on a fake hall stream and bridge, its pack loaded, on the untouched home. */
async function kioskAtHome(): Promise<Kiosk> {
  const { stream } = fakeStream();
  const { bridge } = fakeBridge();
  const kiosk = createKiosk({ stream, bridge });
  await settle();
  return kiosk;
}

describe('kiosk controller', () => {
  it('asks the bridge to poll fast only while the identify screen waits for a card', async () => {
    const { stream } = fakeStream();
    const { bridge, waiting } = fakeBridge();
    const kiosk = createKiosk({ stream, bridge, now: () => new Date('2026-11-22T02:00:00Z') });
    await settle();
    kiosk.dispatch({ type: 'openItem', code: 'S1' });
    kiosk.takeTicket('S1');
    expect(kiosk.step.value.name).toBe('identify');
    kiosk.dispatch({ type: 'back' });
    expect(waiting).toEqual([false, true, false]);
    kiosk.dispose();
  });

  it('turns a card read into the confirm step with the 绿色通道 offer from the item age', async () => {
    const { stream } = fakeStream();
    const { bridge, handlers } = fakeBridge();
    const kiosk = createKiosk({ stream, bridge, now: () => new Date('2026-11-22T02:00:00Z') });
    await settle();
    kiosk.dispatch({ type: 'openItem', code: 'S1' });
    kiosk.takeTicket('S1');
    handlers.get('identity.read')!({
      type: 'identity.read',
      identity: { source: 'idcard', name: '王秀英', idNumber: '210102194803050024', birthDate: '1948-03-05', gender: '女', docType: 'resident' },
    });
    expect(kiosk.step.value).toMatchObject({ name: 'confirm', greenOffered: true, identity: { source: 'id_card', name: '王秀英' } });
    kiosk.dispose();
  });

  it('sends 普通取号 as priority normal when a senior declines the 绿色通道, and shows the server\'s masked name', async () => {
    const { stream } = fakeStream();
    const { bridge, handlers } = fakeBridge();
    const requests: Array<{ url: string; body: unknown }> = [];
    // Not what a local mask would give: proves the ticket shows and prints the server's text.
    const SERVER_MASKED = '王**';
    served = { ...PACK_V1, services: [{ ...PACK_V1.services[0], name: '参保登记', guide: { materials: [] } }] };
    vi.stubGlobal('fetch', async (url: string, init?: RequestInit) => {
      requests.push({ url, body: init?.body ? JSON.parse(String(init.body)) : null });
      const body = String(url).endsWith('/api/tickets')
        ? {
            ticket: {
              id: 't1', number: 'A001', serviceCode: 'S1', serviceName: '参保登记', status: 'waiting', priority: 'normal', maskedName: SERVER_MASKED,
              issuedAt: '2026-11-23T01:00:00.000Z', calledAt: null, startedAt: null, finishedAt: null, window: null, targetWindow: null,
              callCount: 0, print: 'pending', staffId: null, caseNumber: null,
            },
            reused: null, waitingAhead: 0, hallName: '示例大厅', estimateMinutes: 0,
          }
        : served;
      return new Response(JSON.stringify(body), { status: 201, headers: { 'content-type': 'application/json' } });
    });
    const kiosk = createKiosk({ stream, bridge, now: () => new Date('2026-11-23T01:00:00Z') });
    await settle();
    kiosk.dispatch({ type: 'openItem', code: 'S1' });
    kiosk.takeTicket('S1');
    handlers.get('identity.read')!({
      type: 'identity.read',
      identity: { source: 'idcard', name: '王秀英 ', idNumber: '210102194803050024', birthDate: '1948-03-05', gender: '女', docType: 'resident' },
    });
    expect(kiosk.step.value).toMatchObject({ name: 'confirm', greenOffered: true });
    kiosk.confirmIdentity(false);
    await kiosk.issue();
    const sent = requests.find((r) => r.url.endsWith('/api/tickets'))!.body;
    expect(sent).toMatchObject({ serviceCode: 'S1', priority: 'normal', identity: { name: '王秀英 ' } });
    expect(kiosk.step.value).toMatchObject({ name: 'ticket', ticket: { number: 'A001', maskedName: SERVER_MASKED } });
    kiosk.dispose();
  });

  it('starts on the boot screen\'s pack while the hall does not answer, and takes the hall\'s copy once it does', async () => {
    const { stream } = fakeStream();
    const { bridge } = fakeBridge();
    let hallUp = false;
    vi.stubGlobal('fetch', async () => {
      if (!hallUp) throw new TypeError('fetch failed');
      return new Response(JSON.stringify(PACK_V2), { status: 200, headers: { 'content-type': 'application/json' } });
    });
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      // PACK_V1 is a partial pack (only the fields the flow reads), hence the cast.
      const kiosk = createKiosk({ stream, bridge, initialPack: PACK_V1 as never, now: () => new Date('2026-11-23T01:00:00Z') });
      await vi.advanceTimersByTimeAsync(0);
      expect(kiosk.pack.value?.manifest.version).toBe(1);
      hallUp = true;
      await vi.advanceTimersByTimeAsync(3000);
      expect(kiosk.pack.value?.manifest.version).toBe(2);
      kiosk.dispose();
    } finally {
      vi.useRealTimers();
    }
  });

  it('idle reset wipes the citizen, resets 长辈模式 and the help state, then applies a waiting update — only there', async () => {
    const { stream } = fakeStream();
    const { bridge, handlers } = fakeBridge();
    const kiosk = createKiosk({ stream, bridge });
    await settle();
    const apply = vi.fn();
    seniorMode.value = true;
    helpState.value = 'sent';
    kiosk.dispatch({ type: 'openItem', code: 'S1' });
    kiosk.updateWaiting(apply);
    kiosk.takeTicket('S1');
    handlers.get('identity.read')!({
      type: 'identity.read',
      identity: { source: 'idcard', name: '张三', idNumber: '210102198506120039', birthDate: '1985-06-12', gender: '男', docType: 'resident' },
    });
    expect(kiosk.step.value.name).toBe('confirm');
    expect(apply).not.toHaveBeenCalled();
    kiosk.idleReset();
    expect(kiosk.step.value).toEqual({ name: 'home', page: 0 });
    expect(JSON.stringify(kiosk.step.value)).not.toContain('张三');
    expect(kiosk.ticketPreview.value).toBeNull();
    expect(seniorMode.value).toBe(false);
    expect(helpState.value).toBe('idle');
    expect(apply).toHaveBeenCalledTimes(1);
    kiosk.dispose();
  });

  it('applies an update offered on the untouched home at once, and waits for the idle reset when anything is on screen', async () => {
    const kiosk = await kioskAtHome();
    const atRest = vi.fn();
    kiosk.updateWaiting(atRest);
    expect(atRest).toHaveBeenCalledTimes(1);

    const touched: Array<[string, () => void, () => void]> = [
      ['a second home page', () => kiosk.dispatch({ type: 'page', page: 1 }), () => kiosk.dispatch({ type: 'reset' })],
      ['help called', () => (helpState.value = 'sent'), () => (helpState.value = 'idle')],
      ['长辈模式 switched on', () => (seniorMode.value = true), () => (seniorMode.value = false)],
    ];
    for (const [what, touch, untouch] of touched) {
      touch();
      const apply = vi.fn();
      kiosk.updateWaiting(apply);
      expect(apply, what).not.toHaveBeenCalled();
      untouch();
      kiosk.idleReset();
      expect(apply, what).toHaveBeenCalledTimes(1);
    }
    kiosk.dispose();
  });

  it('the reload into an activated update waits for the next idle reset when a citizen started before it was offered', async () => {
    const kiosk = await kioskAtHome();
    const activate = vi.fn();
    kiosk.dispatch({ type: 'openItem', code: 'S1' });
    kiosk.updateWaiting(activate);
    kiosk.idleReset();
    expect(activate).toHaveBeenCalledTimes(1);
    // The new worker takes control a moment after the reset; a citizen has tapped an item in between.
    kiosk.dispatch({ type: 'openItem', code: 'S1' });
    const reload = vi.fn();
    kiosk.updateWaiting(reload);
    expect(reload).not.toHaveBeenCalled();
    kiosk.idleReset();
    expect(reload).toHaveBeenCalledTimes(1);
    kiosk.dispose();
  });

  it('reloads the pack after pack.activated only at the idle reset', async () => {
    const { stream, emit } = fakeStream();
    const { bridge } = fakeBridge();
    const kiosk = createKiosk({ stream, bridge });
    await settle();
    expect(kiosk.pack.value?.manifest.version).toBe(1);
    const before = fetches;
    served = PACK_V2;
    emit({ seq: 5, type: 'pack.activated', at: '2026-11-22T02:00:00Z', data: { id: 'p', version: 2 } });
    await settle();
    expect(fetches).toBe(before);
    expect(kiosk.pack.value?.manifest.version).toBe(1);
    kiosk.idleReset();
    await settle();
    expect(kiosk.pack.value?.manifest.version).toBe(2);
    kiosk.dispose();
  });

  it('takes a pack named only by the fresh snapshot after a reconnect (no event) at the idle reset', async () => {
    const { stream, resync } = fakeStream();
    const { bridge } = fakeBridge();
    const kiosk = createKiosk({ stream, bridge });
    await settle();
    served = PACK_V2;
    resync({ id: 'p', version: 2 });
    kiosk.dispatch({ type: 'openItem', code: 'S1' });
    await settle();
    expect(kiosk.pack.value?.manifest.version).toBe(1);
    kiosk.idleReset();
    await settle();
    expect(kiosk.pack.value?.manifest.version).toBe(2);
    kiosk.dispose();
  });

  it('keeps a new pack that answers a retry after a citizen has started off the screen until the next idle reset', async () => {
    const { stream, emit } = fakeStream();
    const { bridge } = fakeBridge();
    let hallUp = true;
    vi.stubGlobal('fetch', async () => {
      fetches++;
      if (!hallUp) throw new TypeError('fetch failed');
      return new Response(JSON.stringify(served), { status: 200, headers: { 'content-type': 'application/json' } });
    });
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const kiosk = createKiosk({ stream, bridge });
      await vi.advanceTimersByTimeAsync(0);
      expect(kiosk.pack.value?.manifest.version).toBe(1);
      emit({ seq: 5, type: 'pack.activated', at: '2026-11-22T02:00:00Z', data: { id: 'p', version: 2 } });
      served = PACK_V2;
      hallUp = false;
      kiosk.idleReset();
      await vi.advanceTimersByTimeAsync(0);
      kiosk.dispatch({ type: 'openItem', code: 'S1' });
      hallUp = true;
      const before = fetches;
      await vi.advanceTimersByTimeAsync(3000);
      expect(fetches).toBe(before + 1);
      expect(kiosk.step.value).toMatchObject({ name: 'guide', code: 'S1' });
      expect(kiosk.pack.value?.manifest.version).toBe(1);
      kiosk.idleReset();
      await vi.advanceTimersByTimeAsync(0);
      expect(kiosk.pack.value?.manifest.version).toBe(2);
      kiosk.dispose();
    } finally {
      vi.useRealTimers();
    }
  });

  it('pauses ticket issuing while the hall link is down and resumes by itself', async () => {
    const { stream } = fakeStream();
    const { bridge } = fakeBridge();
    const kiosk = createKiosk({ stream, bridge });
    expect(kiosk.paused.value).toBe(false);
    stream.state.value = 'reconnecting';
    stream.failedAttempts.value = 1;
    expect(kiosk.paused.value).toBe(true);
    batch(() => {
      stream.state.value = 'open';
      stream.failedAttempts.value = 0;
    });
    expect(kiosk.paused.value).toBe(false);
    kiosk.dispose();
  });

  it('does not pause for a dropped link whose reconnect is still under way (the hall may be back at once)', async () => {
    const { stream } = fakeStream();
    const { bridge } = fakeBridge();
    const kiosk = createKiosk({ stream, bridge });
    stream.state.value = 'reconnecting';
    expect(kiosk.paused.value).toBe(false);
    stream.state.value = 'open';
    expect(kiosk.paused.value).toBe(false);
    kiosk.dispose();
  });
});

describe('a ticket QR scanned at the kiosk', () => {
  const URL_ON_TICKET = 'https://region.example/t/AbCdEfGhIjKlMnOpQrStUv_-';
  const PROGRESS = {
    number: 'A012', itemName: '居民参保登记', state: 'waiting', window: null, peopleAhead: 2, estimateMinutes: 12,
    openWindows: 1, expiresAt: '2026-11-22T19:00:00.000Z', version: 1, rating: null, canRate: false, badReasons: [], ratingPending: false,
  };

  it('on the home screen shows that ticket\'s progress, asked of the hall by its token; 返回 closes it', async () => {
    const { stream } = fakeStream();
    const { bridge, handlers } = fakeBridge();
    const kiosk = createKiosk({ stream, bridge, now: () => new Date('2026-11-22T02:00:00Z') });
    await settle();
    const asked: string[] = [];
    vi.stubGlobal('fetch', async (url: string) => {
      asked.push(String(url));
      return new Response(JSON.stringify(PROGRESS), { status: 200, headers: { 'content-type': 'application/json' } });
    });
    handlers.get('scan')!({ type: 'scan', kind: 'qr', payload: URL_ON_TICKET });
    await settle();
    expect(asked).toEqual(['/api/citizen/tickets/AbCdEfGhIjKlMnOpQrStUv_-']);
    expect(kiosk.scannedTicket.value).toEqual({ progress: PROGRESS });
    kiosk.closeScannedTicket();
    expect(kiosk.scannedTicket.value).toBeNull();
    kiosk.dispose();
  });

  it('an update offered while the scanned ticket is on its way or on screen waits until it is closed and the idle reset', async () => {
    const { stream } = fakeStream();
    const { bridge, handlers } = fakeBridge();
    const kiosk = createKiosk({ stream, bridge, now: () => new Date('2026-11-22T02:00:00Z') });
    await settle();
    let answer: (() => void) | null = null;
    vi.stubGlobal('fetch', () => new Promise<Response>((resolve) => {
      answer = () => resolve(new Response(JSON.stringify(PROGRESS), { status: 200, headers: { 'content-type': 'application/json' } }));
    }));
    handlers.get('scan')!({ type: 'scan', kind: 'qr', payload: URL_ON_TICKET });
    await settle();
    const apply = vi.fn();
    kiosk.updateWaiting(apply);
    expect(apply).not.toHaveBeenCalled();
    answer!();
    await settle();
    expect(kiosk.scannedTicket.value).toEqual({ progress: PROGRESS });
    kiosk.updateWaiting(apply);
    expect(apply).not.toHaveBeenCalled();
    kiosk.idleReset();
    expect(kiosk.scannedTicket.value).toBeNull();
    expect(apply).toHaveBeenCalledTimes(1);
    kiosk.dispose();
  });

  it('shows the hall\'s message for an expired ticket', async () => {
    const { stream } = fakeStream();
    const { bridge, handlers } = fakeBridge();
    const kiosk = createKiosk({ stream, bridge, now: () => new Date('2026-11-22T02:00:00Z') });
    await settle();
    vi.stubGlobal('fetch', async () => new Response(JSON.stringify({ error: { code: 'unknown_ticket', message: '没有找到这张号票，或号票已过期（号票当天有效）' } }), { status: 404, headers: { 'content-type': 'application/json' } }));
    handlers.get('scan')!({ type: 'scan', kind: 'qr', payload: URL_ON_TICKET });
    await settle();
    expect(kiosk.scannedTicket.value).toEqual({ message: '没有找到这张号票，或号票已过期（号票当天有效）' });
    kiosk.dispose();
  });
});
