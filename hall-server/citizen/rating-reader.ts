// Reads whether a finished ticket was rated, from the ratings module's table (read-only), for the progress page's
// 已评价 line. Only when and by which channel: nothing the citizen said.
import type { Database, Statement } from 'better-sqlite3';
import type { RatedBy } from '../../protocol/citizen/progress.ts';

export class RatingReader {
  private readonly byTicket: Statement;

  constructor(db: Database) {
    this.byTicket = db.prepare('SELECT coalesce(pad_rated_at, rated_at) AS at FROM ratings WHERE ticket_id = ? AND counted = 1 LIMIT 1');
  }

  ratedBy(ticketId: string): RatedBy | null {
    const row = this.byTicket.get(ticketId) as { at: string } | undefined;
    return row ? { at: row.at, channel: '窗口评价器' } : null;
  }
}
