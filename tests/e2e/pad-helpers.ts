// Shared steps of the pad and counter browser tests.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ROOT, TEST_ADMIN, TEST_ADMIN_PASSWORD, type TestHall } from '../support/hall.ts';
import { newTerminalContext, VIEWPORTS } from '../support/browser.ts';
import { testIdentity } from '../support/citizens.ts';

export function distReady(): void {
  if (!existsSync(join(ROOT, 'dist/index.html'))) throw new Error('dist/ is missing: run `npx vite build` first (npm test does)');
}

/** 城乡居民参保登记, served at windows 1 and 2 of the sample pack. */
export const SERVICE_A = '212036001003';

let seq = 0;
export async function issueTicket(hall: TestHall, kioskToken: string, serviceCode = SERVICE_A): Promise<{ id: string; number: string }> {
  const res = await hall.api('POST', '/api/tickets', { idempotencyKey: `pad-e2e-${process.pid}-${Date.now()}-${seq++}`, serviceCode, identity: testIdentity() }, kioskToken);
  if (res.status !== 200 && res.status !== 201) throw new Error(`ticket not issued: ${JSON.stringify(res.body)}`);
  return { id: res.body.ticket.id, number: res.body.ticket.number };
}

/** A pad context whose Date reads `at` (timers keep running), for a hall-server running on a shifted clock. */
export async function padContext(browser: Browser, at?: Date): Promise<BrowserContext> {
  const context = await newTerminalContext(browser, VIEWPORTS.pad);
  if (at) await context.clock.setFixedTime(at);
  return context;
}

export async function openPad(context: BrowserContext, hallUrl: string, window: number, query = ''): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${hallUrl}/pad/${window}${query}`);
  await page.locator('.pad-header').waitFor();
  return page;
}

export async function openCounter(
  browser: Browser,
  hallUrl: string,
  window: number,
  query = '',
  at?: Date,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await newTerminalContext(browser, VIEWPORTS.pad);
  if (at) await context.clock.setFixedTime(at);
  const page = await context.newPage();
  await page.goto(`${hallUrl}/counter/${window}${query}`);
  await page.locator('.counter-header').waitFor();
  return { context, page };
}

export async function signIn(page: Page, staffId: string): Promise<void> {
  await page.getByLabel('工号').fill(staffId);
  await page.getByRole('button', { name: '签到' }).click();
  await page.getByTestId('signed-in').waitFor();
}

/** An admin console context already logged in (the session the console's login would store). */
export async function adminContext(browser: Browser, hall: TestHall, start?: Date): Promise<BrowserContext> {
  const login = await hall.api('POST', '/api/admin/login', { staffNo: TEST_ADMIN.staffNo, password: TEST_ADMIN_PASSWORD });
  if (login.status !== 200) {
    await hall.admin();
    return adminContext(browser, hall, start);
  }
  const context = await newTerminalContext(browser, VIEWPORTS.admin);
  if (start) await context.clock.setFixedTime(start);
  const value = JSON.stringify({ token: login.body.token, principal: login.body.principal, demo: false });
  await context.addInitScript((v: string) => localStorage.setItem('yibao.hall.session.admin', v), value);
  return context;
}

export async function waitFor<T>(probe: () => Promise<T | null | undefined | false>, timeoutMs = 15_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
}
