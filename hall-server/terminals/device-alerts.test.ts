import { describe, expect, it } from 'vitest';
import { deviceAlerts } from './device-alerts.ts';

const printer = (code?: string) => ({ device: 'printer', state: code ? ('offline' as const) : ('ok' as const), ...(code ? { code } : {}) });

describe('device alerts', () => {
  it('raises paper-out once when it starts and ends it when paper is loaded; other problems raise nothing', () => {
    expect(deviceAlerts([printer()], [printer('paper_out')])).toEqual([{ device: 'printer', code: 'paper_out', active: true, reason: '打印机缺纸，请更换打印纸' }]);
    expect(deviceAlerts([printer('paper_out')], [printer('paper_out')])).toEqual([]);
    expect(deviceAlerts([printer('paper_out')], [printer()])).toEqual([{ device: 'printer', code: 'paper_out', active: false, reason: '打印机已装纸，恢复出票' }]);
    expect(deviceAlerts([printer()], [printer('cover_open')])).toEqual([]);
    expect(deviceAlerts([], [printer('paper_out')])).toHaveLength(1);
  });
});
