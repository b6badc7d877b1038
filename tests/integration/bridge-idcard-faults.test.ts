// A device never lies about its state: the bridge against an ID card reader written apart from its own simulator, on a
// socat pseudo-terminal at 115200 baud through the real serialport stack, with the bridge's default timing.
// The reader answers late, puts junk before its replies, or spoils the read reply's checksum (issue 12 §2).
import { afterEach, describe, expect, it } from 'vitest';
import type { BridgeMessage } from '../../protocol/bridge/messages.ts';
import { startBridge, type RunningBridge } from '../../device-bridge/server/start.ts';
import { TEST_ORIGIN, TestPage } from '../support/bridge.ts';
import { SamReaderStandin, type StandinBehaviour, type StandinCard } from '../support/sam-reader-standin.ts';

const CARD: StandinCard = { name: '赵六', idFirst17: '21010219750403001', gender: '1', birth: '19750403' };
const CITIZEN_HINT = '请重新放置证件或联系工作人员';

interface Rig {
  standin: SamReaderStandin;
  page: TestPage;
  logs: string[];
}

let cleanup: (() => Promise<void>) | null = null;
afterEach(async () => {
  await cleanup?.();
  cleanup = null;
});

async function rig(behaviour: Partial<StandinBehaviour>, settlesAs: [state: string, code: string] = ['ok', 'ok']): Promise<Rig> {
  const standin = await SamReaderStandin.start();
  standin.behaviour = { ...standin.behaviour, ...behaviour };
  const logs: string[] = [];
  let running: RunningBridge | null = null;
  let page: TestPage | null = null;
  cleanup = async () => {
    page?.close();
    await running?.close();
    await standin.close();
  };
  const none = { transport: 'none' } as const;
  running = await startBridge({
    config: {
      allowedOrigins: [TEST_ORIGIN],
      devices: { idcard: { transport: 'serial', path: standin.hostPath }, printer: none, sscard: none, scanner: none, ratingKeypad: none, callerKeypad: none },
    },
    simulate: false,
    port: 0,
    log: (level, message) => logs.push(`${level} ${message}`),
  });
  page = await TestPage.open(running.url, TEST_ORIGIN);
  await page.waitForHealth('idcard', ...settlesAs, 20_000);
  expect((await page.request({ type: 'waiting', waiting: true })).type).toBe('ack');
  return { standin, page, logs };
}

/** Resolves once the reader has received `count` more requests (the bridge's polls are the clock here). */
async function requestsMore(standin: SamReaderStandin, count: number): Promise<void> {
  const target = standin.requests.length + count;
  while (standin.requests.length < target) await new Promise((resolve) => setImmediate(resolve));
}

/** Every request that follows a read (30 01) is sent only after that read's reply has come in, late or not. */
function nothingSentBeforeTheReadReply(standin: SamReaderStandin): void {
  const events = standin.events;
  events.forEach((event, index) => {
    if (event.what !== 'request' || event.command !== '30 01') return;
    const reply = events.find((later, j) => j > index && later.what === 'reply' && later.command === '30 01');
    const next = events.find((later, j) => j > index && later.what === 'request');
    if (reply && next) expect(next.at).toBeGreaterThan(reply.at);
  });
}

const failures = (received: BridgeMessage[]) => received.filter((m) => m.type === 'identity.failed');

describe('ID card reader faults over a pseudo-terminal (an independent reader)', () => {
  it('a read reply that lands after its timeout is discarded, the next request gets its own answer, and the card is read', async () => {
    const { standin, page } = await rig({ replyDelayMs: (command, nth) => (command === '30 01' && nth === 1 ? 1_700 : 0) });
    const since = page.count;
    standin.card = CARD;
    const read = await page.waitFor('identity.read', () => true, 20_000, since);
    expect(read.identity).toMatchObject({ source: 'idcard', name: '赵六', birthDate: '1975-04-03', gender: '男' });
    expect(failures(page.received.slice(since))).toEqual([]);
    expect(standin.requests.filter((c) => c === '30 01')).toHaveLength(2);
    nothingSentBeforeTheReadReply(standin);
  }, 60_000);

  it('a reader that answers every request late (1.4 s, the read after its timeout): no reply is taken for the next request, reads are retried, the page hears why and health shows the fault', async () => {
    // The read reply comes well after the 1.5 s timeout even on a loaded machine, where a reply due just after it could
    // be read before the late timer fires.
    const { standin, page } = await rig({ replyDelayMs: (command) => (command === '30 01' ? 1_900 : 1_400) });
    const since = page.count;
    standin.card = CARD;
    const failed = await page.waitFor('identity.failed', () => true, 45_000, since);
    expect(failed).toEqual({ type: 'identity.failed', source: 'idcard', code: 'slow_reply', message: `读卡器响应过慢，${CITIZEN_HINT}` });
    const fault = await page.waitForHealth('idcard', 'offline', 'slow_reply', 5_000, since);
    expect(fault.devices.find((d) => d.id === 'idcard')?.health.reason).toBe('读卡器响应过慢，无法读取证件，请联系工作人员检查读卡器');
    // Read again after a late reply (three tries; on a loaded machine a 1.4 s select can time out too and count as one).
    expect(standin.requests.filter((c) => c === '30 01').length).toBeGreaterThanOrEqual(2);
    expect(page.received.slice(since).some((m) => m.type === 'devices' && m.devices.some((d) => d.id === 'idcard' && d.health.code === 'unknown_status'))).toBe(false);
    expect(failures(page.received.slice(since))).toHaveLength(1);
    nothingSentBeforeTheReadReply(standin);
  }, 90_000);

  it('junk before every reply: the card reads, health holds one state instead of flapping, and the log does not repeat itself', async () => {
    const { standin, page, logs } = await rig({ junk: [0x00, 0xff, 0x13] }, ['degraded', 'bad_data']);
    const since = page.count;
    standin.card = CARD;
    expect((await page.waitFor('identity.read', () => true, 20_000, since)).identity.name).toBe('赵六');
    const messagesBefore = page.count;
    const logsBefore = logs.length;
    await requestsMore(standin, 150);
    const healthMessages = page.received.slice(messagesBefore).filter((m) => m.type === 'devices');
    expect(healthMessages.length).toBeLessThanOrEqual(1);
    expect(logs.length - logsBefore).toBeLessThanOrEqual(2);
    expect(page.received.slice(since).filter((m) => m.type === 'identity.read')).toHaveLength(1);
  }, 60_000);

  it('every read reply has a bad checksum: after three reads the page gets identity.failed with a reason a citizen understands, and reading stops until the card is placed again', async () => {
    const { standin, page } = await rig({ spoilReadChecksum: true });
    const since = page.count;
    standin.card = CARD;
    const failed = await page.waitFor('identity.failed', () => true, 20_000, since);
    expect(failed).toEqual({ type: 'identity.failed', source: 'idcard', code: 'checksum', message: `证件读取失败，${CITIZEN_HINT}` });
    const reads = standin.requests.filter((c) => c === '30 01').length;
    expect(reads).toBe(3);
    await requestsMore(standin, 40);
    expect(standin.requests.filter((c) => c === '30 01')).toHaveLength(reads);

    const removedSince = page.count;
    standin.card = null;
    await page.waitFor('identity.removed', () => true, 10_000, removedSince);
    standin.behaviour = { ...standin.behaviour, spoilReadChecksum: false };
    standin.card = CARD;
    expect((await page.waitFor('identity.read', () => true, 10_000, removedSince)).identity.name).toBe('赵六');
    expect(failures(page.received.slice(since))).toHaveLength(1);
  }, 60_000);
});
