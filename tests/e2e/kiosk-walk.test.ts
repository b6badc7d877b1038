// The whole kiosk flow walked in real Chromium against a real hall-server and device-bridge, in both modes: home
// (长辈模式: the pack's question, then the answer's items) → guide → identify → confirm → 一次性告知 → ticket → thanks,
// then the printer out of paper, the idle countdown and help. Every step is checked the same way: text and target sizes
// (24/72 px, 长辈模式 36/96 px), contrast (axe 4.5:1; 长辈模式 also 7:1), axe 0, every enabled control inside the viewport
// and none overlapping, at most 4 choices a screen in 长辈模式, a voice clip started (长辈模式 speaks every step), and a
// decision screen that stays put until the citizen acts. Time is moved with Playwright's clock; everything else is real.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { newTerminalContext, VIEWPORTS } from '../support/browser.ts';
import { choiceCount, enhancedContrastViolations, layoutProblems } from '../support/layout.ts';
import { idlePolicyFor } from '../../kiosk-app/shared/ui/idle.ts';
import { checkScreen, kioskReady, ITEM_OPTIONAL, ITEM_REQUIRED, startKioskRig, tap, type KioskRig } from './kiosk-helpers.ts';

type Mode = 'normal' | 'senior';

let rig: KioskRig;
beforeAll(async () => {
  rig = await startKioskRig();
});
afterAll(() => rig?.close());

/** Records every clip the page starts, in order (the prompts are the pack's offline clips). */
function recordClips(): void {
  const heard: string[] = [];
  Object.defineProperty(window, '__heard', { value: heard });
  const play = HTMLMediaElement.prototype.play;
  HTMLMediaElement.prototype.play = function (this: HTMLMediaElement) {
    heard.push(new URL(this.src).pathname);
    return play.call(this);
  };
}

const promptClip = (step: string) => `/api/packs/files/ln-sample-county/1/voice/prompt-${step}.wav`;

/** Time a decision screen is watched for moving on by itself: WCAG 2.2.1's 20 s. The jumps of the page's fake clock can
 * take it past the hall link's dead-link time since the last real ping (the hall pings every 10 s of real time, and a
 * jump adds to the time since then); the kiosk then reconnects at once, and as the hall answers that attempt it says
 * nothing of a network problem: a dropped link whose reconnect succeeds is not an outage. */
const WATCH_MS: Record<Mode, number> = { normal: 20_000, senior: 20_000 };

class Walk {
  private clipsSeen = 0;
  constructor(
    readonly page: Page,
    readonly mode: Mode,
  ) {}

  private heard(): Promise<string[]> {
    return this.page.evaluate(() => (window as unknown as { __heard: string[] }).__heard.slice());
  }

  /** The checks of every step. `prompt`: the step whose clip 长辈模式 plays; `decision`: the screen waits for the citizen. */
  async step(name: string, opts: { prompt: string | readonly string[] | null; decision: boolean; screen: string }): Promise<void> {
    const { page, mode } = this;
    await page.getByTestId(opts.screen).waitFor();
    if (mode === 'senior' && opts.prompt) {
      // A clip starts for this step: a new entry, and the step's own clip, after what was heard before.
      const clips = (Array.isArray(opts.prompt) ? opts.prompt : [opts.prompt]).map((p) => promptClip(p));
      await expect
        .poll(async () => (await this.heard()).slice(this.clipsSeen).some((heard) => clips.includes(heard)), { timeout: 30_000, message: `voice on ${name}: ${JSON.stringify((await this.heard()).slice(this.clipsSeen))}` })
        .toBe(true);
      this.clipsSeen = (await this.heard()).length;
    }
    if (mode === 'senior') {
      // The hall is up throughout: the kiosk never tells the citizen the network is down.
      expect(await this.heard(), `network-down heard by ${name}`).not.toContain(promptClip('network-down'));
    }
    await checkScreen(page, `walk-${name}`, mode);
    const layout = await layoutProblems(page);
    expect(layout.outside, `controls outside the viewport on ${name} (${mode})`).toEqual([]);
    expect(layout.overlapping, `overlapping controls on ${name} (${mode})`).toEqual([]);
    expect(layout.squeezed, `squeezed icons on ${name} (${mode})`).toEqual([]);
    if (mode === 'senior') {
      expect(await enhancedContrastViolations(page), `7:1 contrast on ${name}`).toEqual([]);
      expect(await choiceCount(page), `choices on ${name}`).toBeLessThanOrEqual(4);
    }
    if (opts.decision) {
      // A touch on the header (no control there) restarts the idle time, so only a screen's own timer could move it.
      await page.mouse.click(540, 40);
      await page.clock.fastForward(WATCH_MS[mode]);
      expect(await page.getByTestId(opts.screen).count(), `${name} moved on by itself`).toBe(1);
      expect(await page.getByTestId('idle-overlay').count()).toBe(0);
    }
  }
}

async function openKiosk(mode: Mode): Promise<{ context: BrowserContext; walk: Walk }> {
  const context = await newTerminalContext(rig.browser, VIEWPORTS.kiosk);
  await context.addInitScript(recordClips);
  const page = await context.newPage();
  await page.clock.install();
  const query = new URLSearchParams({ bridge: rig.bridge.url, ...(mode === 'senior' ? { mode: 'senior' } : {}) });
  await page.goto(`${rig.hall.url}/kiosk?${query}`);
  await kioskReady(page);
  return { context, walk: new Walk(page, mode) };
}

const PRESET: Record<Mode, 'resident' | 'senior'> = { normal: 'resident', senior: 'senior' };

for (const mode of ['normal', 'senior'] as const) {
  describe(`the whole kiosk flow (${mode === 'senior' ? '长辈模式' : 'normal mode'})`, () => {
    let context: BrowserContext;
    let walk: Walk;
    let page: Page;
    beforeAll(async () => {
      ({ context, walk } = await openKiosk(mode));
      page = walk.page;
    });
    afterAll(() => context?.close());

    it('home → guide → identify → confirm → 一次性告知 → ticket → thanks', async () => {
      await walk.step('01-home', { prompt: 'home', decision: true, screen: 'screen-home' });
      if (mode === 'senior') {
        expect(await page.getByTestId('senior-question').textContent()).toBe('请问您要办哪一类事？');
        expect(await page.locator('[data-testid^="answer-"]').allTextContents()).toEqual([
          '个人-居民城乡居民医保、医疗救助', '个人-职工职工医保、生育保险', '单位参保单位查询缴费', '其他事项异地就医、报销、转移',
        ]);
        await tap(page, 'answer-resident');
        await page.locator('.screen-body:not([data-away]) [data-testid="page-status"]').waitFor();
        // The answer's item screens are still the home step, whose clip was started on 01-home and is said once a step.
        await walk.step('02-items', { prompt: null, decision: true, screen: 'screen-home' });
        expect(await page.locator('.screen-body:not([data-away]) [data-testid^="item-"]').count()).toBe(4);
        await tap(page, 'page-next');
        await expect.poll(() => page.getByTestId('page-status').textContent()).toBe('2 / 2');
        await walk.step('03-items-more', { prompt: null, decision: true, screen: 'screen-home' });
        await tap(page, 'page-prev');
        await expect.poll(() => page.getByTestId('page-status').textContent()).toBe('1 / 2');
      } else {
        await tap(page, 'page-next');
        await expect.poll(() => page.getByTestId('page-status').textContent()).toContain('第 2 页');
        await walk.step('02-home-page2', { prompt: 'home', decision: true, screen: 'screen-home' });
        await tap(page, 'page-prev');
        await expect.poll(() => page.getByTestId('page-status').textContent()).toContain('第 1 页');
      }
      await tap(page, `item-${ITEM_REQUIRED}`);
      await walk.step('04-guide', { prompt: 'guide', decision: true, screen: 'screen-guide' });
      await tap(page, 'take-ticket');
      await walk.step('05-identify', { prompt: 'identify', decision: true, screen: 'screen-identify' });
      await rig.sim.sim({ action: 'card.insert', reader: 'idcard', preset: PRESET[mode] });
      await page.getByTestId('screen-confirm').waitFor({ timeout: 15_000 });
      await rig.sim.sim({ action: 'card.remove', reader: 'idcard' });
      // With the 绿色通道 offered the confirm step's clip is the one that names it.
      await walk.step('06-confirm', { prompt: ['confirm', 'confirm-green'], decision: true, screen: 'screen-confirm' });
      await tap(page, mode === 'senior' ? 'green-yes' : 'confirm-identity');
      await walk.step('07-notice', { prompt: 'notice', decision: true, screen: 'screen-notice' });
      await tap(page, 'issue');
      await page.getByTestId('screen-ticket').waitFor();
      await expect.poll(() => page.getByTestId('print-status').getAttribute('data-print'), { timeout: 15_000 }).toBe('printed');
      await walk.step('08-ticket', { prompt: 'ticket', decision: true, screen: 'screen-ticket' });
      await tap(page, 'finish');
      // The thanks clip queues behind the ticket's number; that it plays whole, after it, is kiosk-senior-voice's check.
      await walk.step('09-thanks', { prompt: null, decision: false, screen: 'screen-thanks' });
      await page.clock.fastForward(6_000);
      await page.getByTestId('screen-home').waitFor();
    });

    it('printer out of paper: the ticket fits the screen with 完成 and 重新打印小票, and advice without a phone', async () => {
      await rig.sim.sim({ action: 'printer.paper', paper: 'out' });
      if (mode === 'senior') {
        await tap(page, 'answer-employee');
        await page.locator('.screen-body:not([data-away]) [data-testid^="item-"]').first().waitFor();
      }
      await tap(page, `item-${ITEM_OPTIONAL}`);
      await tap(page, 'take-ticket');
      await page.getByTestId('screen-identify').waitFor();
      await tap(page, 'without-document');
      await page.getByTestId('screen-notice').waitFor();
      await tap(page, 'issue');
      await expect.poll(() => page.getByTestId('print-status').getAttribute('data-print'), { timeout: 20_000 }).toBe('failed');
      await page.getByTestId('ticket-preview').locator('svg').waitFor();
      await walk.step('10-ticket-print-failed', { prompt: 'paper-out', decision: true, screen: 'screen-ticket' });
      const advice = await page.getByTestId('print-failed').textContent();
      expect(advice).toContain('请记下您的号码');
      expect(advice).toContain('到咨询台领取');
      expect(advice).not.toContain('拍照');
      // Nothing to scroll: the body's content fits, the QR inside the screen above the footer, the number large.
      const fit = await page.evaluate(() => {
        const scroll = document.querySelector('.screen-body:not([data-away]) .screen-scroll') as HTMLElement;
        const qr = document.querySelector('[data-testid="ticket-preview"]')!.getBoundingClientRect();
        const footer = document.querySelector('.kiosk-footer')!.getBoundingClientRect();
        const number = parseFloat(getComputedStyle(document.querySelector('[data-testid="ticket-number"]')!).fontSize);
        // The ticket picture's words: HTML text by its font size, any SVG text by its drawn height.
        const preview = document.querySelector('[data-testid="ticket-preview"]')!;
        const htmlText = Array.from(preview.querySelectorAll('p')).map((p) => parseFloat(getComputedStyle(p).fontSize));
        const svgText = Array.from(preview.querySelectorAll('svg text')).map((t) => t.getBoundingClientRect().height);
        return {
          overflow: scroll.scrollHeight - scroll.clientHeight,
          qrBottom: qr.bottom,
          footerTop: footer.top,
          number,
          pictureText: [...htmlText, ...svgText].length,
          smallestPictureText: Math.min(...htmlText, ...svgText),
        };
      });
      expect(fit.overflow).toBeLessThanOrEqual(1);
      expect(fit.qrBottom).toBeLessThanOrEqual(fit.footerTop);
      expect(fit.number).toBeGreaterThanOrEqual(mode === 'senior' ? 160 : 120);
      expect(fit.pictureText).toBeGreaterThan(0);
      expect(fit.smallestPictureText).toBeGreaterThanOrEqual(mode === 'senior' ? 36 : 24);
      expect(await page.getByTestId('ticket-preview').textContent()).toContain(await page.getByTestId('ticket-number').textContent());
      await rig.sim.sim({ action: 'printer.paper', paper: 'ok' });
      await tap(page, 'finish');
      await page.getByTestId('screen-thanks').waitFor();
      await page.clock.fastForward(6_000);
      await page.getByTestId('screen-home').waitFor();
    });

    it('the idle countdown, then help: 工作人员马上就到 covers neither 回到首页 nor the 长辈模式 switch', async () => {
      if (mode === 'senior') {
        await tap(page, 'answer-resident');
        await page.locator('.screen-body:not([data-away]) [data-testid^="item-"]').first().waitFor();
      }
      await tap(page, `item-${ITEM_REQUIRED}`);
      await page.getByTestId('screen-guide').waitFor();
      // Just past the idle time: the countdown then has its whole 20 s for the checks below.
      await page.clock.fastForward(idlePolicyFor(mode === 'senior').idleMs + 100);
      await page.getByTestId('idle-overlay').waitFor();
      // The countdown and the help confirmation are not steps of the flow: their clips are the voice work's (issue 13).
      await walk.step('11-idle-countdown', { prompt: null, decision: false, screen: 'idle-overlay' });
      await tap(page, 'idle-continue');
      await expect.poll(() => page.getByTestId('idle-overlay').count()).toBe(0);
      await tap(page, 'take-ticket');
      await page.getByTestId('screen-identify').waitFor();
      await tap(page, 'help-button');
      await expect.poll(() => page.getByTestId('help-status').textContent()).toBe('工作人员马上就到，请您稍等');
      await walk.step('12-help', { prompt: null, decision: false, screen: 'screen-identify' });
      expect(await page.getByTestId('home').isVisible()).toBe(true);
      if (mode === 'normal') expect(await page.getByTestId('senior-switch').isVisible()).toBe(true);
    });
  });
}
