// What the counter panel alerts its staff to, besides the queue (pure): open help requests from kiosks and pads, and
// kiosk printers out of paper. Built from the snapshot's open help requests and kept current by the events.
import { eventData, type HallEventMessage } from '../../protocol/hall/index.ts';
import type { HelpRequestView } from '../../protocol/hall/identity.ts';

export interface PaperOut {
  terminalId: string;
  terminalName: string;
  reason: string;
}

export interface CounterAlerts {
  help: HelpRequestView[];
  paperOut: PaperOut[];
}

export const NO_ALERTS: CounterAlerts = { help: [], paperOut: [] };

export function alertsFromSnapshot(openHelpRequests: HelpRequestView[] | undefined): CounterAlerts {
  return { help: openHelpRequests ?? [], paperOut: [] };
}

export function applyAlertEvent(state: CounterAlerts, event: HallEventMessage): CounterAlerts {
  const requested = eventData(event, 'help.requested');
  if (requested) return { ...state, help: [...state.help.filter((r) => r.id !== requested.request.id), requested.request] };
  const resolved = eventData(event, 'help.resolved');
  if (resolved) return { ...state, help: state.help.filter((r) => r.id !== resolved.request.id) };
  const device = eventData(event, 'device.alert');
  if (device) {
    const others = state.paperOut.filter((p) => p.terminalId !== device.terminalId);
    return { ...state, paperOut: device.active ? [...others, { terminalId: device.terminalId, terminalName: device.terminalName, reason: device.reason }] : others };
  }
  return state;
}

/** The lines the panel shows, in Chinese. */
export function alertLines(state: CounterAlerts): string[] {
  return [
    ...state.paperOut.map((p) => `${p.terminalName}：${p.reason}`),
    ...state.help.map((r) => `${r.terminalName} 有群众呼叫工作人员，请前往协助`),
  ];
}
