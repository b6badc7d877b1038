// Real Chromium for browser tests: launch, axe check, screenshots. Shared by every screen's e2e tests.
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';

export const CHROMIUM_PATH = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--headless',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--autoplay-policy=no-user-gesture-required',
  // Native controls (date pickers) follow the browser's UI language, not the page's locale.
  '--lang=zh-CN',
];

/** Screen sizes of the terminals. */
export const VIEWPORTS = {
  kiosk: { width: 1080, height: 1920 },
  board: { width: 1920, height: 1080 },
  pad: { width: 1280, height: 800 },
  admin: { width: 1440, height: 900 },
} as const;

export async function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS, ...extraArgs] });
}

/** A fresh context (axe needs `browser.newContext()`), touch enabled, zh-CN. */
export async function newTerminalContext(
  browser: Browser,
  viewport: { width: number; height: number },
  opts: { serviceWorkers?: 'allow' | 'block' } = {},
): Promise<BrowserContext> {
  const context = await browser.newContext({
    viewport,
    hasTouch: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    serviceWorkers: opts.serviceWorkers ?? 'block',
  });
  // Actions and waits end on a state (visible, stable, shown); this is only their ceiling, well above what a loaded
  // machine needs and below the e2e test timeout, so a hang still fails with the step that hung.
  context.setDefaultTimeout(ACTION_CEILING_MS);
  return context;
}

export const ACTION_CEILING_MS = 120_000;

export interface AxeViolationSummary {
  id: string;
  impact: string | null | undefined;
  help: string;
  targets: string[];
}

/** Runs axe with the tags this product holds (wcag2a, wcag2aa, wcag21aa, wcag22aa) and returns the violations, short. */
export async function axeViolations(page: Page): Promise<AxeViolationSummary[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze();
  return result.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    targets: v.nodes.map((n) => n.target.join(' ')),
  }));
}

const here = dirname(fileURLToPath(import.meta.url));
export const SCREENSHOT_DIR = join(here, '..', 'artifacts', 'screenshots');

/** Saves a full-viewport PNG under tests/artifacts/screenshots/<name>.png and returns its path. */
export async function screenshot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, animations: 'disabled', fullPage: options.fullPage === true });
  return path;
}

export interface TargetSize {
  label: string;
  width: number;
  height: number;
}

/** Every visible button, link and form control with its rendered size, for target-size checks. */
export async function tapTargets(page: Page): Promise<TargetSize[]> {
  return page.evaluate(() => {
    const nodes = Array.from(document.querySelectorAll<HTMLElement>('button, a[href], input, select, [role="button"], [role="switch"]'));
    return nodes
      .filter((el) => {
        const rect = el.getBoundingClientRect();
        const style = getComputedStyle(el);
        return rect.width > 0 && rect.height > 0 && style.visibility !== 'hidden' && !el.closest('[aria-hidden="true"]');
      })
      .map((el) => {
        const rect = el.getBoundingClientRect();
        return { label: (el.textContent ?? el.getAttribute('aria-label') ?? '').trim().slice(0, 40), width: rect.width, height: rect.height };
      });
  });
}

/** Computed font size (px) of every visible element that directly holds text. */
export async function textSizes(page: Page): Promise<Array<{ text: string; px: number }>> {
  return page.evaluate(() => {
    const out: Array<{ text: string; px: number }> = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = (node.textContent ?? '').trim();
      const parent = node.parentElement;
      if (!text || !parent) continue;
      if (parent.closest('.visually-hidden, [aria-hidden="true"], svg, script, style')) continue;
      const rect = parent.getBoundingClientRect();
      if (rect.width === 0 || rect.height === 0) continue;
      out.push({ text: text.slice(0, 30), px: parseFloat(getComputedStyle(parent).fontSize) });
    }
    return out;
  });
}
