// Every kiosk state and error is heard, in real Chromium against a real hall and a real bridge with simulated devices:
// in 长辈模式 the confirm prompt that names the 绿色通道 choice, a failed read, a reader out of order, the printer out of
// paper, the help confirmation and the idle countdown each start their pack clip; outside 长辈模式 the countdown too.
// A ticket taken in 长辈模式 is stored as a senior ticket. (Network down, issue failed and item closed are mapped to their
// clips in kiosk-app/kiosk/statePrompts.test.ts.)
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kioskReady, ITEM_OPTIONAL, ITEM_REQUIRED, openItem, startKioskRig, tap, type KioskRig } from './kiosk-helpers.ts';
import { expectPromptStarted, heard, recordVoiceIn } from './voice-helpers.ts';

let rig: KioskRig;

beforeAll(async () => {
  rig = await startKioskRig();
});
afterAll(() => rig?.close());

async function openWithVoice(mode: 'normal' | 'senior', clock = false): Promise<Page> {
  const { page, context } = await rig.open(mode, { clock });
  await recordVoiceIn(context);
  // The init script applies from the next load.
  await page.reload();
  await kioskReady(page);
  return page;
}

async function toIdentify(page: Page, item: string): Promise<void> {
  await openItem(page, item);
  await tap(page, 'take-ticket');
  await page.getByTestId('screen-identify').waitFor();
}

describe('kiosk states and errors, spoken', () => {
  it('长辈模式: confirm with the 绿色通道, failed read, reader out of order, printer out of paper, help; the ticket is a senior ticket', async () => {
    const page = await openWithVoice('senior');
    await toIdentify(page, ITEM_REQUIRED);
    await rig.sim.sim({ action: 'scan', code: 'ECQR1:00000000000000000000000000000000-expired' });
    await page.getByTestId('identify-error').waitFor({ timeout: 15_000 });
    await expectPromptStarted(page, 'identify-failed');

    await rig.sim.sim({ action: 'card.insert', reader: 'idcard', preset: 'senior' });
    await page.getByTestId('green-offer').waitFor({ timeout: 15_000 });
    await expectPromptStarted(page, 'confirm-green');
    expect((await heard(page)).filter((h) => h.endsWith('/prompt-confirm.wav')), 'the plain confirm prompt').toEqual([]);
    await rig.sim.sim({ action: 'card.remove', reader: 'idcard' });
    await tap(page, 'home');
    await page.getByTestId('screen-home').waitFor();

    await rig.sim.sim({ action: 'device.unplug', device: 'sscard' });
    await toIdentify(page, ITEM_REQUIRED);
    await expect.poll(() => page.getByTestId('method-sscard').getAttribute('data-state'), { timeout: 15_000 }).toBe('offline');
    await expectPromptStarted(page, 'readers-offline');
    await rig.sim.sim({ action: 'device.replug', device: 'sscard' });
    await tap(page, 'home');
    await page.getByTestId('screen-home').waitFor();

    await rig.sim.sim({ action: 'printer.paper', paper: 'out' });
    await toIdentify(page, ITEM_OPTIONAL);
    await tap(page, 'without-document');
    await tap(page, 'issue');
    await page.getByTestId('screen-ticket').waitFor();
    await expect.poll(() => page.getByTestId('print-status').getAttribute('data-print'), { timeout: 20_000 }).toBe('failed');
    await expectPromptStarted(page, 'paper-out');
    const number = await page.getByTestId('ticket-number').textContent();
    const queue = await rig.hall.api('GET', '/api/queue', undefined, await rig.hall.admin());
    expect((queue.body.waiting as Array<{ number: string; senior: boolean }>).find((t) => t.number === number)?.senior).toBe(true);
    await rig.sim.sim({ action: 'printer.paper', paper: 'ok' });

    await tap(page, 'help-button');
    await expect.poll(() => page.getByTestId('help-status').textContent()).toBe('工作人员马上就到，请您稍等');
    await expectPromptStarted(page, 'help-sent');
    // Each was the pack's clip, never the browser's speech.
    expect((await heard(page)).filter((h) => !h.startsWith('clip '))).toEqual([]);
  }, 300_000);

  for (const mode of ['normal', 'senior'] as const) {
    it(`${mode}: the idle countdown is spoken`, async () => {
      const page = await openWithVoice(mode, true);
      await toIdentify(page, ITEM_REQUIRED);
      await page.clock.fastForward(mode === 'senior' ? 121_000 : 61_000);
      await page.getByTestId('idle-overlay').waitFor();
      await expectPromptStarted(page, 'idle-countdown');
      await tap(page, 'idle-continue');
      await page.getByTestId('idle-overlay').waitFor({ state: 'detached' });
    }, 180_000);
  }
});
