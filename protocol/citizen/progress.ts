// GET /api/citizen/tickets/:token — a ticket's progress as the citizen's phone sees it, served by the hall (from its
// queue) and by the region (from its projections). Nothing personal: no name, no ID number, no phone.
// The phone page checks answers with `readProgress` (hand-written, no zod: the page must stay small).

export const PROGRESS_PATH = '/api/citizen/tickets/:token';
export const progressPath = (token: string): string => `/api/citizen/tickets/${encodeURIComponent(token)}`;

export type ProgressState = 'waiting' | 'called' | 'missed' | 'finished' | 'expired';
const STATES: readonly ProgressState[] = ['waiting', 'called', 'missed', 'finished', 'expired'];

export interface TicketProgress {
  number: string;
  itemName: string;
  state: ProgressState;
  /** The window that called the ticket (state called; kept after finish); null otherwise. */
  window: number | null;
  /** 前面还有 N 人 (0 unless waiting). */
  peopleAhead: number;
  /** Estimated minutes until the call (protocol/rules/wait-estimate.ts); null unless waiting. */
  estimateMinutes: number | null;
  /** Windows open for the item now. */
  openWindows: number;
  /** When the link stops working (end of the hall day), ISO. */
  expiresAt: string;
  /** Bumped on every change; the stream and long-poll resume from it. */
  version: number;
  /** The service's rating once given (when, and by which channel); null before. */
  rating: RatedBy | null;
  /** The phone may rate now (扫码评价): finished, not rated, nothing pending, the link alive. */
  canRate: boolean;
  /** The hall's 差评 reasons (the pad's list, from its pack) while `canRate`; [] otherwise. */
  badReasons: string[];
  /** A phone rating is kept at the region and not yet settled by the hall (评价已提交，正在送达大厅). */
  ratingPending: boolean;
}

export type RatingChannelName = '窗口评价器' | '二维码';

export interface RatedBy {
  at: string;
  channel: RatingChannelName;
}

function readRated(value: unknown): RatedBy | null | undefined {
  if (value === null) return null;
  if (typeof value !== 'object') return undefined;
  const v = value as Record<string, unknown>;
  if (typeof v['at'] !== 'string' || (v['channel'] !== '窗口评价器' && v['channel'] !== '二维码')) return undefined;
  return { at: v['at'], channel: v['channel'] };
}

/** The 404 body for an unknown or expired token. */
export const UNKNOWN_TOKEN_MESSAGE = '没有找到这张号票，或号票已过期（号票当天有效）';

const isNat = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

/** The progress in an answer, or null when the answer is not one. */
export function readProgress(value: unknown): TicketProgress | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  if (typeof v['number'] !== 'string' || typeof v['itemName'] !== 'string') return null;
  if (!STATES.includes(v['state'] as ProgressState)) return null;
  if (v['window'] !== null && !isNat(v['window'])) return null;
  if (!isNat(v['peopleAhead']) || !isNat(v['openWindows']) || !isNat(v['version'])) return null;
  if (v['estimateMinutes'] !== null && !isNat(v['estimateMinutes'])) return null;
  if (typeof v['expiresAt'] !== 'string') return null;
  const rating = readRated(v['rating']);
  if (rating === undefined) return null;
  const reasons = v['badReasons'];
  if (!Array.isArray(reasons) || !reasons.every((r) => typeof r === 'string')) return null;
  if (typeof v['canRate'] !== 'boolean' || typeof v['ratingPending'] !== 'boolean') return null;
  return {
    number: v['number'],
    itemName: v['itemName'],
    state: v['state'] as ProgressState,
    window: v['window'] as number | null,
    peopleAhead: v['peopleAhead'],
    estimateMinutes: v['estimateMinutes'] as number | null,
    openWindows: v['openWindows'],
    expiresAt: v['expiresAt'],
    version: v['version'],
    rating,
    canRate: v['canRate'],
    badReasons: reasons as string[],
    ratingPending: v['ratingPending'],
  };
}
