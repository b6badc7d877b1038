// Health hysteresis on a hand-driven clock: worse at once, better only after it has held.
import { describe, expect, it } from 'vitest';
import { HealthHold, type HealthReport, type Schedule } from './health-hold.ts';

const OK: HealthReport = { state: 'ok', code: 'ok', reason: '工作正常' };
const NOISY: HealthReport = { state: 'degraded', code: 'bad_data', reason: '读卡器数据异常，正在恢复' };
const SILENT: HealthReport = { state: 'offline', code: 'no_reply', reason: '读卡器无响应，请检查连接或电源' };
const SELF_TEST: HealthReport = { state: 'offline', code: 'sam_self_test_failed', reason: '读卡器安全模块自检失败，请联系工作人员' };
const STARTING: HealthReport = { state: 'offline', code: 'starting', reason: '设备正在连接' };

function rig() {
  const shown: string[] = [];
  let timer: { run: () => void; ms: number } | null = null;
  const schedule: Schedule = (run, ms) => {
    timer = { run, ms };
    return () => (timer = null);
  };
  const hold = new HealthHold(STARTING, (report) => shown.push(report.code), 3_000, schedule);
  const elapse = () => {
    const due = timer;
    timer = null;
    due?.run();
  };
  return { hold, shown, elapse, pending: () => timer };
}

describe('HealthHold', () => {
  it('shows the first state after start at once, even a better one', () => {
    const { hold, shown } = rig();
    hold.report(OK);
    expect(shown).toEqual(['ok']);
  });

  it('a noisy line that alternates bad frames and good replies shows one steady degraded state', () => {
    const { hold, shown, pending } = rig();
    hold.report(OK);
    for (let i = 0; i <= 200; i++) hold.report(i % 2 === 0 ? NOISY : OK);
    expect(shown).toEqual(['ok', 'bad_data']);
    expect(pending()).toBeNull();
  });

  it('a better state is shown once it has held for the hold time with nothing as bad in between', () => {
    const { hold, shown, elapse, pending } = rig();
    hold.report(OK);
    hold.report(SILENT);
    hold.report(NOISY);
    hold.report(OK);
    expect(shown).toEqual(['ok', 'no_reply']);
    expect(pending()?.ms).toBe(3_000);
    elapse();
    expect(shown).toEqual(['ok', 'no_reply', 'ok']);
  });

  it('a worse state or another reason at the same level is shown at once', () => {
    const { hold, shown } = rig();
    hold.report(NOISY);
    hold.report(SILENT);
    hold.report(SELF_TEST);
    expect(shown).toEqual(['bad_data', 'no_reply', 'sam_self_test_failed']);
  });
});
