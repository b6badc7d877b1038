import { describe, expect, it } from 'vitest';
import type { HallEventMessage } from '../../protocol/hall/index.ts';
import { alertLines, alertsFromSnapshot, applyAlertEvent, escalationLines, escalationsFromSnapshot, NO_ALERTS } from './alerts.ts';

let seq = 0;
const event = (type: string, data: unknown): HallEventMessage => ({ seq: ++seq, type, at: '2026-11-23T01:00:00.000Z', data });
const request = (id: number, resolvedAt: string | null = null) => ({
  id, terminalId: 'k1', terminalName: '1号取号机', screen: 'identify', at: '2026-11-23T01:00:00.000Z', resolvedAt, resolvedBy: resolvedAt ? '张三' : null,
});

describe('counter alerts', () => {
  it('adds a help request once, drops it when resolved, and starts from the snapshot', () => {
    let s = alertsFromSnapshot([request(1)]);
    s = applyAlertEvent(s, event('help.requested', { request: request(2) }));
    s = applyAlertEvent(s, event('help.requested', { request: request(2) }));
    expect(s.help.map((r) => r.id)).toEqual([1, 2]);
    s = applyAlertEvent(s, event('help.resolved', { request: request(1, '2026-11-23T01:05:00.000Z') }));
    expect(alertLines(s)).toEqual(['1号取号机 有群众呼叫工作人员，请前往协助']);
  });

  it('shows a printer out of paper until paper is loaded; ignores other events and malformed data', () => {
    const alert = (active: boolean) => event('device.alert', { terminalId: 'k1', terminalName: '1号取号机', device: 'printer', code: 'paper_out', active, reason: active ? '打印机缺纸，请更换打印纸' : '打印机已装纸，恢复出票' });
    let s = applyAlertEvent(NO_ALERTS, alert(true));
    expect(alertLines(s)).toEqual(['1号取号机：打印机缺纸，请更换打印纸']);
    expect(applyAlertEvent(s, event('device.alert', { terminalId: 'k1' }))).toBe(s);
    expect(applyAlertEvent(s, event('queue.changed', { services: [] }))).toBe(s);
    s = applyAlertEvent(s, alert(false));
    expect(alertLines(s)).toEqual([]);
  });

  it('国办发〔2019〕51号: shows the window’s overdue 差评 case from the snapshot or the event until it is cleared', () => {
    const escalation = { caseId: 'C1', window: 1, ticketNumber: 'A001', serviceName: '城乡居民参保登记', dueOn: '2026-10-26', escalatedAt: '2026-10-27T02:00:00.000Z' };
    const line = '1号窗口 A001 号（城乡居民参保登记）的差评回访已超过 10月26日 的办结时限，已上报大厅负责人，请尽快处理';
    expect(escalationsFromSnapshot({ open: [escalation] })).toEqual([escalation]);
    expect(escalationsFromSnapshot({ open: 'nonsense' })).toEqual([]);
    expect(escalationsFromSnapshot(undefined)).toEqual([]);
    let s = applyAlertEvent(NO_ALERTS, event('case.escalated', escalation));
    s = applyAlertEvent(s, event('case.escalated', escalation));
    expect(escalationLines(s)).toEqual([line]);
    expect(alertLines(s)).toEqual([]);
    s = applyAlertEvent(s, event('case.escalation.cleared', { caseId: 'C1', window: 1 }));
    expect(escalationLines(s)).toEqual([]);
  });
});
