// Shared steps of the board's browser tests.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { ROOT, type TestHall } from '../support/hall.ts';
import { testIdentity } from '../support/citizens.ts';

/** 城乡居民参保登记 in the sample pack: prefix A, served at windows 1 and 2. */
export const SERVICE_A = '212036001003';
export const SAMPLE_PACK_ID = 'ln-sample-county';

export function distReady(): void {
  if (!existsSync(join(ROOT, 'dist/index.html'))) throw new Error('dist/ is missing: run `npx vite build` first (npm test does)');
}

export function clipUrls(names: string[], version = 1): string[] {
  return names.map((n) => `/api/packs/files/${SAMPLE_PACK_ID}/${version}/voice/${n}.wav`);
}

/** Opens /board recording every clip the board starts playing (pathnames, in order). */
export async function openBoard(context: BrowserContext, hallUrl: string): Promise<Page> {
  await context.addInitScript(() => {
    const log: string[] = [];
    (window as unknown as { __clips: string[] }).__clips = log;
    window.addEventListener('voice-clip', (event) => {
      const url = (event as CustomEvent<{ url: string | null }>).detail.url;
      log.push(url ? new URL(url, location.href).pathname : '(missing)');
    });
  });
  const page = await context.newPage();
  await page.goto(`${hallUrl}/board`);
  await page.getByTestId('board').waitFor();
  return page;
}

export function clipLog(page: Page): Promise<string[]> {
  return page.evaluate(() => [...(window as unknown as { __clips: string[] }).__clips]);
}

let key = 0;
export async function issueTicket(hall: TestHall, kioskToken: string, serviceCode: string): Promise<string> {
  const res = await hall.api('POST', '/api/tickets', { idempotencyKey: `board-test-${Date.now()}-${key++}`, serviceCode, identity: testIdentity() }, kioskToken);
  if (res.status !== 200 && res.status !== 201) throw new Error(`ticket not issued: ${JSON.stringify(res.body)}`);
  return res.body.ticket.number as string;
}
