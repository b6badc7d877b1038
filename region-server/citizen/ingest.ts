// What a site's batch means for the citizen's phone, written in the ingest's transaction: the ticket links it
// records, and the calls of its tickets (the console's projections keep issue, updates and finish; a call arrives as
// `ticket.called`, which they do not read).
import type { PoolClient } from 'pg';
import { CitizenLinkRecord } from '../../protocol/citizen/link-record.ts';
import { TicketCalledEvent } from '../../protocol/hall/events.ts';
import type { SyncEvent } from '../../protocol/region/sync.ts';
import { projectPhoneRatingEvents } from './phone-ratings.ts';

const TICKET_EVENTS = new Set(['ticket.issued', 'ticket.updated', 'ticket.finished', 'ticket.called']);

function ticketIdOf(event: SyncEvent): string | null {
  const data = event.data as { ticketId?: unknown; ticket?: { id?: unknown } } | null;
  if (!data || typeof data !== 'object') return null;
  if (typeof data.ticketId === 'string') return data.ticketId;
  return data.ticket && typeof data.ticket.id === 'string' ? data.ticket.id : null;
}

/** The calls that stand at the end of the batch (pure): a ticket whose last event in it is its call. */
export function standingCalls(events: readonly SyncEvent[]): TicketCalledEvent[] {
  const last = new Map<string, SyncEvent>();
  for (const event of events) {
    if (!TICKET_EVENTS.has(event.type)) continue;
    const id = ticketIdOf(event);
    if (id) last.set(id, event);
  }
  const calls: TicketCalledEvent[] = [];
  for (const event of last.values()) {
    if (event.type !== 'ticket.called') continue;
    const parsed = TicketCalledEvent.safeParse(event.data);
    if (parsed.success) calls.push(parsed.data);
  }
  return calls;
}

export function linkRecords(events: readonly SyncEvent[]): CitizenLinkRecord[] {
  const links: CitizenLinkRecord[] = [];
  for (const event of events) {
    if (event.type !== 'citizen.link') continue;
    const parsed = CitizenLinkRecord.safeParse(event.data);
    if (parsed.success) links.push(parsed.data);
  }
  return links;
}

/** Runs after the console's projections of the same events, in the same transaction. */
export async function projectCitizenEvents(client: PoolClient, siteId: string, events: readonly SyncEvent[]): Promise<void> {
  await projectPhoneRatingEvents(client, siteId, events);
  const links = linkRecords(events);
  if (links.length > 0) {
    await client.query(
      `INSERT INTO citizen_links (token_hash, site_id, ticket_id, service_code, expires_at)
       SELECT l.token_hash, $1, l.ticket_id, l.service_code, l.expires_at
       FROM jsonb_to_recordset($2::jsonb) AS l(token_hash text, ticket_id text, service_code text, expires_at timestamptz)
       ON CONFLICT (token_hash) DO NOTHING`,
      [siteId, JSON.stringify(links.map((l) => ({ token_hash: l.tokenHash, ticket_id: l.ticketId, service_code: l.serviceCode, expires_at: l.expiresAt })))],
    );
  }
  const calls = standingCalls(events);
  if (calls.length > 0) {
    await client.query(
      `UPDATE site_tickets t SET status = 'called', window_no = c.window_no, called_at = COALESCE(t.called_at, c.at)
       FROM jsonb_to_recordset($2::jsonb) AS c(ticket_id text, window_no integer, at timestamptz)
       WHERE t.site_id = $1 AND t.ticket_id = c.ticket_id`,
      [siteId, JSON.stringify(calls.map((c) => ({ ticket_id: c.ticketId, window_no: c.window, at: c.at })))],
    );
  }
}
