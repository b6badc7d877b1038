// One rating per service across the two 好差评 channels of a hall: the pad (窗口评价器) and the phone (二维码, 扫码评价).
// Pure. The rule, decided here and tested in channel-rule.test.ts:
// - Whichever channel rates first wins; the other is answered 已评价 with when and where.
// - The pad's prompt expiring (noRatingTimeoutSeconds, default 120 s) closes the pad's channel only: 未评价 is recorded
//   as before. The phone, holder of the ticket's token, may still rate until the token expires (the end of the hall
//   day); its rating then supersedes that 未评价 (the statistics move the ticket from 未评价 to rated, one
//   `rating.recorded` goes to the region). A service nobody rated stays 未评价: no rating is ever invented.
// - A finish undone by staff (withdrawn prompt) cannot be rated from the phone; an unfinished ticket neither.
import type { RatedBy, RatingChannelName } from '../../../protocol/citizen/progress.ts';

/** `ratings.source` of a phone rating; the pad's are 'touch' and 'keypad'. */
export const PHONE_SOURCE = 'qr';

export function channelOfSource(source: string): RatingChannelName {
  return source === PHONE_SOURCE ? '二维码' : '窗口评价器';
}

export interface ServiceRatingState {
  outcome: 'pending' | 'rated' | 'unrated';
  withdrawn: boolean;
  /** The stored rating when outcome is rated. */
  rated: RatedBy | null;
}

export type PhoneDecision =
  | { kind: 'accept'; supersedesUnrated: boolean }
  | { kind: 'rated'; by: RatedBy }
  | { kind: 'refuse'; code: 'ticket_not_finished' | 'finish_undone'; message: string };

/** May the phone rate this service now? `state` null: the ticket has not finished (no prompt yet). */
export function phoneDecision(state: ServiceRatingState | null): PhoneDecision {
  if (!state) return { kind: 'refuse', code: 'ticket_not_finished', message: '业务办结后才能评价' };
  if (state.outcome === 'rated' && state.rated) return { kind: 'rated', by: state.rated };
  if (state.withdrawn) return { kind: 'refuse', code: 'finish_undone', message: '工作人员已撤销本次办结，请在业务办结后再评价' };
  return { kind: 'accept', supersedesUnrated: state.outcome === 'unrated' };
}

/** What the pad is told when the phone rated first (or a pad rated before): 已评价 with where, for the citizen. */
export function alreadyRatedMessage(by: RatedBy | null, clock: (iso: string) => string): string {
  if (!by) return '本次服务已经评价过了，每次服务只能评价一次';
  return `已评价（${by.channel}，${clock(by.at)}），每次服务只能评价一次`;
}
