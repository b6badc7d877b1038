// What the counter panel alerts its staff to, besides the queue (pure): open help requests from kiosks and pads,
// kiosk printers out of paper, and this window's 差评 cases escalated past their deadline. Built from the snapshot's
// open help requests and escalations and kept current by the events.
import { eventData, type HallEventMessage } from '../../protocol/hall/index.ts';
import type { HelpRequestView } from '../../protocol/hall/identity.ts';
import { EscalationSnapshot, escalationLine, type CaseEscalation } from '../../protocol/hall/escalations.ts';

export interface PaperOut {
  terminalId: string;
  terminalName: string;
  reason: string;
}

export interface CounterAlerts {
  help: HelpRequestView[];
  paperOut: PaperOut[];
  /** The window's overdue 差评 cases (国办发〔2019〕51号), until each is closed. */
  escalations: CaseEscalation[];
}

export const NO_ALERTS: CounterAlerts = { help: [], paperOut: [], escalations: [] };

export function alertsFromSnapshot(openHelpRequests: HelpRequestView[] | undefined): CounterAlerts {
  return { help: openHelpRequests ?? [], paperOut: [], escalations: [] };
}

/** The open escalations in the snapshot's `escalation` part; none when it is missing or malformed. */
export function escalationsFromSnapshot(part: unknown): CaseEscalation[] {
  const parsed = EscalationSnapshot.safeParse(part);
  return parsed.success ? parsed.data.open : [];
}

export function applyAlertEvent(state: CounterAlerts, event: HallEventMessage): CounterAlerts {
  const requested = eventData(event, 'help.requested');
  if (requested) return { ...state, help: [...state.help.filter((r) => r.id !== requested.request.id), requested.request] };
  const resolved = eventData(event, 'help.resolved');
  if (resolved) return { ...state, help: state.help.filter((r) => r.id !== resolved.request.id) };
  const escalated = eventData(event, 'case.escalated');
  if (escalated) return { ...state, escalations: [...state.escalations.filter((e) => e.caseId !== escalated.caseId), escalated] };
  const cleared = eventData(event, 'case.escalation.cleared');
  if (cleared) return { ...state, escalations: state.escalations.filter((e) => e.caseId !== cleared.caseId) };
  const device = eventData(event, 'device.alert');
  if (device) {
    const others = state.paperOut.filter((p) => p.terminalId !== device.terminalId);
    return { ...state, paperOut: device.active ? [...others, { terminalId: device.terminalId, terminalName: device.terminalName, reason: device.reason }] : others };
  }
  return state;
}

/** The urgent lines: this window's overdue 差评 cases, in Chinese. */
export function escalationLines(state: CounterAlerts): string[] {
  return state.escalations.map(escalationLine);
}

/** The lines the panel shows, in Chinese. */
export function alertLines(state: CounterAlerts): string[] {
  return [
    ...state.paperOut.map((p) => `${p.terminalName}：${p.reason}`),
    ...state.help.map((r) => `${r.terminalName} 有群众呼叫工作人员，请前往协助`),
  ];
}
