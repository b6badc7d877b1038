// Nothing is lost: the hall-server is stopped after each prompt reaches the pad, the citizen rates while it is down
// (the rating waits in the pad's IndexedDB outbox, across a reload from the service worker while the server is down,
// and across the page dying), the server comes back, and at the end all 20 ratings are stored exactly once.
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseHallConfig } from '../../hall-server/config/load.ts';
import { startHall, type RunningHall } from '../../hall-server/core/hall.ts';
import { loadStartupPack } from '../../hall-server/core/startup-pack.ts';
import { hallModules } from '../../hall-server/modules.ts';
import { launchBrowser, newTerminalContext, screenshot, VIEWPORTS } from '../support/browser.ts';
import { readSetupCode, SAMPLE_PACK, TEST_ADMIN } from '../support/hall.ts';
import { distReady, openPad, SERVICE_A, waitFor } from './pad-helpers.ts';
import { testIdentity } from '../support/citizens.ts';
import { demoKeyFile } from '../../hall-server/core/keys.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'pad-offline-'));
const config = parseHallConfig({ demo: true, queue: { enforceIssuingHours: false } });
const pack = loadStartupPack(SAMPLE_PACK);
let running: RunningHall | null = null;
let port = 0;
let browser: Browser;

async function up(): Promise<RunningHall> {
  running = await startHall({ dataDir, config, port, modules: hallModules(config), fallbackPack: pack, startupPack: SAMPLE_PACK });
  port = running.port;
  return running;
}

async function down(): Promise<void> {
  await running?.close();
  running = null;
}

async function call(method: string, path: string, body: unknown, token?: string) {
  const res = await fetch(`http://127.0.0.1:${port}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, any> }; // any: response fields read by the test
}

function storedRatings(): { id: string; ticket_id: string; score: number }[] {
  const db = new Database(join(dataDir, 'hall.sqlite'), { readonly: true });
  try {
    return db.prepare('SELECT id, ticket_id, score FROM ratings ORDER BY stored_at').all() as { id: string; ticket_id: string; score: number }[];
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  distReady();
  await up();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await down();
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(dirname(demoKeyFile(dataDir)), { recursive: true, force: true });
});

describe('pad outbox with the hall-server stopped', () => {
  it('takes 20 ratings while the server is down and stores each exactly once when it is back', async () => {
    const kiosk = (await call('POST', '/api/pairing/demo', { role: 'kiosk' })).body.token as string;
    const counter = (await call('POST', '/api/pairing/demo', { role: 'counter', window: 1 })).body.token as string;
    await call('POST', '/api/admin/setup', { setupCode: readSetupCode(dataDir), ...TEST_ADMIN });
    expect((await call('POST', '/api/windows/1/sign-in', { staffId: '20101' }, counter)).status).toBe(200);

    const context = await newTerminalContext(browser, VIEWPORTS.pad, { serviceWorkers: 'allow' });
    let pad = await openPad(context, `http://127.0.0.1:${port}`, 1);
    await pad.getByText('李明华').waitFor();
    expect(await pad.evaluate(async () => Boolean(await navigator.serviceWorker.ready))).toBe(true);

    const tickets: string[] = [];
    const scores = [5, 4, 3, 5, 5, 4, 5, 3, 4, 5, 5, 5, 4, 3, 5, 4, 5, 5, 4, 5];
    for (let i = 0; i < 20; i++) {
      if (!running) await up();
      const issued = await call('POST', '/api/tickets', { idempotencyKey: `offline-${i}-${Date.now()}`, serviceCode: SERVICE_A, identity: testIdentity() }, kiosk);
      expect(issued.status).toBe(201);
      tickets.push(issued.body.ticket.id);
      expect((await call('POST', '/api/windows/1/call-next', {}, counter)).status).toBe(200);
      expect((await call('POST', '/api/windows/1/finish', {}, counter)).status).toBe(200);
      // The pad reconnects with backoff after each outage; on a busy machine that can take a while.
      await pad.getByRole('heading', { name: '请您对本次服务进行评价' }).waitFor({ timeout: 40_000 });
      // The prompt comes with the reconnect, and so does the upload of the rating taken while the server was down: the
      // server is stopped only once the pad has it acknowledged (stopped sooner, the upload or its acknowledgement is
      // cut off and that rating, rightly still waiting, makes it 2 条 with the next one).
      await pad.getByText(/条评价已保存，待上传/).waitFor({ state: 'hidden' });

      await down();
      await pad.getByTestId(`level-${scores[i]}`).click();
      await pad.getByRole('heading', { name: '感谢您的评价！' }).waitFor();
      await pad.getByText('1 条评价已保存，待上传').waitFor();
      expect(storedRatings().map((r) => r.ticket_id)).not.toContain(tickets[i]);
      if (i === 9) {
        await screenshot(pad, 'pad-offline-pending');
        // Power cut with the server still down: the page comes back from the service worker's cache and finds the
        // rating in its IndexedDB outbox.
        await pad.reload();
        await pad.getByText('1 条评价已保存，待上传').waitFor();
        await screenshot(pad, 'pad-offline-after-reload');
      }
      if (i === 14) {
        // The page dies and starts again only once the server is back.
        await pad.close();
        await up();
        pad = await openPad(context, `http://127.0.0.1:${port}`, 1);
        await waitFor(async () => storedRatings().some((r) => r.ticket_id === tickets[14]));
      }
    }
    await up();
    const all = await waitFor(async () => {
      const rows = storedRatings();
      return rows.length === 20 ? rows : null;
    }, 60_000);
    expect(all.map((r) => r.ticket_id).sort()).toEqual([...tickets].sort());
    expect(new Set(all.map((r) => r.id)).size).toBe(20);
    const byTicket = new Map(all.map((r) => [r.ticket_id, r.score]));
    expect(tickets.map((t) => byTicket.get(t))).toEqual(scores);
    await context.close();
  }, 240_000);
});
