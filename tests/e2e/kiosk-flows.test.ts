// The 取号机 in real Chromium against a real hall-server and a real device-bridge with simulated devices: every way of
// taking a ticket, with screenshots and axe on every screen, in normal mode.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { SIM_PRESETS } from '../../device-bridge/simulators/identities.ts';
import { TEST_ADMIN, TEST_ADMIN_PASSWORD } from '../support/hall.ts';
import { axeViolations, newTerminalContext, screenshot, VIEWPORTS } from '../support/browser.ts';
import { backHome, checkScreen, ECARD_PERSON, ECARD_QR, expectNoPersonalData, ITEM_OPTIONAL, ITEM_REQUIRED, startKioskRig, tap, type KioskRig } from './kiosk-helpers.ts';

let rig: KioskRig;
let page: Page;
let admin: string;

beforeAll(async () => {
  rig = await startKioskRig();
  admin = await rig.hall.admin();
  ({ page } = await rig.open('normal'));
});
afterAll(() => rig?.close());

// Every test starts from an untouched home screen, whatever the previous one left.
beforeEach(() => backHome(page));

/** Tickets the bridge's simulated printer has printed (one text rendering each, in order). */
function printedTickets(): string[] {
  if (!existsSync(rig.bridge.printedDir)) return [];
  return readdirSync(rig.bridge.printedDir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => readFileSync(join(rig.bridge.printedDir, f), 'utf8'));
}
function printedCount(): number {
  return printedTickets().length;
}

async function ticketOf(number: string) {
  const queue = await rig.hall.api('GET', '/api/queue', undefined, admin);
  return (queue.body.waiting as Array<{ number: string; priority: string; print: string; maskedName: string | null }>).find((t) => t.number === number);
}

async function toIdentify(item: string) {
  await tap(page, `item-${item}`);
  await page.getByTestId('screen-guide').waitFor();
  await tap(page, 'take-ticket');
  await page.getByTestId('screen-identify').waitFor();
}

async function finishTicket() {
  await expect.poll(() => page.getByTestId('print-status').getAttribute('data-print'), { timeout: 15_000 }).not.toBe('printing');
  await tap(page, 'finish');
  await page.getByTestId('thanks').waitFor();
  await page.getByTestId('screen-home').waitFor({ timeout: 10_000 });
}

describe('kiosk flows (normal mode)', () => {
  it('ID card: guide, identify, confirm (masked), 一次性告知, printed ticket, thanks, home', async () => {
    await checkScreen(page, 'home', 'normal');
    await tap(page, `item-${ITEM_REQUIRED}`);
    await page.getByTestId('screen-guide').waitFor();
    // Home stays in the page, transparent; once the guide is painted it is inert and hidden from assistive technology,
    // so the only level-1 heading a screen reader finds is the guide's.
    await expect.poll(() => page.getByRole('heading', { level: 1 }).allTextContents()).toEqual(['城乡居民参保登记']);
    expect(await page.locator('.screen-body[data-away]').evaluate((el) => [(el as HTMLElement).inert, el.getAttribute('aria-hidden')])).toEqual([true, 'true']);
    expect(await page.locator('.screen-body:not([data-away])').evaluate((el) => [(el as HTMLElement).inert, el.hasAttribute('aria-hidden')])).toEqual([false, false]);
    // A click that reaches a tile of the transparent home (a script, or a touch before home turned inert) does nothing.
    await page.getByTestId(`item-${ITEM_OPTIONAL}`).evaluate((tile) => (tile as HTMLElement).click());
    expect(await page.getByTestId('screen-guide').count()).toBe(1);
    expect(await page.getByRole('heading', { level: 1 }).allTextContents()).toEqual(['城乡居民参保登记']);
    await checkScreen(page, 'guide', 'normal');
    await tap(page, 'take-ticket');
    await page.getByTestId('screen-identify').waitFor();
    expect(await page.getByTestId('without-document').count()).toBe(0);
    await checkScreen(page, 'identify', 'normal');

    const person = SIM_PRESETS.resident;
    await rig.sim.sim({ action: 'card.insert', reader: 'idcard', preset: 'resident' });
    await page.getByTestId('screen-confirm').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('masked-name').textContent()).toBe('张*');
    expect(await page.getByTestId('masked-id').textContent()).toBe(`${person.idNumber.slice(0, 6)}********${person.idNumber.slice(-4)}`);
    expect(await page.getByTestId('green-offer').count()).toBe(0);
    await expectNoPersonalData(page, person);
    await checkScreen(page, 'confirm', 'normal');
    await rig.sim.sim({ action: 'card.remove', reader: 'idcard' });

    await tap(page, 'confirm-identity');
    await page.getByTestId('screen-notice').waitFor();
    expect(await page.getByTestId('checklist').textContent()).toContain('居民身份证或户口簿（原件 1 份）');
    await checkScreen(page, 'notice', 'normal');

    const printedBefore = printedCount();
    await tap(page, 'issue');
    await page.getByTestId('screen-ticket').waitFor();
    expect(await page.getByTestId('ticket-number').textContent()).toBe('A001');
    await expect.poll(() => page.getByTestId('print-status').getAttribute('data-print'), { timeout: 15_000 }).toBe('printed');
    expect(printedCount()).toBe(printedBefore + 1);
    const paper = printedTickets().at(-1)!;
    expect(paper).toContain('A001');
    expect(paper).toContain('张*');
    expect(paper).not.toContain(person.idNumber);
    expect(paper).not.toContain('张三');
    expect(await page.getByTestId('people-ahead').textContent()).toBe('0 人');
    await expectNoPersonalData(page, person);
    await checkScreen(page, 'ticket', 'normal');
    const issued = await ticketOf('A001');
    expect(issued).toMatchObject({ priority: 'normal', print: 'printed', maskedName: '张*' });

    await tap(page, 'finish');
    await page.getByTestId('thanks').waitFor();
    await checkScreen(page, 'thanks', 'normal');
    await page.getByTestId('screen-home').waitFor({ timeout: 10_000 });
  }, 120_000);

  it('a citizen who already holds a waiting ticket gets it back, reprinted', async () => {
    await toIdentify(ITEM_REQUIRED);
    await rig.sim.sim({ action: 'card.insert', reader: 'idcard', preset: 'resident' });
    await page.getByTestId('screen-confirm').waitFor({ timeout: 15_000 });
    await rig.sim.sim({ action: 'card.remove', reader: 'idcard' });
    await tap(page, 'confirm-identity');
    await tap(page, 'issue');
    await page.getByTestId('screen-ticket').waitFor();
    expect(await page.locator('h1').textContent()).toBe('您已取过此事项的号码，请您核对');
    expect(await page.getByTestId('ticket-number').textContent()).toBe('A001');
    await expect.poll(() => page.getByTestId('print-status').getAttribute('data-print'), { timeout: 15_000 }).toBe('printed');
    await checkScreen(page, 'ticket-duplicate', 'normal');
    const printed = printedCount();
    await tap(page, 'reprint');
    await expect.poll(() => printedCount(), { timeout: 15_000 }).toBe(printed + 1);
    expect(printedTickets().at(-1)).toContain('补打');
    await finishTicket();
  });

  it('social-security card', async () => {
    await toIdentify(ITEM_OPTIONAL);
    await rig.sim.sim({ action: 'card.insert', reader: 'sscard', preset: 'longTerm' });
    await page.getByTestId('screen-confirm').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('masked-name').textContent()).toBe('李*国');
    await rig.sim.sim({ action: 'card.remove', reader: 'sscard' });
    await tap(page, 'confirm-identity');
    // 材料不全 leads to what to bring next time, and a ticket can still be taken from there.
    await tap(page, 'issue-anyway');
    await page.getByTestId('missing-advice').waitFor();
    expect(await page.getByTestId('bring-next-time').locator('li').count()).toBeGreaterThan(0);
    await checkScreen(page, 'notice-missing', 'normal');
    await tap(page, 'issue-missing');
    await page.getByTestId('screen-ticket').waitFor();
    const number = await page.getByTestId('ticket-number').textContent();
    expect(number).toMatch(/^[A-Z]\d{3}$/);
    expect(await ticketOf(number!)).toMatchObject({ maskedName: '李*国' });
    await finishTicket();
  });

  it('医保电子凭证 QR: decoded by the hall through ec.query (SelfService), never by the kiosk', async () => {
    await toIdentify(ITEM_REQUIRED);
    await rig.sim.sim({ action: 'scan', code: ECARD_QR });
    await page.getByTestId('screen-confirm').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('masked-name').textContent()).toBe('赵*华');
    expect(rig.ecard.requests.at(-1)).toMatchObject({ transType: 'ec.query', data: { deviceType: 'SelfService', qrCode: ECARD_QR } });
    await expectNoPersonalData(page, { name: ECARD_PERSON.userName, idNumber: ECARD_PERSON.idNo });
    await tap(page, 'confirm-identity');
    await tap(page, 'issue');
    await page.getByTestId('screen-ticket').waitFor();
    await finishTicket();
  });

  it('an expired QR says so and the citizen can try again', async () => {
    await toIdentify(ITEM_REQUIRED);
    await rig.sim.sim({ action: 'scan', code: 'ECQR1:00000000000000000000000000000000-expired' });
    await expect.poll(() => page.getByTestId('identify-error').textContent(), { timeout: 15_000 }).toContain('医保码无法识别');
    await checkScreen(page, 'identify-error', 'normal');
    await tap(page, 'home');
    await page.getByTestId('screen-home').waitFor();
  });

  it('no document: 无证件取号 where the item allows it', async () => {
    await toIdentify(ITEM_OPTIONAL);
    await tap(page, 'without-document');
    await page.getByTestId('screen-notice').waitFor();
    await tap(page, 'issue');
    await page.getByTestId('screen-ticket').waitFor();
    const number = await page.getByTestId('ticket-number').textContent();
    expect(await ticketOf(number!)).toMatchObject({ maskedName: null, priority: 'normal' });
    await finishTicket();
  });

  it('printer out of paper: the ticket stays on screen with its QR, advice that needs no phone (请记下您的号码 / 到咨询台领取), flagged for reprint', async () => {
    await rig.sim.sim({ action: 'printer.paper', paper: 'out' });
    await toIdentify(ITEM_OPTIONAL);
    await tap(page, 'without-document');
    await tap(page, 'issue');
    await page.getByTestId('screen-ticket').waitFor();
    await expect.poll(() => page.getByTestId('print-status').getAttribute('data-print'), { timeout: 20_000 }).toBe('failed');
    await page.getByTestId('ticket-preview').locator('svg').waitFor();
    const number = await page.getByTestId('ticket-number').textContent();
    expect(await page.getByTestId('print-failed').textContent()).toContain(`请记下您的号码 ${number}，或到咨询台领取小票`);
    expect(await page.getByTestId('ticket-preview').textContent()).toContain(number!);
    await checkScreen(page, 'ticket-print-failed', 'normal');
    await expect.poll(async () => (await ticketOf(number!))?.print).toBe('failed');
    await rig.sim.sim({ action: 'printer.paper', paper: 'ok' });
    await finishTicket();
  });

  it('信息公开 shows the institution, hours, phones and commitments', async () => {
    await tap(page, 'open-info');
    await page.getByTestId('screen-info').waitFor();
    expect(await page.locator('main').textContent()).toContain('服务承诺');
    await checkScreen(page, 'info', 'normal');
    await tap(page, 'back');
    await page.getByTestId('screen-home').waitFor();
  });

  it('呼叫工作人员 raises a help request with the kiosk name in the admin console', async () => {
    await tap(page, 'help-button');
    await expect.poll(() => page.getByTestId('help-button').textContent()).toContain('已呼叫工作人员');
    expect(await page.getByTestId('help-status').textContent()).toBe('工作人员马上就到，请您稍等');
    const list = await rig.hall.api('GET', '/api/admin/help', undefined, admin);
    expect(list.body.requests[0]).toMatchObject({ screen: 'home', resolvedAt: null });
    expect(list.body.requests[0].terminalName).toMatch(/取号机/);
  });

  it('the admin console lists the request under 群众求助 with the kiosk name, and staff mark it handled', async () => {
    const context = await newTerminalContext(rig.browser, VIEWPORTS.admin);
    const adminPage = await context.newPage();
    await adminPage.goto(rig.hall.url + '/admin/help');
    await adminPage.getByLabel('工号').fill(TEST_ADMIN.staffNo);
    await adminPage.getByLabel('密码', { exact: true }).fill(TEST_ADMIN_PASSWORD);
    await adminPage.getByRole('button', { name: '登录' }).click();
    await adminPage.getByRole('heading', { name: '群众求助', level: 1 }).waitFor();
    const row = adminPage.getByRole('row').filter({ hasText: '首页' });
    await row.first().waitFor();
    expect(await row.first().textContent()).toMatch(/取号机/);
    expect(await adminPage.getByRole('status').first().textContent()).toContain('有 1 条求助待处理');
    expect(await axeViolations(adminPage)).toEqual([]);
    await screenshot(adminPage, 'admin-help');
    await row.first().getByRole('button', { name: '标记为已处理' }).click();
    await expect.poll(() => adminPage.getByRole('status').first().textContent()).toContain('当前没有待处理的求助');
    await context.close();
  });
});
