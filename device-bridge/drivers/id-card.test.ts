// The ID card driver's state machine over an in-memory link to the reader simulator (the pty path is in tests/integration).
import { afterEach, describe, expect, it } from 'vitest';
import { MemoryLink } from '../simulators/link.ts';
import { SimIdReader } from '../simulators/id-reader.ts';
import { SIM_PRESETS } from '../simulators/identities.ts';
import { silentLogger } from '../util/log.ts';
import { IdCardDriver } from './id-card.ts';
import type { CardReadOutcome } from './card-reader.ts';

const until = async (check: () => boolean, ms = 3_000) => {
  const deadline = Date.now() + ms;
  while (!check() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 2));
  expect(check()).toBe(true);
};

let stop: (() => Promise<void>) | null = null;
afterEach(async () => {
  await stop?.();
  stop = null;
});

async function setup() {
  const link = await MemoryLink.create('idcard');
  const reader = new SimIdReader(link.device);
  const driver = new IdCardDriver('idcard', link.host, silentLogger, { reconnectMs: 10, pollFastMs: 5, pollSlowMs: 5, requestTimeoutMs: 100, timeoutsBeforeOffline: 2, healthHoldMs: 0 }, true);
  const outcomes: CardReadOutcome[] = [];
  let removals = 0;
  driver.onIdentity((outcome) => outcomes.push(outcome));
  driver.onRemoved(() => removals++);
  driver.start();
  stop = async () => {
    await driver.stop();
    await link.close();
  };
  await until(() => driver.health.state === 'ok');
  return { link, reader, driver, outcomes, removals: () => removals };
}

describe('IdCardDriver', () => {
  it('probes with 11 FF, then polls find and reads once per placement', async () => {
    const { reader, outcomes, removals } = await setup();
    expect(reader.commands[0]).toBe('11 ff');
    reader.insert(SIM_PRESETS.longTerm);
    await until(() => outcomes.length === 1);
    const polls = reader.commands.length;
    await until(() => reader.commands.length > polls + 10);
    expect(outcomes).toHaveLength(1);
    expect(reader.commands.filter((c) => c === '30 1')).toHaveLength(1);
    reader.remove();
    await until(() => removals() === 1);
    reader.insert(SIM_PRESETS.longTerm);
    await until(() => outcomes.length === 2);
  });

  it('retries a failed read and gives up after three with the SW3 reason', async () => {
    const { reader, outcomes } = await setup();
    reader.failCommand('30 1', 0x41, 2);
    reader.insert(SIM_PRESETS.resident);
    await until(() => outcomes.length === 1);
    expect(outcomes[0]).toMatchObject({ ok: true, identity: { name: '张三' } });
    reader.remove();
    await new Promise((resolve) => setTimeout(resolve, 50));
    reader.failCommand('30 1', 0x41, 3);
    reader.insert(SIM_PRESETS.resident);
    await until(() => outcomes.length === 2);
    expect(outcomes[1]).toEqual({ ok: false, code: 'read_failed', message: '读证件失败，请重新放置证件' });
  });

  it('goes offline after two timeouts and comes back when the reader answers', async () => {
    const { reader, driver } = await setup();
    reader.silent = true;
    await until(() => driver.health.code === 'no_reply');
    expect(driver.health.state).toBe('offline');
    reader.silent = false;
    await until(() => driver.health.state === 'ok');
  });

  it('goes offline when unplugged and reconnects by itself', async () => {
    const { link, driver } = await setup();
    await link.unplug();
    expect(driver.health).toMatchObject({ state: 'offline', code: 'unplugged' });
    await link.replug();
    await until(() => driver.health.state === 'ok');
  });
});
