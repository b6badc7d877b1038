// One audit entry in plain Chinese: who acted and what the details say. Pure.
import type { AuditEntry } from '../../../protocol/hall/audit.ts';
import { STAFF_ROLE_NAMES, StaffRole } from '../../../protocol/hall/accounts.ts';
import { ROLE_LABELS } from '../labels.ts';

export interface DescribeContext {
  /** 事项 name of a service code (from the live snapshot); the code itself when unknown. */
  serviceName(code: string): string;
}

/** Actions recorded before anyone signed in: no actor is "未登录", not "系统". */
const ANONYMOUS = new Set(['admin.login_failed', 'admin.setup_failed', 'terminal.pairing_failed', 'admin.password_set']);

const PRINT_OUTCOMES: Record<string, string> = { printed: '已打印', failed: '打印失败', screen: '改为屏幕显示' };

export function describeActor(entry: AuditEntry): string {
  const actor = entry.actor;
  if (!actor) return ANONYMOUS.has(entry.action) ? '未登录' : '系统';
  if (actor.id === 'system') return '系统';
  const name = actor.name ?? actor.id;
  const role = actor.role ? ROLE_LABELS[actor.role] : undefined;
  return role && !name.includes(role) ? `${name}（${role}）` : name;
}

function staffRole(role: string | null): string {
  const parsed = StaffRole.safeParse(role);
  return parsed.success ? STAFF_ROLE_NAMES[parsed.data] : (role ?? '');
}

/** Hall time as 2026-11-23 17:00:05 (the hall's one clock). */
export { hallDateTime } from '../../../protocol/rules/hall-time.ts';

export function describeDetails(entry: AuditEntry, ctx: DescribeContext): string {
  const d = entry.details;
  const str = (key: string): string | null => (typeof d[key] === 'string' ? (d[key] as string) : null);
  const num = (key: string): number | null => (typeof d[key] === 'number' ? (d[key] as number) : null);
  const ticket = entry.refs.ticket ?? str('number');
  const pack = () => `内容包${str('packId') === null ? '（无法识别）' : ` ${str('packId')}`}${num('version') === null ? '' : ` 第 ${num('version')} 版`}`;

  if (entry.action.startsWith('window.')) {
    const parts = [`${num('window') ?? '?'}号窗口`];
    if (ticket) parts.push(`号码 ${ticket}`);
    if (str('staffId')) parts.push(`工号 ${str('staffId')}`);
    if (str('toService')) parts.push(`转往事项：${ctx.serviceName(str('toService')!)}`);
    if (num('toWindow') !== null) parts.push(`转往 ${num('toWindow')}号窗口`);
    if (str('caseNumber')) parts.push(`办件编号 ${str('caseNumber')}`);
    return parts.join('，');
  }
  if (entry.action.startsWith('ratings.case.')) return `差评 ${str('caseId') ?? ''}：${str('from') ?? ''} → ${str('to') ?? ''}`;

  switch (entry.action) {
    case 'ratings.export': {
      const kind = str('kind') === 'upstream' ? '上报格式（12列，含证件号码）' : '完整数据';
      return `${kind}，${str('from')} 至 ${str('to')}，共 ${num('rows') ?? 0} 条`;
    }
    case 'terminal.revoked':
      return `终端：${entry.refs.terminal ?? '（已不存在）'}`;
    case 'terminal.paired':
    case 'terminal.demo_paired':
      return `终端名称：${str('name') ?? ''}`;
    case 'terminal.pairing_failed':
      return '配对码无效或已过期';
    case 'pairing_code.created': {
      const role = ROLE_LABELS[str('role') ?? ''] ?? str('role') ?? '';
      return `${role}${num('window') === null ? '' : ` · ${num('window')}号窗口`}，名称：${str('name') ?? ''}`;
    }
    case 'admin.login':
    case 'identity.ecard_decode':
      return '—';
    case 'admin.login_failed':
      return `工号或密码不正确（工号 ${str('staffNo') ?? '—'}）`;
    case 'admin.setup_failed':
      return '设置码不正确';
    case 'admin.password_set':
      return '首次设置';
    case 'admin.setup':
    case 'account.created':
      return `工号 ${str('staffNo') ?? '—'}，${staffRole(str('role'))}`;
    case 'account.updated': {
      const changes = [
        str('role') ? `角色改为${staffRole(str('role'))}` : null,
        d['disabled'] === true ? '停用' : d['disabled'] === false ? '启用' : null,
        d['passwordReset'] === true ? '重设密码' : null,
      ].filter(Boolean);
      return `工号 ${str('staffNo') ?? '—'}：${changes.join('、') || '—'}`;
    }
    case 'admin.logout':
    case 'admin.session_revoked':
    case 'account.password_changed':
      return '—';
    case 'pack.upload':
    case 'pack.activate':
    case 'pack.rollback':
      return pack();
    case 'pack.refused':
      return `${pack()}，${num('errors') ?? 0} 个问题`;
    case 'ticket.issued':
      return `号码 ${ticket ?? '—'}`;
    case 'ticket.print_result': {
      const reason = str('reason');
      return `号码 ${ticket ?? '—'}：${PRINT_OUTCOMES[str('outcome') ?? ''] ?? str('outcome') ?? ''}${reason ? `（${reason}）` : ''}`;
    }
    case 'queue.daily_reset':
      return `营业日 ${str('from') ?? ''} → ${str('to') ?? ''}`;
    case 'queue.personal_data_purged':
      return `${num('tickets') ?? 0} 张号票`;
    default:
      return Object.entries(d)
        .map(([k, v]) => `${k}：${typeof v === 'string' ? v : JSON.stringify(v)}`)
        .join('；') || '—';
  }
}
