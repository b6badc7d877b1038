// 预约签到 at the kiosk (DB21/T 4402 §10.1.2) in real Chromium at 1080×1920, against a real hall-server holding the
// region's feed in its own SQLite (no region at all: the link is down) and a real device-bridge with simulated readers:
// on time by ID card (a ticket marked 预约, printed so), early by the typed 预约码 (when to come back, or an ordinary
// ticket now), late by social-security card or ID card (an ordinary ticket with the explanation), by 医保码, and no booking found.
// Normal mode and 长辈模式; axe, sizes, layout and a screenshot on every screen.
import { createHmac, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { appointmentHashInput, type AppointmentFeed } from '../../protocol/citizen/appointments.ts';
import type { AppointmentsModule } from '../../hall-server/appointments/module.ts';
import { layoutProblems } from '../support/layout.ts';
import { testIdNumber } from '../support/citizens.ts';
import { backHome, checkScreen, ECARD_PERSON, ECARD_QR, expectNoPersonalData, ITEM_REQUIRED, startKioskRig, tap, type KioskRig } from './kiosk-helpers.ts';

/** 10:00 hall time (UTC+8) on a Monday; the hall's clock stands at 9:45. */
const SLOT = Date.parse('2026-12-07T02:00:00Z');
const MIN = 60_000;
const now = SLOT - 15 * MIN;
const key = randomBytes(32);
const hashOf = (idNumber: string) => createHmac('sha256', key).update(appointmentHashInput(idNumber)).digest('hex');
const MODES = ['normal', 'senior'] as const;

/** A card holder as the simulated reader gives them. */
function cardHolder(name: string, serial: number) {
  return { name, idNumber: testIdNumber('1975-03-02', serial), gender: serial % 2 ? '男' : '女', birthDate: '19750302' };
}
const people = {
  normal: { onTime: cardHolder('周一', 11), late: cardHolder('吴二', 12) },
  senior: { onTime: cardHolder('郑三', 21), late: cardHolder('冯四', 22) },
};
const EARLY_CODE = { normal: '20000001', senior: '20000002' };

function booking(code: string, slotMs: number, idNumber: string): AppointmentFeed['appointments'][number] {
  return { code, serviceCode: ITEM_REQUIRED, slotStart: new Date(slotMs).toISOString(), personHash: hashOf(idNumber), status: 'booked' };
}

let rig: KioskRig;
let appointments: AppointmentsModule;

beforeAll(async () => {
  rig = await startKioskRig({
    hall: {
      now: () => new Date(now),
      onModules: (modules) => {
        appointments = modules.find((m) => m.name === 'appointments') as AppointmentsModule;
      },
    },
  });
  const feed: AppointmentFeed = {
    keyId: 'site-key-e2e',
    key: key.toString('base64'),
    appointments: [
      ...MODES.flatMap((mode, i) => [
        booking(`1000000${i}`, SLOT, people[mode].onTime.idNumber),
        booking(EARLY_CODE[mode], SLOT + 120 * MIN, testIdNumber('1990-01-01', 30 + i)),
        booking(`3000000${i}`, SLOT - 60 * MIN, people[mode].late.idNumber),
      ]),
      booking('40000000', SLOT, ECARD_PERSON.idNo),
    ],
  };
  expect(appointments.applyFeed(feed)).toBe(7);
}, 120_000);
afterAll(() => rig?.close());

function printedTickets(): string[] {
  if (!existsSync(rig.bridge.printedDir)) return [];
  return readdirSync(rig.bridge.printedDir).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(join(rig.bridge.printedDir, f), 'utf8'));
}

async function check(page: Page, name: string, mode: 'normal' | 'senior'): Promise<void> {
  await checkScreen(page, name, mode);
  expect(await layoutProblems(page), `layout of ${name} (${mode})`).toEqual({ outside: [], overlapping: [], squeezed: [] });
}

async function openCheckIn(page: Page, mode: 'normal' | 'senior', shoot = false): Promise<void> {
  await backHome(page);
  await page.getByTestId('open-check-in').waitFor();
  if (shoot) await check(page, 'check-in-home', mode);
  await tap(page, 'open-check-in');
  await page.getByTestId('screen-check-in').waitFor();
}

async function typeCode(page: Page, code: string): Promise<void> {
  for (const digit of code) await tap(page, `code-key-${digit}`);
  expect(await page.getByTestId('check-in-code').getAttribute('data-code')).toBe(code);
}

async function finish(page: Page): Promise<void> {
  await expect.poll(() => page.getByTestId('print-status').getAttribute('data-print'), { timeout: 15_000 }).toBe('printed');
  await tap(page, 'finish');
  await page.getByTestId('screen-home').waitFor({ timeout: 15_000 });
}

describe('DB21/T 4402 §10.1.2: 预约签到 at the kiosk, region link down', () => {
  for (const mode of MODES) {
    describe(mode, () => {
      let page: Page;
      beforeAll(async () => {
        ({ page } = await rig.open(mode));
      });

      it('on time by ID card: a ticket marked 预约, printed with the slot', async () => {
        await openCheckIn(page, mode, true);
        await check(page, 'check-in', mode);
        const person = people[mode].onTime;
        await rig.sim.sim({ action: 'card.insert', reader: 'idcard', identity: person });
        await page.getByTestId('screen-ticket').waitFor({ timeout: 15_000 });
        await rig.sim.sim({ action: 'card.remove', reader: 'idcard' });
        expect(await page.locator('h1').textContent()).toBe('预约签到成功（10:00 时段），您的号码是');
        expect(await page.getByTestId('appointment-mark').textContent()).toBe('预约');
        expect(await page.getByTestId('check-in-message').textContent()).toBe('您好，预约签到成功。您预约的“城乡居民参保登记”（10:00）已为您取号，请留意叫号。');
        await expect.poll(() => page.getByTestId('print-status').getAttribute('data-print'), { timeout: 15_000 }).toBe('printed');
        const paper = printedTickets().at(-1)!;
        // At double size the line wraps: compare without the layout's spaces and breaks.
        expect(paper.replace(/\s+/g, '')).toContain('居民参保登记（预约10:00）');
        expect(paper).not.toContain(person.idNumber);
        await expectNoPersonalData(page, person);
        await check(page, 'check-in-on-time', mode);
        await finish(page);
      }, 120_000);

      it('early by the typed 预约码: when to come back, or an ordinary ticket now', async () => {
        await openCheckIn(page, mode);
        await tap(page, 'check-in-submit');
        expect(await page.getByTestId('check-in-error').textContent()).toBe('请输入预约码，或刷卡、出示医保码');
        await typeCode(page, EARLY_CODE[mode]);
        await check(page, 'check-in-typed', mode);
        await tap(page, 'check-in-submit');
        await page.getByTestId('screen-check-in-early').waitFor();
        expect(await page.getByTestId('come-back-at').textContent()).toBe('请于 11:30 以后签到');
        expect(await page.getByTestId('check-in-message').textContent()).toBe('您好，您预约的“城乡居民参保登记”时间是 12:00，请您于 11:30 以后再来签到，谢谢您的配合。');
        await check(page, 'check-in-early', mode);
        await tap(page, 'ordinary-ticket');
        await page.getByTestId('screen-guide').waitFor();
        expect(await page.getByTestId('take-ticket').count()).toBe(1);
      }, 120_000);

      it('late by card: an ordinary ticket with the explanation', async () => {
        await openCheckIn(page, mode);
        const printed = printedTickets().length;
        // Normal mode by social-security card, 长辈模式 by ID card (both readers covered once).
        const reader = mode === 'normal' ? 'sscard' : 'idcard';
        await rig.sim.sim({ action: 'card.insert', reader, identity: people[mode].late });
        await page.getByTestId('screen-ticket').waitFor({ timeout: 15_000 });
        await rig.sim.sim({ action: 'card.remove', reader });
        expect(await page.locator('h1').textContent()).toBe('已为您取普通号，您的号码是');
        expect(await page.getByTestId('appointment-mark').count()).toBe(0);
        expect(await page.getByTestId('check-in-message').textContent()).toBe(
          '您好，您预约的 09:00 时段已超过签到时间（预约时段开始后 15 分钟内签到有效），已为您取普通号，请按顺序等候，谢谢您的理解。',
        );
        await expect.poll(() => printedTickets().length, { timeout: 15_000 }).toBe(printed + 1);
        expect(printedTickets().at(-1)).not.toContain('预约');
        await check(page, 'check-in-late', mode);
        await finish(page);
      }, 120_000);

      it('no booking found: says so and leads to an ordinary ticket', async () => {
        await openCheckIn(page, mode);
        await typeCode(page, '99999999');
        await tap(page, 'check-in-submit');
        await page.getByTestId('screen-check-in-missing').waitFor();
        expect(await page.getByTestId('check-in-message').textContent()).toBe('没有找到您的预约，请核对预约码，或直接取号办理');
        await check(page, 'check-in-missing', mode);
        await tap(page, 'ordinary-ticket');
        await page.getByTestId('screen-home').waitFor();
        expect(await page.getByTestId('open-check-in').count()).toBe(1);
      }, 120_000);
    });
  }

  it('by 医保码: decoded by the hall, then checked in on time', async () => {
    const { page } = await rig.open('normal');
    await openCheckIn(page, 'normal');
    await rig.sim.sim({ action: 'scan', code: ECARD_QR });
    await page.getByTestId('screen-ticket').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('appointment-mark').textContent()).toBe('预约');
    await expectNoPersonalData(page, { name: ECARD_PERSON.userName, idNumber: ECARD_PERSON.idNo });
    await finish(page);
  }, 120_000);

  it('an unplugged reader is shown out of order and the keypad still works', async () => {
    const { page } = await rig.open('normal');
    await openCheckIn(page, 'normal');
    await rig.sim.sim({ action: 'device.unplug', device: 'idcard' });
    await expect.poll(() => page.getByTestId('method-idcard').getAttribute('data-state'), { timeout: 15_000 }).toBe('offline');
    expect(await page.getByTestId('method-idcard').textContent()).toContain('身份证读卡器暂时无法使用');
    await check(page, 'check-in-reader-offline', 'normal');
    await rig.sim.sim({ action: 'device.replug', device: 'idcard' });
    await expect.poll(() => page.getByTestId('method-idcard').getAttribute('data-state'), { timeout: 15_000 }).not.toBe('offline');
  }, 120_000);
});
