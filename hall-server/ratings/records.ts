// The records the ratings module writes into the durable log for the region (protocol/region/records.ts): one per
// stored rating and one per change of a 差评 case. Personal fields go only into the sealed box. Pure.
import type { CaseRecordedEvent, RatingRecordedEvent, SealedBox, SealedPersonalFields } from '../../protocol/region/records.ts';
import type { CaseRow, RatingRow } from './store.ts';
import { channelOfSource } from './core/channel-rule.ts';

/** Seals personal fields to the region's key; null while the hall is not enrolled. The fields come as a function,
 * called only when there is a key to seal them to: opening the hall's own sealed copies costs a rating submit time. */
export type Sealer = (fields: () => SealedPersonalFields) => SealedBox | null;

/** Who opens a case: the citizen's 差评 itself, not a person of the hall. */
export const CASE_OPENED_BY = '系统（差评自动立案）';

export function ratingRecord(row: RatingRow, personal: () => SealedPersonalFields, issuedAt: string, seal: Sealer): RatingRecordedEvent {
  return {
    ratingId: row.id,
    ticketId: row.ticket_id,
    ticketNumber: row.ticket_number,
    caseNumber: row.case_number,
    serviceCode: row.service_code,
    serviceName: row.service_name,
    window: row.window,
    staffId: row.staff_id,
    staffName: row.staff_name,
    score: row.score,
    reasons: JSON.parse(row.reasons) as string[],
    maskedComment: row.comment,
    channel: channelOfSource(row.source),
    issuedAt,
    finishedAt: row.finished_at,
    ratedAt: row.pad_rated_at ?? row.rated_at,
    day: row.day,
    sealed: seal(personal),
  };
}

export function caseRecord(c: Pick<CaseRow, 'id' | 'rating_id' | 'state' | 'opened_on' | 'due_on' | 'closed_on'>, by: string, at: string): CaseRecordedEvent {
  return { caseId: c.id, ratingId: c.rating_id, state: c.state, openedOn: c.opened_on, dueOn: c.due_on, closedOn: c.closed_on, by, at };
}
