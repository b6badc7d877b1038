// Chinese labels for states shown in the console (always text, never colour alone).
import type { PriorityClass, TicketStatus } from '../../protocol/hall/index.ts';
import { hallDateTimeOf } from '../shared/hall/hall-clock.ts';

export const PRIORITY_LABELS: Record<PriorityClass, string> = {
  normal: '普通',
  elderly: '绿色通道·老年人',
  disability: '绿色通道·残疾人',
  pregnancy: '绿色通道·孕妇',
  veteran: '绿色通道·退役军人',
};

export const STATUS_LABELS: Record<TicketStatus, string> = {
  waiting: '等候中',
  called: '已呼叫',
  serving: '办理中',
  held: '挂起',
  finished: '已办结',
  no_show: '过号',
  cancelled: '已作废',
};

export const ROLE_LABELS: Record<string, string> = {
  kiosk: '取号机',
  pad: '评价器',
  counter: '叫号面板',
  board: '叫号大屏',
  admin: '管理台',
};

export const DEVICE_STATE_LABELS: Record<'ok' | 'degraded' | 'offline', string> = {
  ok: '✔ 正常',
  degraded: '⚠ 异常',
  offline: '✖ 离线',
};

/** 11/23 09:30:05 in hall time. */
export function formatTime(iso: string | null): string {
  const at = hallDateTimeOf(iso);
  if (!at) return '—';
  return `${at.slice(5, 7)}/${at.slice(8, 10)} ${at.slice(11)}`;
}
