// Pure helpers of the devices panel: labels and what a bystander may see of an identity.
import type { BridgeMessage, DeviceInfo, HealthState } from '../../shared/bridge/index.ts';
import { maskName } from '../../../protocol/person/mask.ts';
import { CALLER_ACTION_LABELS, RATING_LEVEL_LABELS } from '../../shared/bridge/index.ts';

export const HEALTH_LABELS: Record<HealthState, string> = { ok: '正常', degraded: '需关注', offline: '不可用' };
export const TRANSPORT_LABELS: Record<DeviceInfo['transport'], string> = { serial: '串口', hid: 'HID', pcsc: 'PC/SC', simulated: '模拟', none: '未配置' };

/** One line of the event log, with no full name and no ID number. */
export function describeEvent(message: BridgeMessage): string | null {
  switch (message.type) {
    case 'identity.read': {
      const { identity } = message;
      const source = identity.source === 'idcard' ? '身份证' : '社保卡';
      const doc = identity.docType === 'J' ? '（港澳台居民居住证）' : '';
      return `读到${source}${doc}：${maskName(identity.name)}，${identity.gender}，证件号尾号 ${identity.idNumber.slice(-4)}`;
    }
    case 'identity.removed':
      return `${message.source === 'idcard' ? '身份证' : '社保卡'}已取走`;
    case 'identity.failed':
      return `读卡未成功：${message.message}`;
    case 'scan': {
      const kind = { ecard: '医保电子凭证', ticket: '本厅小票二维码', other: '其他条码' }[message.kind];
      return `扫码：${kind}（${message.payload.length} 个字符）`;
    }
    case 'key':
      return message.key.device === 'rating'
        ? `评价按键：${RATING_LEVEL_LABELS[message.key.action]}`
        : `呼叫器按键：${CALLER_ACTION_LABELS[message.key.action]}`;
    default:
      return null;
  }
}
