// A ticket's progress from the hall's own queue (pure): what the citizen's phone may see, nothing personal.
import type { ProgressState, RatedBy, TicketProgress } from '../../protocol/citizen/progress.ts';
import type { TicketStatus } from '../../protocol/hall/index.ts';
import { waitingAhead } from '../queue/issue.ts';
import { openWindowsFor, waitEstimate } from '../queue/estimate.ts';
import type { QueueRules, QueueState, Ticket } from '../queue/types.ts';

const STATE_OF: Record<TicketStatus, ProgressState> = {
  waiting: 'waiting',
  called: 'called',
  serving: 'called',
  held: 'called',
  finished: 'finished',
  no_show: 'missed',
  cancelled: 'expired',
};

/** `badReasons`: the pack's 差评 reasons, offered to the phone while the finished service is not rated. */
export function ticketProgress(
  state: QueueState, rules: QueueRules, ticket: Ticket, expiresAtMs: number, rating: RatedBy | null, badReasons: readonly string[],
): TicketProgress {
  const progressState = ticket.day === state.day ? STATE_OF[ticket.status] : 'expired';
  const ahead = progressState === 'waiting' ? waitingAhead(state, ticket, false) : 0;
  return {
    number: ticket.number,
    itemName: rules.services.get(ticket.serviceCode)?.name ?? ticket.serviceCode,
    state: progressState,
    window: progressState === 'called' || progressState === 'finished' ? ticket.window : null,
    peopleAhead: ahead,
    estimateMinutes: progressState === 'waiting' ? waitEstimate(state, rules, ticket.serviceCode, ahead) : null,
    openWindows: openWindowsFor(state, rules, ticket.serviceCode),
    expiresAt: new Date(expiresAtMs).toISOString(),
    version: ticket.version,
    rating: ticket.status === 'finished' ? rating : null,
    canRate: progressState === 'finished' && rating === null,
    badReasons: progressState === 'finished' && rating === null ? [...badReasons] : [],
    ratingPending: false,
  };
}
