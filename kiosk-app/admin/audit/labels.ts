// Chinese names of the audit actions: the 操作 column and the filter's choices. Pure.
import type { WindowActionName } from '../../../protocol/hall/index.ts';
import { ACTION_LABELS as CASE_ACTION_LABELS, type CaseAction } from '../../../protocol/hall/cases.ts';

export const ACTION_LABELS: Record<string, string> = {
  'ratings.export': '导出评价数据',
  'pack.upload': '上传内容包',
  'pack.activate': '激活内容包',
  'pack.rollback': '回退内容包',
  'pack.refused': '内容包校验未通过',
  'pairing_code.created': '生成配对码',
  'terminal.paired': '终端配对',
  'terminal.demo_paired': '演示终端自动配对',
  'terminal.pairing_failed': '配对码错误',
  'terminal.revoked': '吊销终端',
  'admin.login': '管理台登录',
  'admin.login_failed': '管理台登录失败',
  'admin.logout': '退出登录',
  'admin.setup': '首次设置',
  'admin.setup_failed': '首次设置失败',
  'admin.session_revoked': '结束会话',
  'admin.password_set': '设置管理员密码',
  'account.created': '新建账号',
  'account.updated': '修改账号',
  'account.password_changed': '修改本人密码',
  'ticket.issued': '取号',
  'ticket.print_result': '打印号票',
  'identity.ecard_decode': '解码医保电子凭证',
  'queue.daily_reset': '每日重置号码',
  'queue.personal_data_purged': '清除过期个人信息',
  'improvement.created': '新增整改记录',
  'improvement.closed': '整改记录办结',
  'rating.case.escalated': '差评回访超期上报',
};

export const WINDOW_ACTION_LABELS: Record<WindowActionName, string> = {
  'sign-in': '窗口签到',
  'sign-out': '窗口签退',
  'call-next': '呼叫下一位',
  call: '呼叫指定号',
  recall: '重复呼叫',
  start: '开始办理',
  'no-show': '过号',
  rejoin: '过号重排',
  transfer: '转办',
  hold: '挂起',
  return: '恢复挂起的号',
  pause: '暂停服务',
  resume: '恢复服务',
  finish: '办结',
  undo: '撤销上一步',
};

export function actionLabel(action: string): string {
  const exact = ACTION_LABELS[action];
  if (exact) return exact;
  if (action.startsWith('window.')) return WINDOW_ACTION_LABELS[action.slice(7) as WindowActionName] ?? action;
  if (action.startsWith('ratings.case.')) {
    const step = CASE_ACTION_LABELS[action.slice(13) as CaseAction];
    return step ? `差评处理：${step}` : action;
  }
  return action;
}

export interface FilterGroup {
  label: string;
  /** Values are action prefixes on whole segments, as the API takes them. */
  options: Array<{ value: string; label: string }>;
}

/** Filter values that are a prefix rather than one action, named for what they cover. */
const PREFIX_LABELS: Record<string, string> = {
  'ratings.case': '差评回访处理',
  pairing_code: '生成配对码',
  window: '窗口操作（签到、呼叫、办结等）',
};

function group(label: string, values: string[]): FilterGroup {
  return { label, options: values.map((value) => ({ value, label: PREFIX_LABELS[value] ?? ACTION_LABELS[value] ?? value })) };
}

export const FILTER_GROUPS: FilterGroup[] = [
  group('评价与回访', ['ratings.export', 'ratings.case']),
  group('内容包', ['pack.upload', 'pack.activate', 'pack.rollback', 'pack.refused']),
  group('终端与登录', [
    'terminal.revoked', 'pairing_code', 'terminal.paired', 'terminal.demo_paired', 'terminal.pairing_failed',
    'admin.login', 'admin.login_failed', 'admin.password_set',
  ]),
  group('取号与窗口', ['ticket.issued', 'ticket.print_result', 'window']),
  group('系统', ['queue.daily_reset', 'queue.personal_data_purged', 'identity.ecard_decode']),
];
