// 长辈模式 voice prompts in real Chromium against a real hall-server: every prompt, the very first one included, is the
// pack's offline clip, never the browser's speech. A fresh kiosk (not yet paired) shows home before its pack has
// loaded; the first prompt waits for the pack instead of falling back to speech that an offline hall may not have.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { newTerminalContext, VIEWPORTS } from '../support/browser.ts';
import { kioskReady, ITEM_REQUIRED, openItem, startKioskRig, type KioskRig } from './kiosk-helpers.ts';
import { heard as heardOn, recordVoiceIn } from './voice-helpers.ts';

let rig: KioskRig;
let context: BrowserContext;
let page: Page;

const clip = (step: string) => `clip /api/packs/files/ln-sample-county/1/voice/prompt-${step}.wav`;

const heard = () => heardOn(page);

beforeAll(async () => {
  rig = await startKioskRig();
  context = await newTerminalContext(rig.browser, VIEWPORTS.kiosk);
  await recordVoiceIn(context);
  page = await context.newPage();
});
afterAll(async () => {
  await context?.close();
  await rig?.close();
});

async function openSenior(): Promise<void> {
  await page.goto(`${rig.hall.url}/kiosk?${new URLSearchParams({ bridge: rig.bridge.url, mode: 'senior' })}`);
  await kioskReady(page);
}

/** The 长辈模式 home question: the answer's items are a home screen too, with the home prompt (after the first ends). */
async function answerHomeQuestion(): Promise<void> {
  await page.getByTestId('answer-resident').tap();
  await expect.poll(heard, { timeout: 30_000 }).toEqual([clip('home')]);
}

describe('kiosk 长辈模式 voice prompts', () => {
  it('plays the pack clip for the first home prompt of a kiosk that starts before its pack has loaded', async () => {
    // A fresh browser profile: no pairing token, so the boot screen has no pack and the flow starts without one.
    expect((await context.storageState()).origins).toEqual([]);
    await openSenior();
    await expect.poll(heard).toEqual([clip('home')]);
    await answerHomeQuestion();
    await openItem(page, ITEM_REQUIRED);
    // The guide's prompt waits for the home prompt to end: a prompt is never cut by the next screen's.
    await expect.poll(heard, { timeout: 30_000 }).toEqual([clip('home'), clip('guide')]);
  });

  it('plays the home clip once after a reload, when the boot screen already had the pack', async () => {
    await openSenior();
    await expect.poll(heard).toEqual([clip('home')]);
    // The hall's copy of the pack replaces the boot screen's: no second home prompt but the answer's.
    await answerHomeQuestion();
    await openItem(page, ITEM_REQUIRED);
    await expect.poll(heard, { timeout: 30_000 }).toEqual([clip('home'), clip('guide')]);
  });
});
