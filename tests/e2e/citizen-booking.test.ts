// 可预约服务 end to end in real Chromium (DB21/T 4402 §10.1.2): the region console's 可预约设置 page opens an item for
// booking; the reference booking page at 390×844 books a slot (large text and standard text), refuses a slot taken
// meanwhile in words a citizen understands, and cancels; then the booking reaches the hall by its pull, the region goes
// away, and the kiosk checks the citizen in by the typed 预约码: a ticket marked 预约 that window 1 calls ahead of a
// walk-in who came first, with the board and the counter marking it. Axe, layout and screenshots on every step.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateKeyPair } from '../../content/validate/sign.ts';
import { loadDemoRegionContent, seedDemoCatalogue } from '../../region-server/catalogue/demo.ts';
import { migrate } from '../../region-server/db/migrate.ts';
import { generateRegionKeyFile, loadRegionKeys, writeRegionKeyFile } from '../../region-server/keys.ts';
import { slotRules } from '../../region-server/appointments/store.ts';
import { createEnrolmentCode, createSite } from '../../region-server/sites/enrol.ts';
import { axeViolations, launchBrowser, newTerminalContext, screenshot, textSizes, VIEWPORTS } from '../support/browser.ts';
import { testIdentity } from '../support/citizens.ts';
import { layoutProblems, scrollingLayoutProblems } from '../support/layout.ts';
import { TEST_ADMIN } from '../support/hall.ts';
import { startThrowawayPostgres, type ThrowawayPostgres } from '../support/postgres.ts';
import { startConsoleRegion, TEST_REGION_ADMIN, type ConsoleRegion } from '../support/region-console.ts';
import { openBoard } from './board-helpers.ts';
import { checkScreen, ITEM_REQUIRED, startKioskRig, tap, type KioskRig } from './kiosk-helpers.ts';
import { openCounter, signIn } from './pad-helpers.ts';

const PHONE = { width: 390, height: 844 };
const DIST = resolve(import.meta.dirname, '../../dist');
const SITE = 'town-dongcun';
const keyDir = mkdtempSync(join(tmpdir(), 'citizen-booking-'));

let postgres: ThrowawayPostgres;
let pool: pg.Pool;
let region: ConsoleRegion;
let browser: Browser;
/** The slot the page booked in the large-text run (checked in at the kiosk at the end). */
let booked: { code: string; slotStart: string; person: ReturnType<typeof testIdentity> } | null = null;

beforeAll(async () => {
  writeRegionKeyFile(join(keyDir, 'region-keys.json'), generateRegionKeyFile());
  postgres = await startThrowawayPostgres();
  pool = new pg.Pool({ connectionString: postgres.createDatabase('citizen_booking_e2e'), max: 6 });
  await migrate(pool);
  region = await startConsoleRegion({ pool, distDir: DIST, signingKeyPem: generateKeyPair().privateKeyPem, keys: loadRegionKeys(join(keyDir, 'region-keys.json')) });
  await seedDemoCatalogue(pool, loadDemoRegionContent());
  await createSite(pool, { id: SITE, name: '东村镇医保服务站', level: 'town' }, 'test');
  browser = await launchBrowser();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await region?.close().catch(() => undefined);
  postgres?.destroy();
  rmSync(keyDir, { recursive: true, force: true });
});

async function checkPhone(page: Page, name: string, large: boolean): Promise<void> {
  await screenshot(page, `citizen-booking-${name}-${large ? 'large' : 'standard'}`);
  expect(await axeViolations(page), `axe on ${name}`).toEqual([]);
  // A phone page scrolls (large text makes it long): every control whole and reachable, none overlapping.
  expect(await scrollingLayoutProblems(page), `layout of ${name}`).toEqual({ outside: [], overlapping: [], squeezed: [] });
  if (large) expect((await textSizes(page)).filter((t) => t.px < 36), `text below 36px on ${name}`).toEqual([]);
}

async function post(path: string, body: unknown): Promise<{ status: number; body: any }> { // any: tests read fields freely
  const res = await fetch(`${region.url}${path}`, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
  return { status: res.status, body: await res.json() };
}

describe('DB21/T 4402 §10.1.2: the console opens an item for booking', () => {
  it('可预约设置: adds 城乡居民参保登记 with 2 places per half hour, 7 days ahead, 60 minutes cut-off', async () => {
    const context = await newTerminalContext(browser, { width: 1280, height: 800 });
    const page = await context.newPage();
    await page.goto(`${region.url}/region/`);
    await page.getByLabel('设置码').fill(region.setupCode!);
    await page.getByLabel('姓名').fill(TEST_REGION_ADMIN.name);
    await page.getByLabel('工号').fill(TEST_REGION_ADMIN.staffNo);
    await page.getByLabel('密码').fill(TEST_REGION_ADMIN.password);
    await page.getByRole('button', { name: '创建账号并登录' }).click();
    await page.getByRole('link', { name: '可预约设置' }).click();
    await page.getByText('该站点尚未开放预约').waitFor();
    await page.getByLabel('增加可预约事项').selectOption(ITEM_REQUIRED);
    await page.getByRole('button', { name: '增加', exact: true }).click();
    const row = page.getByRole('row', { name: /城乡居民参保登记/ });
    await row.getByLabel('城乡居民参保登记 每半小时名额').fill('2');
    await row.getByLabel('城乡居民参保登记 可提前天数').fill('7');
    await row.getByLabel('城乡居民参保登记 提前截止分钟').fill('60');
    await page.getByRole('button', { name: '保存可预约设置' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toBe('已保存 1 个可预约事项，群众预约页面即时生效。');
    expect(await slotRules(pool, SITE)).toEqual([{ serviceCode: ITEM_REQUIRED, capacity: 2, daysAhead: 7, cutoffMinutes: 60 }]);
    await screenshot(page, 'region-slot-rules-1280x800');
    expect(await axeViolations(page)).toEqual([]);
    expect(await layoutProblems(page)).toEqual({ outside: [], overlapping: [], squeezed: [] });
    await context.close();
  }, 120_000);
});

describe('the booking page on a phone', () => {
  for (const large of [true, false]) {
    it(`books a slot, refuses one taken meanwhile, and cancels (${large ? 'large' : 'standard'} text)`, async () => {
      const context = await newTerminalContext(browser, PHONE);
      const page = await context.newPage();
      await page.goto(`${region.url}/booking`);
      await page.getByTestId('start-booking').waitFor();
      if (!large) {
        await tap(page, 'text-size');
        await page.getByRole('button', { name: '切换为大字号' }).waitFor();
      }
      await checkPhone(page, 'start', large);
      await tap(page, 'start-booking');
      await page.getByTestId(`site-${SITE}`).waitFor();
      await checkPhone(page, 'site', large);
      await tap(page, `site-${SITE}`);
      await checkPhone(page, 'item', large);
      await tap(page, `item-${ITEM_REQUIRED}`);
      const firstDay = page.locator('[data-testid^="day-"]:not([disabled])').first();
      await firstDay.waitFor();
      await checkPhone(page, 'day', large);
      await firstDay.tap();
      await page.getByTestId('half-am').waitFor();
      let slot = page.locator('[data-testid^="slot-"]:not([disabled])').first();
      if ((await slot.count()) === 0) {
        await tap(page, 'half-pm');
        slot = page.locator('[data-testid^="slot-"]:not([disabled])').first();
      }
      expect(await slot.textContent()).toMatch(/^\d\d:\d\d余 2$/);
      await checkPhone(page, 'slot', large);
      await slot.tap();
      await page.getByLabel('身份证号码').waitFor();
      await checkPhone(page, 'person', large);

      const person = testIdentity();
      const wrongCheck = person.idNumber.slice(0, 17) + (person.idNumber.endsWith('0') ? '1' : '0');
      await page.getByLabel('身份证号码').fill(wrongCheck);
      await page.getByLabel('手机号（收提醒）').fill('13900001111');
      await tap(page, 'submit');
      expect(await page.getByTestId('message').textContent()).toBe('身份证号码有误，请核对后重新填写');
      await checkPhone(page, 'person-wrong-id', large);
      await page.getByLabel('身份证号码').fill(person.idNumber);
      await tap(page, 'submit');
      await page.getByTestId('booking-code').waitFor();
      const code = (await page.getByTestId('booking-code').textContent())!;
      expect(code).toMatch(/^\d{8}$/);
      const facts = (await page.getByTestId('booking-facts').textContent())!;
      expect(facts).toContain(`身份证 ${person.idNumber.slice(0, 6)}********${person.idNumber.slice(-4)}`);
      expect(facts).toContain('手机 139****1111');
      expect(await page.evaluate(() => document.documentElement.outerHTML)).not.toContain(person.idNumber);
      await checkPhone(page, 'booked', large);
      const stored = await pool.query<{ slot_start: Date }>('SELECT slot_start FROM appointments WHERE code = $1', [code]);
      if (large) booked = { code, slotStart: stored.rows[0]!.slot_start.toISOString(), person };

      // The same slot again: one place left; someone else takes it before this citizen submits.
      await tap(page, 'done');
      await tap(page, 'start-booking');
      await tap(page, `site-${SITE}`);
      await tap(page, `item-${ITEM_REQUIRED}`);
      await page.locator('[data-testid^="day-"]').first().waitFor();
      const slotStart = stored.rows[0]!.slot_start.getTime();
      const day = new Date(slotStart + 8 * 3_600_000).toISOString().slice(0, 10);
      const clock = new Date(slotStart + 8 * 3_600_000).toISOString().slice(11, 16);
      await tap(page, `day-${day}`);
      if (clock >= '12:00') await tap(page, 'half-pm');
      expect(await page.getByTestId(`slot-${clock}`).textContent()).toBe(`${clock}余 1`);
      await tap(page, `slot-${clock}`);
      const other = await post('/api/booking/appointments', {
        siteId: SITE, serviceCode: ITEM_REQUIRED, slotStart: new Date(slotStart).toISOString(), idNumber: testIdentity().idNumber, phone: '13900002222',
      });
      expect(other.status).toBe(201);
      await page.getByLabel('身份证号码').fill(testIdentity().idNumber);
      await page.getByLabel('手机号（收提醒）').fill('13900003333');
      await tap(page, 'submit');
      await page.getByRole('heading', { name: '选择日期' }).waitFor();
      expect(await page.getByTestId('message').textContent()).toBe('该时段已约满，请另选时段');
      await checkPhone(page, 'slot-full', large);
      // Late in the hall day the taken place may have been the last of its half day or of the day: then the half or
      // the day itself shows as full (disabled) instead of the slot.
      const dayButton = page.getByTestId(`day-${day}`);
      if (!(await dayButton.isDisabled())) {
        await dayButton.tap();
        await page.getByTestId('half-am').waitFor();
        const pm = page.getByTestId('half-pm');
        const halfFull = clock >= '12:00' && (await pm.isDisabled());
        if (clock >= '12:00' && !halfFull) await tap(page, 'half-pm');
        if (!halfFull) {
          expect(await page.getByTestId(`slot-${clock}`).textContent()).toBe(`${clock}已约满`);
          expect(await page.getByTestId(`slot-${clock}`).isDisabled()).toBe(true);
        }
      }

      // A wrong last 4 digits: the 预约码 alone cancels nothing.
      await page.goto(`${region.url}/booking`);
      await tap(page, 'start-cancel');
      await page.getByLabel('预约码（8 位数字）').fill(other.body.code);
      await page.getByLabel('身份证号码后 4 位').fill('0000');
      await tap(page, 'confirm-cancel');
      expect(await page.getByTestId('message').textContent()).toBe('没有找到该预约，请核对预约码和身份证号码后 4 位');
      await checkPhone(page, 'cancel-wrong', large);
      await context.close();
    }, 180_000);
  }

  it('cancels with the 预约码 and the last 4 ID digits, and frees the place', async () => {
    const person = testIdentity();
    const slots = await (await fetch(`${region.url}/api/booking/sites/${SITE}/items/${ITEM_REQUIRED}/slots`)).json() as { slots: Array<{ start: string; free: number }> };
    const free = slots.slots.filter((s) => s.free === 2).at(-1)!;
    const made = await post('/api/booking/appointments', { siteId: SITE, serviceCode: ITEM_REQUIRED, slotStart: free.start, idNumber: person.idNumber, phone: '13900004444' });
    expect(made.status).toBe(201);
    for (const large of [true, false]) {
      const context = await newTerminalContext(browser, PHONE);
      const page = await context.newPage();
      await page.goto(`${region.url}/booking`);
      if (!large) await tap(page, 'text-size');
      await tap(page, 'start-cancel');
      await page.getByLabel('预约码（8 位数字）').waitFor();
      await checkPhone(page, 'cancel', large);
      await page.getByLabel('预约码（8 位数字）').fill(made.body.code);
      await page.getByLabel('身份证号码后 4 位').fill(person.idNumber.slice(-4));
      await tap(page, 'confirm-cancel');
      if (large) {
        await page.getByTestId('cancelled').waitFor();
        expect(await page.getByTestId('cancelled').textContent()).toBe(`预约码 ${made.body.code} 已取消，名额已释放。`);
      } else {
        expect(await page.getByTestId('message').textContent()).toBe('该预约已取消或已办理，无需再取消');
      }
      await checkPhone(page, large ? 'cancelled' : 'cancel-twice', large);
      await context.close();
    }
    const after = await (await fetch(`${region.url}/api/booking/sites/${SITE}/items/${ITEM_REQUIRED}/slots`)).json() as { slots: Array<{ start: string; free: number }> };
    expect(after.slots.find((s) => s.start === free.start)!.free).toBe(2);
  }, 120_000);
});

describe('booked on the phone → pulled by the hall → checked in at the kiosk with the region down', () => {
  let rig: KioskRig;
  let hallNow: number | null = null;
  afterAll(async () => {
    await rig?.close();
  });

  it('gives a ticket marked 预约 that is called at its slot ahead of a walk-in who came first', async () => {
    expect(booked).not.toBeNull();
    const { code, slotStart } = booked!;
    rig = await startKioskRig({ hall: { now: () => new Date(hallNow ?? Date.now()) } });
    const admin = await rig.hall.admin();
    const enrol = await createEnrolmentCode(pool, SITE, 'test');
    expect((await rig.hall.api('POST', '/api/admin/region/enrol', { url: region.url, code: enrol }, admin)).status).toBe(200);
    expect((await rig.hall.api('POST', '/api/admin/region/refresh', undefined, admin)).status).toBe(200);
    await region.close();

    hallNow = Date.parse(slotStart) - 10 * 60_000;
    const kiosk = await rig.hall.pair('kiosk');
    const walkIn = await rig.hall.api('POST', '/api/tickets', { idempotencyKey: 'walk-in-booking-e2e', serviceCode: ITEM_REQUIRED, identity: testIdentity() }, kiosk);
    expect(walkIn.status).toBe(201);

    for (const mode of ['normal'] as const) {
      const { page } = await rig.open(mode);
      await tap(page, 'open-check-in');
      await page.getByTestId('screen-check-in').waitFor();
      // The item needs identity: the typed 预约码 goes with the ID card the citizen then puts on the reader.
      for (const digit of code) await tap(page, `code-key-${digit}`);
      const { person } = booked!;
      await rig.sim.sim({
        action: 'card.insert', reader: 'idcard',
        identity: { name: person.name, idNumber: person.idNumber, gender: Number(person.idNumber[16]) % 2 ? '男' : '女', birthDate: person.birthDate.replaceAll('-', '') },
      });
      await page.getByTestId('screen-ticket').waitFor({ timeout: 15_000 });
      await rig.sim.sim({ action: 'card.remove', reader: 'idcard' });
      expect(await page.getByTestId('appointment-mark').textContent()).toBe('预约');
      await checkScreen(page, 'check-in-from-phone-booking', mode);
    }

    const counter = await openCounter(browser, rig.hall.url, 1);
    await signIn(counter.page, '20101');
    const board = await openBoard(await newTerminalContext(browser, VIEWPORTS.board), rig.hall.url);
    hallNow = Date.parse(slotStart);
    await counter.page.getByRole('button', { name: '呼叫下一位' }).click();
    await counter.page.getByTestId('current-appointment').waitFor();
    const clock = new Date(Date.parse(slotStart) + 8 * 3_600_000).toISOString().slice(11, 16);
    expect(await counter.page.getByTestId('current-appointment').textContent()).toBe(`预约 ${clock} 时段`);
    await screenshot(counter.page, 'counter-appointment-mark');
    expect(await axeViolations(counter.page)).toEqual([]);
    await board.locator('.appointment-mark').first().waitFor();
    expect(await board.locator('.appointment-mark').first().textContent()).toBe('预约');
    await screenshot(board, 'board-appointment-mark');
    // The hall's clock now stands at the slot, which may lie days after the sign-in above (a booking made on a Friday
    // evening is for Monday) and past the 12 h an admin session lasts: sign in at the hall's time now.
    const login = await rig.hall.api('POST', '/api/admin/login', { staffNo: TEST_ADMIN.staffNo, password: TEST_ADMIN.password });
    expect(login.status).toBe(200);
    const queue = await rig.hall.api('GET', '/api/queue', undefined, login.body.token);
    expect(queue.status).toBe(200);
    expect((queue.body.waiting as Array<{ id: string }>).map((t) => t.id)).toContain(walkIn.body.ticket.id);
  }, 240_000);
});
