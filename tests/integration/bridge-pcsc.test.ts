// Social-security card reader over PC/SC, end to end: the real pcsclite addon → a private pcscd → the vpcd virtual
// reader → the simulated card speaking vpcd's wire protocol. Needs pcscd and vsmartcard-vpcd (fails, never skips).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIM_PRESETS } from '../../device-bridge/simulators/identities.ts';
import { ssCardFor } from '../../device-bridge/simulators/ss-reader.ts';
import { VpcdCard } from '../../device-bridge/simulators/vpcd-card.ts';
import { startTestBridge, type TestBridge, type TestPage } from '../support/bridge.ts';
import { PrivatePcscd } from '../support/pcscd.ts';

const SERVICE_DOWN = '读卡服务（pcscd）未运行，请联系技术人员启动读卡服务';

let pcscd: PrivatePcscd;
let bridge: TestBridge;
let page: TestPage;
const cards: VpcdCard[] = [];

beforeAll(async () => {
  pcscd = await PrivatePcscd.create();
  bridge = await startTestBridge({
    config: {
      devices: {
        printer: { transport: 'none' },
        idcard: { transport: 'none' },
        scanner: { transport: 'none' },
        sscard: { transport: 'pcsc', reader: 'Virtual PCD' },
      },
    },
  });
  page = await bridge.connect();
});

afterAll(async () => {
  for (const card of cards) await card.remove();
  await bridge?.close();
  await pcscd?.dispose();
});

/** vpcd accepts the card once pcscd has loaded the driver; retried until then. */
async function insert(preset: 'senior' | 'resident', locked = false, pulledAfterApdus = Infinity): Promise<VpcdCard> {
  const card = new VpcdCard(ssCardFor(SIM_PRESETS[preset], locked), pcscd.vpcdPort, '127.0.0.1', pulledAfterApdus);
  cards.push(card);
  for (let attempt = 0; ; attempt++) {
    try {
      await card.insert();
      return card;
    } catch (error) {
      if (attempt >= 40) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

async function remove(card: VpcdCard): Promise<void> {
  const since = page.count;
  await card.remove();
  await page.waitFor('identity.removed', (m) => m.source === 'sscard', 10_000, since);
}

describe('social-security card reader over PC/SC (pcscd + vpcd)', () => {
  it('without pcscd the reader is offline with a reason a manager understands', async () => {
    const { devices } = await page.waitForHealth('sscard', 'offline', 'service_down');
    expect(devices.find((device) => device.id === 'sscard')).toMatchObject({
      transport: 'pcsc',
      simulated: false,
      health: { state: 'offline', code: 'service_down', reason: SERVICE_DOWN },
    });
  });

  it('recovers when pcscd starts and the virtual reader appears', async () => {
    const since = page.count;
    await pcscd.start();
    await page.waitForHealth('sscard', 'ok', 'ok', 15_000, since);
  });

  it('a configured reader name that pcscd does not list leaves the reader offline with a reason', async () => {
    const other = await startTestBridge({ config: { devices: { printer: { transport: 'none' }, idcard: { transport: 'none' }, scanner: { transport: 'none' }, sscard: { transport: 'pcsc', reader: 'ACR39' } } } });
    try {
      const otherPage = await other.connect();
      const { devices } = await otherPage.waitForHealth('sscard', 'offline', 'no_reader');
      expect(devices.find((device) => device.id === 'sscard')?.health.reason).toBe('未找到社保卡读卡器，请检查读卡器连接');
    } finally {
      await other.close();
    }
  });

  it('reads the identity from an inserted card through the real PC/SC stack', async () => {
    const since = page.count;
    const card = await insert('senior');
    const event = await page.waitFor('identity.read', () => true, 15_000, since);
    expect(event.identity).toEqual({ source: 'sscard', name: '王秀英', idNumber: expect.stringMatching(/^21010219480305002[\dX]$/), birthDate: '1948-03-05', gender: '女', docType: 'resident' });
    expect(card.controls).toContain(0x01);
    await remove(card);
    expect(page.received.slice(since).filter((m) => m.type === 'identity.read')).toHaveLength(1);
  });

  it('a card pulled out in the middle of the read gives no identity and no error; the next card reads', async () => {
    const since = page.count;
    const pulled = await insert('senior', false, 4);
    await new Promise<void>((resolve) => {
      const check = setInterval(() => {
        if (pulled.inserted) return;
        clearInterval(check);
        resolve();
      }, 20);
    });
    const card = await insert('resident');
    const event = await page.waitFor('identity.read', () => true, 15_000, since);
    expect(event.identity).toMatchObject({ source: 'sscard', name: '张三' });
    expect(page.received.slice(since).filter((m) => m.type === 'identity.read' || m.type === 'identity.failed')).toHaveLength(1);
    expect(page.received.slice(since).some((m) => m.type === 'devices' && m.devices.some((d) => d.id === 'sscard' && d.health.state !== 'ok'))).toBe(false);
    await remove(card);
  });

  it('a card that refuses a free read gives "请改用身份证或医保码"', async () => {
    const since = page.count;
    const card = await insert('resident', true);
    const failed = await page.waitFor('identity.failed', () => true, 15_000, since);
    expect(failed).toEqual({ type: 'identity.failed', source: 'sscard', code: 'locked', message: '此卡需要密码或专用设备才能读取，请改用身份证或医保码' });
    await remove(card);
  });

  it('a card that cannot speak the configured protocol (T=1 forced, the card offers T=0 only) is refused with a reason', async () => {
    const other = await startTestBridge({ config: { devices: { printer: { transport: 'none' }, idcard: { transport: 'none' }, scanner: { transport: 'none' }, sscard: { transport: 'pcsc', protocol: 'T1' } } } });
    const since = page.count;
    const card = await insert('senior');
    try {
      const otherPage = await other.connect();
      const failed = await otherPage.waitFor('identity.failed', () => true, 15_000);
      expect(failed).toEqual({ type: 'identity.failed', source: 'sscard', code: 'protocol_mismatch', message: '社保卡不支持读卡器设置的通信协议，请联系技术人员检查设置' });
    } finally {
      await other.close();
      // The main bridge reports a removal only of a card it has reported; while the other bridge held the card, a
      // busy machine can keep it retrying until after this point.
      await Promise.any([
        page.waitFor('identity.read', (m) => m.identity.source === 'sscard', 15_000, since),
        page.waitFor('identity.failed', (m) => m.source === 'sscard', 15_000, since),
      ]);
      await remove(card);
    }
  });

  it('pcscd stopping takes the reader offline; it comes back with pcscd and reads again', async () => {
    let since = page.count;
    await pcscd.stop();
    const { devices } = await page.waitForHealth('sscard', 'offline', 'service_down', 15_000, since);
    expect(devices.find((device) => device.id === 'sscard')?.health.reason).toBe(SERVICE_DOWN);
    since = page.count;
    await pcscd.start();
    await page.waitForHealth('sscard', 'ok', 'ok', 15_000, since);
    const card = await insert('resident');
    const event = await page.waitFor('identity.read', () => true, 15_000, since);
    expect(event.identity).toMatchObject({ source: 'sscard', name: '张三', birthDate: '1985-06-12', gender: '男' });
    await remove(card);
  });
});
