import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../protocol/hall/audit.ts';
import { describeActor, describeDetails, hallDateTime } from './describe.ts';
import { actionLabel } from './labels.ts';

const admin = { id: 'admin:1', role: 'admin' as const, name: '大厅管理员' };
const ctx = { serviceName: (code: string) => (code === 'B02' ? '医保关系转移接续' : code) };
function entry(action: string, details: AuditEntry['details'], more: Partial<AuditEntry> = {}): AuditEntry {
  return { id: 1, at: '2026-11-23T09:00:05.000Z', actor: admin, action, details, refs: { terminal: null, ticket: null }, ...more };
}

describe('audit entries in plain Chinese', () => {
  it('names the action, window actions and 差评 steps included', () => {
    expect(actionLabel('ratings.export')).toBe('导出评价数据');
    expect(actionLabel('terminal.revoked')).toBe('吊销终端');
    expect(actionLabel('window.call-next')).toBe('呼叫下一位');
    expect(actionLabel('ratings.case.callback')).toBe('差评处理：回访核实');
    expect(actionLabel('something.new')).toBe('something.new');
  });

  it('says who acted', () => {
    expect(describeActor(entry('ratings.export', {}))).toBe('大厅管理员（管理台）');
    expect(describeActor(entry('window.start', {}, { actor: { id: 'c1', role: 'counter', name: '演示1号窗口叫号面板' } }))).toBe('演示1号窗口叫号面板');
    expect(describeActor(entry('queue.daily_reset', {}, { actor: null }))).toBe('系统');
    expect(describeActor(entry('admin.login_failed', {}, { actor: null }))).toBe('未登录');
    expect(describeActor(entry('pack.activate', {}, { actor: { id: 'system', role: 'admin', name: null } }))).toBe('系统');
  });

  it('writes the details out', () => {
    expect(describeDetails(entry('ratings.export', { kind: 'upstream', from: '2026-11-01', to: '2026-11-23', rows: 3 }), ctx)).toBe(
      '上报格式（12列，含证件号码），2026-11-01 至 2026-11-23，共 3 条',
    );
    expect(describeDetails(entry('terminal.revoked', { terminal: 'x' }, { refs: { terminal: '二楼取号机', ticket: null } }), ctx)).toBe('终端：二楼取号机');
    expect(describeDetails(entry('window.transfer', { window: 2, ticket: 't', toService: 'B02' }, { refs: { terminal: null, ticket: 'A003' } }), ctx)).toBe(
      '2号窗口，号码 A003，转往事项：医保关系转移接续',
    );
    expect(describeDetails(entry('window.finish', { window: 1, ticket: 't', caseNumber: null }, { refs: { terminal: null, ticket: 'A001' } }), ctx)).toBe(
      '1号窗口，号码 A001',
    );
    expect(describeDetails(entry('pairing_code.created', { role: 'pad', window: 2, name: '2号窗口评价器' }), ctx)).toBe('评价器 · 2号窗口，名称：2号窗口评价器');
    expect(describeDetails(entry('pack.refused', { packId: null, version: null, errors: 2 }), ctx)).toBe('内容包（无法识别），2 个问题');
    expect(describeDetails(entry('ratings.case.rectify', { caseId: 'C1', from: '已回访核实', to: '整改中' }), ctx)).toBe('差评 C1：已回访核实 → 整改中');
    expect(describeDetails(entry('ticket.print_result', { ticket: 't', outcome: 'failed', reason: '缺纸' }, { refs: { terminal: null, ticket: 'A002' } }), ctx)).toBe(
      '号码 A002：打印失败（缺纸）',
    );
    expect(describeDetails(entry('other.thing', { a: 1, b: 'x' }), ctx)).toBe('a：1；b：x');
  });

  it('shows the time in hall time', () => {
    expect(hallDateTime('2026-11-23T15:59:59.999Z', 480)).toBe('2026-11-23 23:59:59');
  });

  it('names the person and says what happened to accounts and sessions', () => {
    const person = { id: 'admin:2', role: 'admin' as const, name: '王值班（工号 S101）' };
    expect(describeActor(entry('pairing_code.created', {}, { actor: person }))).toBe('王值班（工号 S101）（管理台）');
    expect(describeActor(entry('admin.setup_failed', {}, { actor: null }))).toBe('未登录');
    expect(describeDetails(entry('account.created', { account: 'a', staffNo: 'S101', role: 'shift_lead' }), ctx)).toBe('工号 S101，值班长');
    expect(describeDetails(entry('account.updated', { account: 'a', staffNo: 'S101', disabled: true }), ctx)).toBe('工号 S101：停用');
    expect(describeDetails(entry('admin.login_failed', { staffNo: 'S101' }, { actor: null }), ctx)).toBe('工号或密码不正确（工号 S101）');
    expect(actionLabel('admin.session_revoked')).toBe('结束会话');
  });
});
