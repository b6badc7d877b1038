// The console's first-run setup with the hall's one-time code, named accounts and open sessions, in real Chromium
// against a real hall-server (issue 11 items 3, 4, 7); axe on every screen; screenshots.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, launchBrowser, newTerminalContext, screenshot, VIEWPORTS } from '../support/browser.ts';
import { readSetupCode, startTestHall, type TestHall } from '../support/hall.ts';
import { layoutProblems } from '../support/layout.ts';

let hall: TestHall;
let browser: Browser;
let page: Page;
/** What the browser reported breaking the hall's Content-Security-Policy (issue 11 item 8: the pages need no inline script). */
const cspViolations: string[] = [];

beforeAll(async () => {
  hall = await startTestHall({ config: { demo: false } });
  browser = await launchBrowser();
  page = await (await newTerminalContext(browser, VIEWPORTS.admin)).newPage();
  await page.exposeFunction('reportCspViolation', (text: string) => void cspViolations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { reportCspViolation: (text: string) => void }).reportCspViolation(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
});
afterAll(async () => {
  await browser?.close();
  await hall?.close();
});

async function fillSetup(code: string, password: string): Promise<void> {
  await page.getByLabel('设置码').fill(code);
  await page.getByLabel('姓名').fill('周负责人');
  await page.getByLabel('工号').fill('M100');
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByLabel('再次输入密码').fill(password);
  await page.getByRole('button', { name: '创建账号并进入' }).click();
}

/** Another person's console: a page of its own, signed in with 工号 and password. */
async function signInOnNewPage(staffNo: string, password: string): Promise<Page> {
  const other = await (await newTerminalContext(browser, VIEWPORTS.admin)).newPage();
  await other.goto(hall.url + '/admin');
  await other.getByRole('heading', { name: '大厅管理台登录' }).waitFor();
  await other.getByLabel('工号').fill(staffNo);
  await other.getByLabel('密码', { exact: true }).fill(password);
  await other.getByRole('button', { name: '登录' }).click();
  return other;
}

describe('console accounts', () => {
  it('first run needs the setup code and a password that is not weak, each refusal said in Chinese', async () => {
    await page.goto(hall.url + '/admin');
    await page.getByRole('heading', { name: '首次设置：创建大厅负责人账号' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'admin-setup');
    await fillSetup('AAAA-BBBB-CCCC', 'a-fine-long-passphrase');
    await page.getByRole('alert').filter({ hasText: '设置码不正确' }).waitFor();
    await fillSetup(readSetupCode(hall.dataDir), 'woaini5201314');
    await page.getByRole('alert').filter({ hasText: '这是常见密码，很容易被猜到，请换一个' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'admin-setup-weak-password');
    await fillSetup(readSetupCode(hall.dataDir), 'a-fine-long-passphrase');
    await page.getByRole('heading', { name: '大厅总览' }).waitFor();
    expect(await page.locator('.admin-who').textContent()).toBe('周负责人（工号 M100） · 大厅负责人');
  });

  it('the 大厅负责人 creates a 值班长 and a 回访员 on 账号与会话', async () => {
    await page.getByRole('link', { name: '账号与会话' }).click();
    await page.getByRole('heading', { name: '账号与会话', level: 1 }).waitFor();
    const form = page.getByRole('form', { name: '新建账号' });
    await form.getByLabel('姓名').fill('吴值班');
    await form.getByLabel('工号').fill('S200');
    await form.getByLabel('角色').selectOption('shift_lead');
    await form.getByLabel(/初始密码/).fill('1234567890');
    await form.getByRole('button', { name: '新建账号' }).click();
    await form.getByRole('alert').filter({ hasText: '密码不能是简单的连续或重复序列' }).waitFor();
    await form.getByLabel(/初始密码/).fill('morning-shift-lead');
    await form.getByRole('button', { name: '新建账号' }).click();
    await page.getByRole('status').filter({ hasText: '已为 吴值班（工号 S200）创建账号' }).waitFor();
    await form.getByLabel('姓名').fill('郑回访');
    await form.getByLabel('工号').fill('H200');
    await form.getByLabel('角色').selectOption('callback');
    await form.getByLabel(/初始密码/).fill('call-back-every-case');
    await form.getByRole('button', { name: '新建账号' }).click();
    await page.getByRole('row', { name: /郑回访/ }).waitFor();
    expect(await page.getByRole('row', { name: /吴值班/ }).textContent()).toContain('值班长');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'admin-accounts');
  });

  it('a 值班长 signs in with 工号 and sees only the pages of the role; the 大厅负责人 ends that session and its console leaves', async () => {
    const leadPage = await signInOnNewPage('S200', 'morning-shift-lead');
    await leadPage.getByRole('heading', { name: '大厅总览' }).waitFor();
    const links = await leadPage.getByRole('navigation', { name: '管理台导航' }).getByRole('link').allTextContents();
    expect(links).toEqual(['大厅总览', '终端与配对', '设备', '群众求助', '整改提升', '账号与会话']);

    await page.reload();
    await page.getByRole('heading', { name: '在线会话' }).waitFor();
    const row = page.getByRole('region', { name: '在线会话' }).getByRole('row', { name: /吴值班/ });
    expect(await row.textContent()).toContain('127.0.0.1');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'admin-sessions');
    await row.getByRole('button', { name: '结束 吴值班 的会话' }).click();
    await page.getByRole('status').filter({ hasText: '已结束 吴值班 的会话' }).waitFor();
    await leadPage.getByRole('heading', { name: '大厅管理台登录' }).waitFor();
    await leadPage.close();
  });

  it('a 回访员 sees only the 差评 cases: no statistics or export tab that would answer 403', async () => {
    const callbackPage = await signInOnNewPage('H200', 'call-back-every-case');
    const tabs = callbackPage.getByRole('navigation', { name: '好差评' });
    await tabs.waitFor();
    const links = await callbackPage.getByRole('navigation', { name: '管理台导航' }).getByRole('link').allTextContents();
    expect(links).toEqual(['好差评', '账号与会话']);
    expect(await tabs.getByRole('button').allTextContents()).toEqual(['差评回访整改']);
    expect(await layoutProblems(callbackPage)).toEqual({ outside: [], overlapping: [], squeezed: [] });
    expect(await axeViolations(callbackPage)).toEqual([]);
    await screenshot(callbackPage, 'admin-callback-ratings');
    await callbackPage.close();
  });

  it('退出登录 ends the session on the server too', async () => {
    const token = await page.evaluate(() => {
      for (let i = 0; i < sessionStorage.length; i++) {
        const value = sessionStorage.getItem(sessionStorage.key(i)!) ?? '';
        if (value.includes('"token"')) return (JSON.parse(value) as { token: string }).token;
      }
      for (let i = 0; i < localStorage.length; i++) {
        const value = localStorage.getItem(localStorage.key(i)!) ?? '';
        if (value.includes('"token"')) return (JSON.parse(value) as { token: string }).token;
      }
      return null;
    });
    expect(token).not.toBeNull();
    await page.getByRole('button', { name: '退出登录' }).click();
    await page.getByRole('heading', { name: '大厅管理台登录' }).waitFor();
    expect((await hall.api('GET', '/api/whoami', undefined, token!)).status).toBe(401);
    await screenshot(page, 'admin-login');
  });

  it('runs under the strict Content-Security-Policy without breaking it', () => {
    expect(cspViolations).toEqual([]);
  });
});
