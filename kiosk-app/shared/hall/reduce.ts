// Keeps a snapshot current by applying the queue's events to it (pure; the socket model calls it for each event).
import {
  eventData,
  QueueSnapshot,
  type HallEventMessage,
  type Snapshot,
  type TicketView,
} from '../../../protocol/hall/index.ts';
import { applyMissedTicket } from './missed.ts';

const RECENT_CALLS = 20;

function upsertWaiting(waiting: TicketView[], ticket: TicketView): TicketView[] {
  const rest = waiting.filter((t) => t.id !== ticket.id);
  return ticket.status === 'waiting' ? [...rest, ticket] : rest;
}

export function applyEvent(snapshot: Snapshot, event: HallEventMessage): Snapshot {
  const parsed = QueueSnapshot.safeParse(snapshot.modules['queue']);
  const next: Snapshot = { ...snapshot, seq: Math.max(snapshot.seq, event.seq) };
  const pack = eventData(event, 'pack.activated');
  if (pack) next.pack = pack;
  const neighbours = eventData(event, 'neighbours.changed');
  if (neighbours) next.modules = { ...snapshot.modules, neighbours };
  if (!parsed.success) return next;
  let queue = parsed.data;
  const called = eventData(event, 'ticket.called');
  if (called) {
    const { recall: _recall, ...call } = called;
    queue = { ...queue, recentCalls: [call, ...queue.recentCalls.filter((c) => c.ticketId !== call.ticketId)].slice(0, RECENT_CALLS) };
  }
  const issued = eventData(event, 'ticket.issued');
  const updated = eventData(event, 'ticket.updated');
  const ticket = issued?.ticket ?? updated?.ticket;
  const seesWaiting = snapshot.principal.role === 'admin' || snapshot.principal.role === 'counter';
  if (ticket && seesWaiting) queue = { ...queue, waiting: upsertWaiting(queue.waiting, ticket) };
  if (updated && seesWaiting && queue.missed) queue = { ...queue, missed: applyMissedTicket(queue.missed, updated.ticket) };
  if (called && seesWaiting) queue = { ...queue, waiting: queue.waiting.filter((t) => t.id !== called.ticketId) };
  const windowChanged = eventData(event, 'window.changed');
  if (windowChanged) {
    queue = { ...queue, windows: queue.windows.map((w) => (w.number === windowChanged.window.number ? windowChanged.window : w)) };
  }
  const services = eventData(event, 'queue.changed');
  if (services) queue = { ...queue, services: services.services };
  const alert = eventData(event, 'tidal.alert');
  if (alert) queue = { ...queue, tidalAlerts: [...queue.tidalAlerts.filter((a) => a.group !== alert.group), alert] };
  const cleared = eventData(event, 'tidal.cleared');
  if (cleared) queue = { ...queue, tidalAlerts: queue.tidalAlerts.filter((a) => a.group !== cleared.group) };
  const reset = eventData(event, 'queue.reset');
  if (reset) queue = { ...queue, businessDay: reset.businessDay, waiting: [], recentCalls: [], ...(queue.missed ? { missed: [] } : {}) };
  next.modules = { ...next.modules, queue };
  return next;
}
