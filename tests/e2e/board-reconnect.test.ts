// The board survives a hall-server restart: "连接中断" shows, it reconnects by itself with backoff, and a call made
// while it was away is shown and read, not lost.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { spawnTestHall, type SpawnedHall } from '../support/hall.ts';
import { axeViolations, launchBrowser, newTerminalContext, screenshot, VIEWPORTS } from '../support/browser.ts';
import { clipLog, clipUrls, distReady, issueTicket, openBoard, SERVICE_A } from './board-helpers.ts';

let hall: SpawnedHall;
let browser: Browser;
let page: Page;
const dataDir = mkdtempSync(join(tmpdir(), 'board-reconnect-'));

beforeAll(async () => {
  distReady();
  hall = await spawnTestHall({ dataDir });
  browser = await launchBrowser();
  page = await openBoard(await newTerminalContext(browser, VIEWPORTS.board), hall.url);
  await page.locator('h1', { hasText: '示例县医疗保障服务大厅' }).waitFor();
});

afterAll(async () => {
  await browser?.close();
  await hall?.close(false);
  rmSync(dataDir, { recursive: true, force: true });
});

describe('board across a hall-server restart', () => {
  it('shows 连接中断, reconnects by itself and catches up with a call made while it was away', async () => {
    const port = hall.port;
    const kiosk = await hall.pair('kiosk');
    const counter = await hall.pair('counter', 1);
    expect((await hall.api('POST', '/api/windows/1/sign-in', { staffId: '20101' }, counter)).status).toBe(200);
    await issueTicket(hall, kiosk, SERVICE_A);

    await hall.kill9();
    await expect.poll(() => page.getByRole('status').filter({ hasText: '连接中断' }).count(), { timeout: 30_000 }).toBe(1);
    await screenshot(page, 'board-disconnected');
    expect(await axeViolations(page)).toEqual([]);

    hall = await spawnTestHall({ dataDir, port });
    // Called right after the restart, before the board is back: it must arrive by resume or snapshot.
    const called = await hall.api('POST', '/api/windows/1/call-next', {}, counter);
    expect(called.status).toBe(200);
    expect(called.body.ticket.number).toBe('A001');

    await expect.poll(() => page.getByRole('status').filter({ hasText: '连接中断' }).count(), { timeout: 30_000 }).toBe(0);
    await expect.poll(() => page.getByTestId('current-calls').textContent(), { timeout: 15_000 }).toContain('A001请到1号窗口');
    await expect.poll(() => clipLog(page), { timeout: 30_000 }).toHaveLength(22);
    const reading = clipUrls(['chime', 'qing', 'letter-A', 'digit-0', 'digit-0', 'digit-1', 'hao', 'dao', 'digit-1', 'hao', 'chuangkou-banli']);
    expect(await clipLog(page)).toEqual([...reading, ...reading]);
    await screenshot(page, 'board-reconnected');
  });
});
