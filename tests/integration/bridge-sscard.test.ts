// Social-security card reader (serial APDU pass-through) over a pseudo-terminal.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBridge, type TestBridge, type TestPage } from '../support/bridge.ts';

let bridge: TestBridge;
let page: TestPage;

beforeAll(async () => {
  bridge = await startTestBridge({ config: { devices: { printer: { transport: 'none' }, idcard: { transport: 'none' }, scanner: { transport: 'none' } } } });
  page = await bridge.connect();
  await page.waitForHealth('sscard', 'ok');
  await page.request({ type: 'waiting', waiting: true });
});

afterAll(async () => {
  await bridge?.close();
});

async function remove() {
  const since = page.count;
  await page.sim({ action: 'card.remove', reader: 'sscard' });
  await page.waitFor('identity.removed', (m) => m.source === 'sscard', 10_000, since);
}

describe('social-security card reader over a pseudo-terminal', () => {
  it('reads the social-security application with the documented APDUs', async () => {
    const since = page.count;
    await page.sim({ action: 'card.insert', reader: 'sscard', preset: 'senior' });
    const event = await page.waitFor('identity.read', () => true, 10_000, since);
    expect(event.identity).toEqual({ source: 'sscard', name: '王秀英', idNumber: expect.stringMatching(/^21010219480305002[\dX]$/), birthDate: '1948-03-05', gender: '女', docType: 'resident' });
    await remove();
  });

  it('a card that refuses a free read gives "请改用身份证或医保码"', async () => {
    const since = page.count;
    await page.sim({ action: 'card.insert', reader: 'sscard', preset: 'resident', locked: true });
    const failed = await page.waitFor('identity.failed', () => true, 10_000, since);
    expect(failed).toEqual({ type: 'identity.failed', source: 'sscard', code: 'locked', message: '此卡需要密码或专用设备才能读取，请改用身份证或医保码' });
    await remove();
  });

  it('recovers from unplug and silence', async () => {
    let since = page.count;
    await page.sim({ action: 'device.unplug', device: 'sscard' });
    await page.waitForHealth('sscard', 'offline', 'unplugged', 10_000, since);
    await page.sim({ action: 'device.replug', device: 'sscard' });
    await page.waitForHealth('sscard', 'ok', 'ok', 10_000, since);
    since = page.count;
    await page.sim({ action: 'device.silence', device: 'sscard', silent: true });
    await page.waitForHealth('sscard', 'offline', 'no_reply', 10_000, since);
    await page.sim({ action: 'device.silence', device: 'sscard', silent: false });
    await page.waitForHealth('sscard', 'ok', 'ok', 10_000, since);
  });
});
