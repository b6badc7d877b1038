// Pure: the ticket the bridge prints (and the SVG preview shows) from the issue response and the pack.
import type { Material, TimeLimit } from '../../content/schema/index.ts';
import type { TicketInput } from '../../protocol/bridge/messages.ts';
import type { IssuedTicket } from './model/flow.ts';
import { printedServiceName } from './model/checkIn.ts';

/** 办理时限 as the ticket prints it. */
export function timeLimitText(limit: TimeLimit): string {
  return limit.kind === 'immediate' ? '即办' : `${limit.days}个工作日`;
}

export function ticketInput(
  ticket: IssuedTicket,
  pack: { hallName: string; supervisionPhone: string; slogan: string; materials: Material[]; timeLimit: TimeLimit | null },
  reprint: boolean,
): TicketInput {
  return {
    hallName: pack.hallName.slice(0, 40),
    number: ticket.number,
    service: printedServiceName(ticket.serviceName, ticket.checkIn),
    peopleAhead: ticket.peopleAhead,
    windows: ticket.windows.slice(0, 8),
    issuedAt: ticket.issuedAt,
    ...(ticket.maskedName ? { maskedName: ticket.maskedName } : {}),
    materials: pack.materials.map((m) => ({ name: m.name.slice(0, 40), form: m.form, count: m.count, deferrable: m.deferrable })),
    ...(pack.timeLimit ? { timeLimit: timeLimitText(pack.timeLimit) } : {}),
    qrPayload: (ticket.progressUrl ?? `YBTICKET:${ticket.id}`).slice(0, 200),
    supervisionPhone: pack.supervisionPhone,
    slogan: pack.slogan.slice(0, 20),
    reprint,
  };
}
