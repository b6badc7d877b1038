// Reads whether a finished ticket was rated, from the ratings module's table (read-only), for the progress page's
// 已评价 line. Only when and by which channel: nothing the citizen said. A rating later withdrawn on appeal still was the
// service's one rating: the phone is not offered a second.
import type { Database, Statement } from 'better-sqlite3';
import type { RatedBy } from '../../protocol/citizen/progress.ts';
import { channelOfSource } from '../ratings/core/channel-rule.ts';

export class RatingReader {
  private readonly byTicket: Statement;

  constructor(db: Database) {
    this.byTicket = db.prepare('SELECT coalesce(pad_rated_at, rated_at) AS at, source FROM ratings WHERE ticket_id = ? LIMIT 1');
  }

  ratedBy(ticketId: string): RatedBy | null {
    const row = this.byTicket.get(ticketId) as { at: string; source: string } | undefined;
    return row ? { at: row.at, channel: channelOfSource(row.source) } : null;
  }
}
