// ESC/POS printer driver over a socat pseudo-terminal: status before and after each job, refusal with a reason,
// and the simulated printer's decoded tickets on disk.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_TICKET } from '../../protocol/bridge/ticket/sample.ts';
import { startTestBridge, type TestBridge, type TestPage } from '../support/bridge.ts';

let bridge: TestBridge;
let page: TestPage;

beforeAll(async () => {
  bridge = await startTestBridge({ config: { devices: { idcard: { transport: 'none' }, sscard: { transport: 'none' }, scanner: { transport: 'none' } } } });
  page = await bridge.connect();
  await page.waitForHealth('printer', 'ok');
});

afterAll(async () => {
  await bridge?.close();
});

async function print(ticket: Record<string, unknown> = SAMPLE_TICKET) {
  const reply = await page.request({ type: 'print', ticket });
  if (reply.type !== 'print.result') throw new Error(`unexpected reply ${JSON.stringify(reply)}`);
  return reply.result;
}

const printedFiles = () => readdirSync(bridge.printedDir).sort();

const EXPECTED_TEXT = [
  '沈阳市和平区医疗保障服务大厅',
  '-'.repeat(48),
  'A012',
  '医疗费用手工（零星）报销',
  '您前面还有 3 人等候',
  '请到 3号窗口、5号窗口 办理',
  '取号时间 2026-11-22 09:41',
  '姓名 张*三',
  '-'.repeat(48),
  '请备齐以下材料（一次性告知）：',
  '办理时限：20个工作日',
  '1. 本人有效身份证件或社会保障卡（原件 1份）',
  '2. 医疗费用原始票据（原件 1份）',
  '3. 费用明细清单（原件 1份）',
  '4. 出院小结或诊断证明（住院费用）（复印件 1份，',
  '   可容缺后补）',
  '标“可容缺后补”的材料暂缺时可先受理，按承诺期限',
  '   补交',
  '-'.repeat(48),
  '[QR] https://hall.example/t/A012?d=20261122&h=SY-HP-01',
  '',
  '扫码查看排队进度',
  '-'.repeat(48),
  '监督电话 024-12345678',
  '中国医保 一生守护',
].join('\n') + '\n';

describe('ticket printer over a pseudo-terminal', () => {
  it('DB21/T 4402 §9.3: prints a ticket with every material, its form, count and 容缺 mark and the time limit, confirmed by a clean status after the job; the simulator keeps SVG + decoded text', async () => {
    expect(await print()).toEqual({ ok: true, code: 'printed', message: '小票已打印' });
    const files = printedFiles();
    expect(files.filter((f) => f.endsWith('.svg'))).toHaveLength(1);
    const text = readFileSync(join(bridge.printedDir, files.find((f) => f.endsWith('.txt')) as string), 'utf8');
    expect(text).toBe(EXPECTED_TEXT);
    const svg = readFileSync(join(bridge.printedDir, files.find((f) => f.endsWith('.svg')) as string), 'utf8');
    expect(svg).toContain('>A012</text>');
    expect(svg).toMatch(/<path d="M/);
  });

  it('reprints the last ticket marked 补打', async () => {
    const before = printedFiles().length;
    expect((await page.request({ type: 'reprint' })).type).toBe('print.result');
    const txt = printedFiles().filter((f) => f.endsWith('.txt')).at(-1) as string;
    expect(printedFiles().length).toBe(before + 2);
    expect(readFileSync(join(bridge.printedDir, txt), 'utf8').split('\n')[1]).toBe('（补打）');
  });

  it('DB21/T 4402 §9.3: a list too long for one slip continues on a second slip, nothing dropped', async () => {
    const before = printedFiles().filter((f) => f.endsWith('.txt')).length;
    const materials = Array.from({ length: 10 }, (_, i) => ({ name: `第${i + 1}项证明材料，由所在单位或社区出具并加盖公章`, form: 'copy', count: 2, deferrable: false }));
    expect(await print({ ...SAMPLE_TICKET, materials })).toEqual({ ok: true, code: 'printed', message: '小票已打印' });
    const slips = printedFiles().filter((f) => f.endsWith('.txt')).slice(before);
    expect(slips).toHaveLength(2);
    const first = readFileSync(join(bridge.printedDir, slips[0]!), 'utf8').split('\n');
    expect(first.filter((l) => /^\d+\. /.test(l)).map((l) => l.split('.')[0])).toEqual(['1', '2', '3', '4', '5']);
    expect(first).toContain('（材料清单未完，续见下一张小票）');
    expect(readFileSync(join(bridge.printedDir, slips[1]!), 'utf8')).toBe([
      '沈阳市和平区医疗保障服务大厅',
      '-'.repeat(48),
      'A012 号 一次性告知（续）',
      '医疗费用手工（零星）报销',
      '-'.repeat(48),
      '请备齐以下材料（续）：',
      '办理时限：20个工作日',
      ...[6, 7, 8, 9].flatMap((n) => [`${n}. 第${n}项证明材料，由所在单位或社区出具并加盖公章`, '   （复印件 2份）']),
      '10. 第10项证明材料，由所在单位或社区出具并加盖公',
      '   章（复印件 2份）',
      '-'.repeat(48),
      '中国医保 一生守护',
    ].join('\n') + '\n');
  });

  it('refuses a job when paper is out before it, with the reason, and prints nothing', async () => {
    const before = printedFiles().length;
    const since = page.count;
    await page.sim({ action: 'printer.paper', paper: 'out' });
    await page.waitForHealth('printer', 'offline', 'paper_out', 10_000, since);
    expect(await print()).toEqual({ ok: false, code: 'paper_out', message: '打印机缺纸，请更换打印纸，小票无法打印' });
    expect(printedFiles().length).toBe(before);
    await page.sim({ action: 'printer.paper', paper: 'ok' });
    await page.waitForHealth('printer', 'ok', 'ok', 10_000, since);
  });

  it('prints with a warning when paper is near its end, and the console sees degraded health', async () => {
    const since = page.count;
    await page.sim({ action: 'printer.paper', paper: 'near_end' });
    expect(await print()).toEqual({ ok: true, code: 'printed', message: '小票已打印', warning: { code: 'paper_near_end', message: '打印纸即将用完，请及时更换' } });
    const health = await page.waitForHealth('printer', 'degraded', 'paper_near_end', 10_000, since);
    expect(health.devices.find((d) => d.id === 'printer')?.health.reason).toBe('打印纸即将用完，请及时更换');
    await page.sim({ action: 'printer.paper', paper: 'ok' });
  });

  it('paper running out mid-job: not reported printed, and the paper shows an incomplete ticket', async () => {
    bridge.sim.printer?.runOutOfPaperAfter(300);
    expect(await print()).toEqual({ ok: false, code: 'paper_out', message: '打印过程中打印机缺纸，请更换打印纸，小票可能不完整' });
    const txt = printedFiles().filter((f) => f.endsWith('.txt')).at(-1) as string;
    expect(readFileSync(join(bridge.printedDir, txt), 'utf8').startsWith('（打印中断，小票不完整）\n')).toBe(true);
    await page.sim({ action: 'printer.paper', paper: 'ok' });
    expect((await print()).ok).toBe(true);
  });

  it('refuses a job while the cover is open', async () => {
    await page.sim({ action: 'printer.cover', open: true });
    expect(await print()).toEqual({ ok: false, code: 'cover_open', message: '打印机纸仓盖未关好，小票无法打印' });
    await page.sim({ action: 'printer.cover', open: false });
    expect((await print()).ok).toBe(true);
  });

  it('ignores garbage bytes from the printer and still reads its status', async () => {
    await page.sim({ action: 'device.garbage', device: 'printer', hex: '00ff0155aa' });
    expect(await print()).toEqual({ ok: true, code: 'printed', message: '小票已打印' });
  });

  it('silence → no_reply refusal and offline, then recovery', async () => {
    const since = page.count;
    await page.sim({ action: 'device.silence', device: 'printer', silent: true });
    expect(await print()).toEqual({ ok: false, code: 'no_reply', message: '打印机无响应，小票无法打印' });
    await page.waitForHealth('printer', 'offline', 'no_reply', 10_000, since);
    await page.sim({ action: 'device.silence', device: 'printer', silent: false });
    await page.waitForHealth('printer', 'ok', 'ok', 10_000, since);
    expect((await print()).ok).toBe(true);
  });

  it('unplugged: offline, refuses, and comes back by itself after re-plugging', async () => {
    const since = page.count;
    await page.sim({ action: 'device.unplug', device: 'printer' });
    await page.waitForHealth('printer', 'offline', 'unplugged', 10_000, since);
    expect(await print()).toEqual({ ok: false, code: 'printer_offline', message: '打印机未连接，小票无法打印' });
    await page.sim({ action: 'device.replug', device: 'printer' });
    await page.waitForHealth('printer', 'ok', 'ok', 10_000, since);
    expect((await print()).ok).toBe(true);
  });

  it('rejects a ticket with an unmasked name before it reaches the printer', async () => {
    const reply = await page.request({ type: 'print', ticket: { ...SAMPLE_TICKET, maskedName: '张小三' } });
    expect(reply).toMatchObject({ type: 'error', code: 'invalid_message' });
    expect((reply as { message: string }).message).toContain('姓名未脱敏，不能打印在小票上');
  });
});
