// Device alerts (pure): which device problems a heartbeat starts or ends that staff must act on. Today that is a
// kiosk printer out of paper: citizens get no paper ticket until someone loads a roll, so the console and every counter
// panel are told at once instead of finding it on the devices page.
import type { DeviceHealth } from '../../protocol/hall/terminals.ts';

export interface DeviceAlertChange {
  device: string;
  code: 'paper_out';
  active: boolean;
  reason: string;
}

const PAPER_OUT_TEXT = '打印机缺纸，请更换打印纸';
const PAPER_LOADED_TEXT = '打印机已装纸，恢复出票';

export function deviceAlerts(before: DeviceHealth[], after: DeviceHealth[]): DeviceAlertChange[] {
  const out: DeviceAlertChange[] = [];
  const wasOut = new Set(before.filter((d) => d.code === 'paper_out').map((d) => d.device));
  const isOut = new Set(after.filter((d) => d.code === 'paper_out').map((d) => d.device));
  for (const device of isOut) if (!wasOut.has(device)) out.push({ device, code: 'paper_out', active: true, reason: PAPER_OUT_TEXT });
  for (const device of wasOut) if (!isOut.has(device)) out.push({ device, code: 'paper_out', active: false, reason: PAPER_LOADED_TEXT });
  return out;
}
