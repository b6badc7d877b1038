// 整改公示 in the kiosk's 信息公开 (DB21/T 4402 §11.2), both modes, in real Chromium against a real hall-server: a closed
// improvement record is listed with its problem, measure, result and date; an open one is not. Sizes, axe, layout and
// screenshots via checkScreen.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { layoutProblems } from '../support/layout.ts';
import { checkScreen, startKioskRig, tap, type KioskRig } from './kiosk-helpers.ts';

let rig: KioskRig;
const month = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7);

beforeAll(async () => {
  rig = await startKioskRig();
  const admin = await rig.hall.admin();
  const record = (problem: string, measure: string) => ({
    month, problem, source: '差评原因：等候时间过长（3 次）', measure, responsible: '李明华', dueOn: `${month}-28`,
  });
  const closed = await rig.hall.api('POST', '/api/admin/improvement', record('高峰时段等候时间长', '上午 9—11 点开启潮汐窗口'), admin);
  await rig.hall.api('POST', `/api/admin/improvement/${closed.body.id}/result`, { result: '平均等候由 25 分钟降到 12 分钟' }, admin);
  await rig.hall.api('POST', '/api/admin/improvement', record('材料一次性告知不全', '重新核对办事指南'), admin);
});
afterAll(async () => {
  await rig?.close();
});

describe('DB21/T 4402 §11.2: 信息公开 lists the closed improvements as 整改公示, in both modes', () => {
  for (const mode of ['normal', 'senior'] as const) {
    it(mode === 'senior' ? '长辈模式' : '普通模式', async () => {
      const { page, context } = await rig.open(mode);
      await tap(page, 'open-info');
      await page.getByTestId('screen-info').waitFor();
      const list = page.getByTestId('info-improvements').locator('li');
      await expect.poll(() => list.allTextContents()).toEqual([
        expect.stringMatching(/^高峰时段等候时间长：上午 9—11 点开启潮汐窗口。整改结果：平均等候由 25 分钟降到 12 分钟（\d{4}年\d{1,2}月\d{1,2}日完成）$/),
      ]);
      await list.first().scrollIntoViewIfNeeded();
      expect(await layoutProblems(page)).toEqual({ outside: [], overlapping: [], squeezed: [] });
      await checkScreen(page, 'info-improvements', mode);
      await context.close();
    });
  }
});
