// 材料不全 on the 取号机 in real Chromium with a real device-bridge (simulated printer, real ESC/POS): an item with 容缺
// shows the materials that may come later and the 补正 deadline and prints the 承诺书 with the masked name; an item
// without 容缺 lists what to bring next time and prints that list. Both modes: axe, sizes, layout, screenshots.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { samplePackData } from '../support/sample-pack.ts';
import { layoutProblems } from '../support/layout.ts';
import { supplyDueDate } from '../../kiosk-app/kiosk/model/slip.ts';
import { localDate } from '../../kiosk-app/kiosk/model/person.ts';
import { chineseDate } from '../../protocol/bridge/ticket/slip.ts';
import { backHome, checkScreen, expectNoPersonalData, openItem, startKioskRig, tap, type KioskRig } from './kiosk-helpers.ts';

const WITH_DEFERRAL = '212036001003';
/** On the first page of home in both modes. */
const WITHOUT_DEFERRAL = '212036002003';
const pack = samplePackData();

let rig: KioskRig;
const pages: Record<'normal' | 'senior', Page> = {} as Record<'normal' | 'senior', Page>;

beforeAll(async () => {
  rig = await startKioskRig();
  pages.normal = (await rig.open('normal')).page;
  pages.senior = (await rig.open('senior')).page;
});
afterAll(() => rig?.close());

function printed(): string[] {
  if (!existsSync(rig.bridge.printedDir)) return [];
  return readdirSync(rig.bridge.printedDir).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(join(rig.bridge.printedDir, f), 'utf8'));
}

async function toMissing(page: Page, item: string, withCard: boolean) {
  await backHome(page);
  await openItem(page, item);
  await tap(page, 'take-ticket');
  if (withCard) {
    await page.getByTestId('screen-identify').waitFor();
    await rig.sim.sim({ action: 'card.insert', reader: 'idcard', preset: 'resident' });
    await page.getByTestId('screen-confirm').waitFor({ timeout: 15_000 });
    await rig.sim.sim({ action: 'card.remove', reader: 'idcard' });
    await tap(page, 'confirm-identity');
  }
  await page.getByTestId('screen-notice').waitFor();
  await tap(page, 'issue-anyway');
  await page.getByTestId('missing-advice').waitFor();
}

async function printSlip(page: Page): Promise<string> {
  const before = printed().length;
  await tap(page, 'print-slip');
  await expect.poll(() => page.getByTestId('slip-status').getAttribute('data-slip'), { timeout: 15_000 }).toBe('printed');
  await expect.poll(() => printed().length, { timeout: 15_000 }).toBe(before + 1);
  return printed().at(-1)!;
}

describe.each(['normal', 'senior'] as const)('材料不全 on the kiosk (%s mode)', (mode) => {
  it('DB21/T 4402 §9.5: an item with 容缺 shows what may come later and by when, and prints the 承诺书 with the masked name', async () => {
    const page = pages[mode];
    await toMissing(page, WITH_DEFERRAL, true);
    const service = pack.services.find((s) => s.code === WITH_DEFERRAL)!;
    const due = chineseDate(supplyDueDate(service, pack, localDate(new Date())));
    expect(await page.getByTestId('supply-due').textContent()).toBe(`${due}前（5个工作日内）`);
    expect(await page.getByTestId('deferrable-materials').locator('li').allTextContents()).toEqual([' 居住证（原件 1 份） 可后补']);
    expect(await page.getByTestId('bring-next-time').locator('li').allTextContents()).toEqual([' 居民身份证或户口簿（原件 1 份）']);
    expect(await page.getByTestId('print-slip').textContent()).toBe('打印容缺承诺书');
    expect(await layoutProblems(page)).toEqual({ outside: [], overlapping: [], squeezed: [] });
    await checkScreen(page, 'missing-deferral', mode);
    const slip = await printSlip(page);
    for (const line of ['容缺受理承诺书', '事项：城乡居民参保登记', '申请人：张*', '1. 居住证（原件 1 份）', `补正期限：${due}前（5个工作日内）`, '申请人签名：']) {
      expect(slip).toContain(line);
    }
    expect(slip).not.toContain('张三');
    expect(await page.getByTestId('slip-status').textContent()).toBe('容缺受理承诺书已打印，请从出票口取走。');
    await expectNoPersonalData(page, { name: '张三', idNumber: '210102198506120031' });
  });

  it('DB21/T 4402 §9.3: an item without 容缺 says what to bring next time and prints that list', async () => {
    const page = pages[mode];
    await toMissing(page, WITHOUT_DEFERRAL, true);
    expect(await page.getByTestId('missing-advice').textContent()).toBe('本事项不能容缺受理。下次来办理时，请带齐以下材料；可以打印材料清单带走。');
    expect(await page.getByTestId('bring-next-time').locator('li').allTextContents()).toEqual([' 居民身份证（原件 1 份）', ' 公安机关出具的信息变更证明（原件 1 份）']);
    expect(await page.getByTestId('print-slip').textContent()).toBe('打印材料清单');
    expect(await layoutProblems(page)).toEqual({ outside: [], overlapping: [], squeezed: [] });
    await checkScreen(page, 'missing-bring', mode);
    const slip = await printSlip(page);
    expect(slip).toContain('下次办理请带齐以下材料');
    expect(slip).toContain('1. 居民身份证（原件 1 份）');
    expect(slip).toContain('2. 公安机关出具的信息变更证明（原件 1 份）');
    expect(slip).not.toContain('张');
    await checkScreen(page, 'missing-bring-printed', mode);
  });
});
