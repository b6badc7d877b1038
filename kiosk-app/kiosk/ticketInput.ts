// Pure: the ticket the bridge prints (and the SVG preview shows) from the issue response and the pack.
import type { TicketInput } from '../../protocol/bridge/messages.ts';
import type { IssuedTicket } from './model/flow.ts';

const MAX_MATERIALS = 4;

export function ticketInput(
  ticket: IssuedTicket,
  pack: { hallName: string; supervisionPhone: string; slogan: string; materials: string[] },
  reprint: boolean,
): TicketInput {
  return {
    hallName: pack.hallName.slice(0, 40),
    number: ticket.number,
    service: ticket.serviceName.slice(0, 40),
    peopleAhead: ticket.peopleAhead,
    windows: ticket.windows.slice(0, 8),
    issuedAt: ticket.issuedAt,
    ...(ticket.maskedName ? { maskedName: ticket.maskedName } : {}),
    materials: pack.materials.slice(0, MAX_MATERIALS).map((m) => m.slice(0, 40)),
    qrPayload: `YBTICKET:${ticket.id}`.slice(0, 200),
    supervisionPhone: pack.supervisionPhone,
    slogan: pack.slogan.slice(0, 20),
    reprint,
  };
}
