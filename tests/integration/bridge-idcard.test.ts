// ID card reader driver over a socat pseudo-terminal through the real serialport stack, with every fault the issue names.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAM_SW3_ERRORS } from '../../device-bridge/codecs/sam-status.ts';
import { startTestBridge, type TestBridge, type TestPage } from '../support/bridge.ts';

let bridge: TestBridge;
let page: TestPage;

beforeAll(async () => {
  bridge = await startTestBridge({ config: { devices: { printer: { transport: 'none' }, sscard: { transport: 'none' }, scanner: { transport: 'none' } } } });
  page = await bridge.connect();
  await page.waitForHealth('idcard', 'ok');
  const reply = await page.request({ type: 'waiting', waiting: true });
  expect(reply.type).toBe('ack');
});

afterAll(async () => {
  await bridge?.close();
});

async function insertAndRead(preset: string) {
  const since = page.count;
  await page.sim({ action: 'card.insert', reader: 'idcard', preset });
  return page.waitFor('identity.read', () => true, 10_000, since);
}

async function remove() {
  const since = page.count;
  await page.sim({ action: 'card.remove', reader: 'idcard' });
  await page.waitFor('identity.removed', () => true, 10_000, since);
}

describe('ID card reader over a pseudo-terminal', () => {
  it('reads a resident card once per placement, with only the fields the flow needs', async () => {
    const since = page.count;
    const event = await insertAndRead('resident');
    expect(event.identity).toEqual({ source: 'idcard', name: '张三', idNumber: expect.stringMatching(/^21010219850612003[\dX]$/), birthDate: '1985-06-12', gender: '男', docType: 'resident' });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(page.received.slice(since).filter((m) => m.type === 'identity.read')).toHaveLength(1);
    await remove();
  });

  it('reads a 长期 card and a J card (港澳台居民居住证)', async () => {
    expect((await insertAndRead('longTerm')).identity.name).toBe('李建国');
    await remove();
    const j = await insertAndRead('hkMacaoTaiwan');
    expect(j.identity.docType).toBe('J');
    expect(j.identity.idNumber.startsWith('810000')).toBe(true);
    await remove();
  });

  it('refuses a foreigner card with a clear Chinese message', async () => {
    const since = page.count;
    await page.sim({ action: 'card.insert', reader: 'idcard', preset: 'foreigner' });
    const failed = await page.waitFor('identity.failed', () => true, 10_000, since);
    expect(failed).toEqual({ type: 'identity.failed', source: 'idcard', code: 'foreigner_card', message: '暂不支持外国人永久居留身份证，请改用医保码或到窗口办理' });
    await remove();
  });

  it('turns every SW3 error of a read into identity.failed with its typed code and Chinese reason', async () => {
    const reader = bridge.sim.idReader;
    if (!reader) throw new Error('no simulated ID reader');
    for (const [sw3, { code, reason }] of Object.entries(SAM_SW3_ERRORS)) {
      const since = page.count;
      reader.failCommand('30 1', Number(sw3), 3);
      await page.sim({ action: 'card.insert', reader: 'idcard', preset: 'resident' });
      const failed = await page.waitFor('identity.failed', () => true, 10_000, since);
      expect(failed).toEqual({ type: 'identity.failed', source: 'idcard', code, message: reason });
      await remove();
    }
  });

  it('a failing SAM self-test takes the reader offline with the reason, and it recovers', async () => {
    const reader = bridge.sim.idReader;
    if (!reader) throw new Error('no simulated ID reader');
    const since = page.count;
    await page.sim({ action: 'device.unplug', device: 'idcard' });
    await page.waitForHealth('idcard', 'offline', 'unplugged', 10_000, since);
    reader.failCommand('11 ff', 0x60, 1);
    await page.sim({ action: 'device.replug', device: 'idcard' });
    const offline = await page.waitForHealth('idcard', 'offline', 'sam_self_test_failed', 10_000, since);
    expect(offline.devices.find((d) => d.id === 'idcard')?.health.reason).toBe('读卡器安全模块自检失败，请联系工作人员');
    await page.waitForHealth('idcard', 'ok', 'ok', 10_000, page.count - 1);
  });

  it('skips leading garbage and bad frames, shows degraded, then reads the card', async () => {
    const since = page.count;
    // Noise, then a frame with a broken XOR, then a frame with an impossible length.
    await page.sim({ action: 'device.garbage', device: 'idcard', hex: '00ff13aaaa' + 'aaaaaa966900030000' + '90' + '00' + 'aaaaaa9669ffff' });
    await page.waitForHealth('idcard', 'degraded', 'bad_data', 10_000, since);
    const event = await insertAndRead('senior');
    expect(event.identity.name).toBe('王秀英');
    await page.waitForHealth('idcard', 'ok', 'ok', 10_000, since);
    await remove();
  });

  it('reads a card whose reply arrives in slow 7-byte chunks', async () => {
    await page.sim({ action: 'device.slow', device: 'idcard', chunkBytes: 7, delayMs: 1 });
    try {
      expect((await insertAndRead('resident')).identity.name).toBe('张三');
      await remove();
    } finally {
      await page.sim({ action: 'device.slow', device: 'idcard', chunkBytes: 0, delayMs: 0 });
    }
  });

  it('silence → timeout → offline, then ok again when the reader answers', async () => {
    const since = page.count;
    await page.sim({ action: 'device.silence', device: 'idcard', silent: true });
    const offline = await page.waitForHealth('idcard', 'offline', 'no_reply', 10_000, since);
    expect(offline.devices.find((d) => d.id === 'idcard')?.health.reason).toBe('读卡器无响应，请检查连接或电源');
    const back = page.count;
    await page.sim({ action: 'device.silence', device: 'idcard', silent: false });
    await page.waitForHealth('idcard', 'ok', 'ok', 10_000, back);
    expect((await insertAndRead('resident')).identity.name).toBe('张三');
    await remove();
  });

  it('unplug during a read: offline, reconnects by itself, and reads the card again', async () => {
    const since = page.count;
    await page.sim({ action: 'device.slow', device: 'idcard', chunkBytes: 64, delayMs: 20 });
    await page.sim({ action: 'card.insert', reader: 'idcard', preset: 'resident' });
    // Pull the cable while the 1295-byte read reply trickles out.
    const reader = bridge.sim.idReader;
    const deadline = Date.now() + 5_000;
    while (!reader?.commands.slice(-3).includes('30 1') && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 5));
    await page.sim({ action: 'device.unplug', device: 'idcard' });
    await page.waitForHealth('idcard', 'offline', 'unplugged', 10_000, since);
    expect(page.received.slice(since).some((m) => m.type === 'identity.read')).toBe(false);
    await page.sim({ action: 'device.slow', device: 'idcard', chunkBytes: 0, delayMs: 0 });
    const back = page.count;
    await page.sim({ action: 'device.replug', device: 'idcard' });
    await page.waitForHealth('idcard', 'ok', 'ok', 10_000, back);
    expect((await page.waitFor('identity.read', () => true, 10_000, since)).identity.name).toBe('张三');
    await remove();
  });
});
