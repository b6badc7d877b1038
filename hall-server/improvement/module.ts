// The improvement loop (DB21/T 4402 §11.2): monthly records kept in SQLite and audited; the month's 差评 reasons are
// offered as the problems to work on. Only the 大厅负责人 writes (the declarations let 值班长 read).
import { randomUUID } from 'node:crypto';
import { ImprovementEndpoints, PUBLISHED_FOR_DAYS, type ImprovementRecord } from '../../protocol/hall/improvement.ts';
import { lowestOfMonth } from './lowest.ts';
import { localDate } from '../../protocol/rules/hall-time.ts';
import { ApiError, routeOf, type HallApp, type HallModule, type Migration } from '../core/module.ts';

const migrations: Migration[] = [
  {
    id: '001-improvement',
    sql: `CREATE TABLE improvement_records (id TEXT PRIMARY KEY, month TEXT NOT NULL, problem TEXT NOT NULL, source TEXT NOT NULL,
            measure TEXT NOT NULL, responsible TEXT NOT NULL, due_on TEXT NOT NULL, result TEXT, closed_on TEXT,
            created_by TEXT NOT NULL, created_at TEXT NOT NULL);
          CREATE INDEX improvement_month ON improvement_records (month);`,
  },
];

interface Row {
  id: string; month: string; problem: string; source: string; measure: string; responsible: string; due_on: string;
  result: string | null; closed_on: string | null; created_by: string; created_at: string;
}

const view = (r: Row): ImprovementRecord => ({
  id: r.id, month: r.month, problem: r.problem, source: r.source, measure: r.measure, responsible: r.responsible, dueOn: r.due_on,
  result: r.result, closedOn: r.closed_on, createdBy: r.created_by, createdAt: r.created_at,
});

export function createImprovementModule(options: { utcOffsetMinutes: number }): HallModule {
  return {
    name: 'improvement',
    migrations,
    register(app: HallApp) {
      const today = () => localDate(app.now().getTime(), options.utcOffsetMinutes);
      app.route(routeOf(ImprovementEndpoints.list, {
        handle({ query }) {
          const month = query.month ?? today().slice(0, 7);
          const records = (app.db.prepare('SELECT * FROM improvement_records WHERE month = ? ORDER BY created_at').all(month) as Row[]).map(view);
          const reasons = app.db
            .prepare(`SELECT j.value AS reason, count(*) AS count FROM ratings r, json_each(r.reasons) j
                      WHERE r.bad = 1 AND r.counted = 1 AND r.day BETWEEN ? AND ? GROUP BY j.value ORDER BY count DESC, reason LIMIT 12`)
            .all(`${month}-01`, `${month}-31`) as Array<{ reason: string; count: number }>;
          return { body: { month, records, badReasons: reasons, lowest: lowestOfMonth(app.db, app.pack(), month) } };
        },
      }));
      app.route(routeOf(ImprovementEndpoints.published, {
        handle() {
          const since = new Date(Date.parse(`${today()}T00:00:00Z`) - PUBLISHED_FOR_DAYS * 86_400_000).toISOString().slice(0, 10);
          const rows = app.db
            .prepare('SELECT * FROM improvement_records WHERE closed_on >= ? ORDER BY closed_on DESC, created_at DESC LIMIT 10')
            .all(since) as Row[];
          return {
            body: { records: rows.map((r) => ({ month: r.month, problem: r.problem, measure: r.measure, result: r.result ?? '', closedOn: r.closed_on ?? '' })) },
          };
        },
      }));
      app.route(routeOf(ImprovementEndpoints.create, {
        handle({ body, principal }) {
          const row: Row = {
            id: randomUUID(), month: body.month, problem: body.problem, source: body.source, measure: body.measure,
            responsible: body.responsible, due_on: body.dueOn, result: null, closed_on: null,
            created_by: principal?.name ?? '', created_at: app.now().toISOString(),
          };
          app.db.prepare(`INSERT INTO improvement_records VALUES (@id, @month, @problem, @source, @measure, @responsible, @due_on, @result,
            @closed_on, @created_by, @created_at)`).run(row);
          app.audit(principal, 'improvement.created', { record: row.id, month: row.month, problem: row.problem });
          return { status: 201, body: view(row) };
        },
      }));
      app.route(routeOf(ImprovementEndpoints.close, {
        handle({ body, params, principal }) {
          const row = app.db.prepare('SELECT * FROM improvement_records WHERE id = ?').get(params['id']) as Row | undefined;
          if (!row) throw new ApiError(404, 'no_such_record', '没有这条整改记录');
          if (row.closed_on) throw new ApiError(409, 'already_closed', '这条整改记录已经办结');
          const closed = { ...row, result: body.result, closed_on: today() };
          app.db.prepare('UPDATE improvement_records SET result = ?, closed_on = ? WHERE id = ?').run(closed.result, closed.closed_on, row.id);
          app.audit(principal, 'improvement.closed', { record: row.id, late: closed.closed_on > row.due_on });
          // 整改公示: the board and the kiosks reload what they publish.
          app.events.publish('improvement.published', { month: row.month, problem: row.problem, measure: row.measure, result: body.result, closedOn: closed.closed_on },
            { roles: ['board', 'kiosk'] });
          return { body: view(closed) };
        },
      }));
    },
  };
}
