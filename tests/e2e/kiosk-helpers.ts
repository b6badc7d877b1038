// The kiosk's browser-test rig: a real hall-server (with the 医保电子凭证 stand-in configured), a real device-bridge with
// simulated devices over pseudo-terminals, and Chromium showing /kiosk at 1080×1920.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startEcQueryStandin, type EcQueryStandin } from '../support/ecard-standin.ts';
import { startTestBridge, type TestBridge, type TestPage } from '../support/bridge.ts';
import { axeViolations, launchBrowser, newTerminalContext, screenshot, tapTargets, textSizes, VIEWPORTS } from '../support/browser.ts';
import { startTestHall, type TestHall, type TestHallOptions } from '../support/hall.ts';
import { distReady } from './board-helpers.ts';

/** 城乡居民参保登记: identity required, prefix A, 绿色通道 from 70. */
export const ITEM_REQUIRED = '212036001003';
/** 职工参保登记: identity optional (无证件取号 allowed). */
export const ITEM_OPTIONAL = '212036001002';

/** Home is ready: its item tiles, or in 长辈模式 the sample pack's home question. */
export const HOME_READY = '[data-kiosk-ready] [data-testid^="item-"], [data-kiosk-ready] [data-testid^="answer-"]';

/** The sample pack's 长辈模式 answer that leads to each item the tests use (content/packs/sample/kiosk.json). */
export const SENIOR_ANSWER: Record<string, string> = {
  [ITEM_REQUIRED]: 'resident',
  [ITEM_OPTIONAL]: 'employee',
  '212036002003': 'resident',
};

/** Opens an item's guide from home: in 长辈模式 by answering the home question first. */
export async function openItem(page: Page, code: string): Promise<void> {
  if ((await page.getByTestId('senior-question').count()) === 1) {
    const answer = SENIOR_ANSWER[code];
    if (!answer) throw new Error(`no 长辈模式 answer known for item ${code}`);
    await page.getByTestId(`answer-${answer}`).tap();
    await page.locator('.screen-body:not([data-away]) [data-testid="page-status"], .screen-body:not([data-away]) [data-testid^="item-"]').first().waitFor();
  }
  await page.getByTestId(`item-${code}`).tap();
  await page.getByTestId('screen-guide').waitFor();
}

/** A 医保电子凭证 QR payload the stand-in decode service knows (opaque to the kiosk and the bridge). */
export const ECARD_QR = 'ECQR1:9f8e7d6c5b4a39281706f5e4d3c2b1a0-demo-resident-0001';
export const ECARD_PERSON = { userName: '赵丽华', idNo: '210102196703150027' };

export interface KioskRig {
  hall: TestHall;
  bridge: TestBridge;
  sim: TestPage;
  ecard: EcQueryStandin;
  browser: Browser;
  open(mode: 'normal' | 'senior', opts?: { clock?: boolean }): Promise<{ page: Page; context: BrowserContext }>;
  close(): Promise<void>;
}

/** `hall`: settings of the test hall, e.g. a pinned clock and the issuing schedule switched on. */
export async function startKioskRig(options: { hall?: Pick<TestHallOptions, 'config' | 'now' | 'onModules'> } = {}): Promise<KioskRig> {
  distReady();
  const ecard = await startEcQueryStandin({ [ECARD_QR]: ECARD_PERSON });
  const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-e2e-'));
  writeFileSync(join(dataDir, 'identity.json'), JSON.stringify({ ecQuery: { url: ecard.url, orgId: 'H21010200001' } }));
  const hall = await startTestHall({ ...options.hall, dataDir });
  const bridge = await startTestBridge({ allowedOrigins: [hall.url] });
  const sim = await bridge.connect(hall.url);
  const browser = await launchBrowser();
  const contexts: BrowserContext[] = [];
  return {
    hall,
    bridge,
    sim,
    ecard,
    browser,
    async open(mode, opts = {}) {
      const context = await newTerminalContext(browser, VIEWPORTS.kiosk);
      contexts.push(context);
      const page = await context.newPage();
      if (opts.clock) await page.clock.install();
      const query = new URLSearchParams({ bridge: bridge.url, ...(mode === 'senior' ? { mode: 'senior' } : {}) });
      await page.goto(`${hall.url}/kiosk?${query}`);
      await kioskReady(page);
      return { page, context };
    },
    async close() {
      for (const context of contexts) await context.close().catch(() => undefined);
      await browser.close();
      await bridge.close();
      await hall.close();
      await ecard.close();
    },
  };
}

/** Screenshot, axe, and the size figures of the mode, for one screen. */
export async function checkScreen(page: Page, name: string, mode: 'normal' | 'senior'): Promise<void> {
  await page.evaluate(() => document.fonts.ready);
  await screenshot(page, `kiosk-${name}-${mode}`);
  expect(await axeViolations(page), `axe on ${name} (${mode})`).toEqual([]);
  const minFont = mode === 'senior' ? 36 : 24;
  const minTarget = mode === 'senior' ? 96 : 72;
  const small = (await textSizes(page)).filter((t) => t.px < minFont);
  expect(small, `text below ${minFont}px on ${name} (${mode})`).toEqual([]);
  const tiny = (await tapTargets(page)).filter((t) => t.width < minTarget || t.height < minTarget);
  expect(tiny, `targets below ${minTarget}px on ${name} (${mode})`).toEqual([]);
}

/** No full ID number and no unmasked name anywhere in the page (DOM text and attributes). */
export async function expectNoPersonalData(page: Page, person: { name: string; idNumber: string }): Promise<void> {
  const html = await page.evaluate(() => document.documentElement.outerHTML);
  expect(html).not.toContain(person.idNumber);
  expect(html).not.toContain(person.name);
}

export async function tap(page: Page, testId: string): Promise<void> {
  await page.getByTestId(testId).tap();
}

/** Back to an untouched home screen, whatever the previous test left (reloads only when needed). */
export async function backHome(page: Page): Promise<void> {
  const untouched =
    (await page.getByTestId('screen-home').count()) === 1 &&
    (await page.getByTestId('idle-overlay').count()) === 0 &&
    !(await page.getByTestId('back').isVisible());
  if (untouched) return;
  await page.reload();
  await kioskReady(page);
}

/** Home shown and the page's link to the bridge open: home can show first, and a scan or a card sent before the link
 * is open reaches no page. */
export async function kioskReady(page: Page): Promise<void> {
  await page.locator(HOME_READY).first().waitFor({ timeout: 20_000 });
  await page.locator('[data-kiosk-ready][data-bridge="open"]').waitFor({ timeout: 20_000 });
}
