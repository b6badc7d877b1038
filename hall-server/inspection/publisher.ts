// Sends the hall's 示范点 self-inspection to the region as `inspection.reported` records of the durable log (roles: [],
// no socket receives them; the region link pushes them): the current hall month's report whenever it differs from the
// last one sent for that month, and once the month is over its final state. What was last sent for each month is kept
// in the module's own table, so a restart does not send an unchanged report again.
import { createHash } from 'node:crypto';
import type { InspectionReport } from '../../protocol/hall/inspection.ts';
import type { HallApp, Migration } from '../core/module.ts';
import { hallMonth } from './month.ts';
import { inspectionReport } from './report.ts';

export const publisherMigrations: Migration[] = [
  {
    id: '001-inspection-published',
    sql: `CREATE TABLE inspection_published (month TEXT PRIMARY KEY, digest TEXT NOT NULL, published_at TEXT NOT NULL,
            final INTEGER NOT NULL DEFAULT 0);`,
  },
];

/** What makes two reports of a month the same for the region: everything but `generatedAt` (passed and failed follow
 * from the indicators). */
export function reportDigest(report: Pick<InspectionReport, 'hallName' | 'packVersion' | 'indicators'>): string {
  return createHash('sha256').update(JSON.stringify([report.hallName, report.packVersion, report.indicators])).digest('hex');
}

interface PublishedRow {
  month: string;
  digest: string;
  final: number;
}

/** Publishes what is due now and answers how many reports it published: for every earlier month sent but not yet
 * closed, its final report if that differs from what was sent (the month is then closed for good); then the current
 * month's report if it differs from the last one sent. One transaction, so the table and the log agree. */
export function publishDueReports(app: HallApp, utcOffsetMinutes: number): number {
  return app.tx(() => {
    const current = hallMonth(app.now().getTime(), utcOffsetMinutes);
    const rows = app.db.prepare('SELECT month, digest, final FROM inspection_published').all() as PublishedRow[];
    const sent = new Map(rows.map((r) => [r.month, r]));
    const upsert = app.db.prepare(`INSERT INTO inspection_published (month, digest, published_at, final) VALUES (?, ?, ?, 0)
      ON CONFLICT (month) DO UPDATE SET digest = excluded.digest, published_at = excluded.published_at`);
    const close = app.db.prepare('UPDATE inspection_published SET final = 1 WHERE month = ?');
    let published = 0;
    const publishIfChanged = (month: string): void => {
      const report = inspectionReport(app, month, utcOffsetMinutes);
      const digest = reportDigest(report);
      if (sent.get(month)?.digest === digest) return;
      app.events.publish('inspection.reported', report, { roles: [] });
      upsert.run(month, digest, report.generatedAt);
      published++;
    };
    const ended = rows.filter((r) => r.final === 0 && r.month < current).map((r) => r.month).sort();
    for (const month of ended) {
      publishIfChanged(month);
      close.run(month);
    }
    if (sent.get(current)?.final !== 1) publishIfChanged(current);
    return published;
  });
}
