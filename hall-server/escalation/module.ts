// Overdue 差评 escalation (国办发〔2019〕51号; DB21/T 4402 §11): a follow-up case still open after its working-day
// deadline is escalated to the 大厅负责人 once — recorded, audited, pushed to the console and to the counter panel of
// the window concerned — and cleared when the case is closed. A sweep finds both; it runs every few seconds and right
// after a case changes.
import { EscalationEndpoints, type CaseEscalation } from '../../protocol/hall/escalations.ts';
import { localDate } from '../../protocol/rules/hall-time.ts';
import { routeOf, type HallApp, type HallModule, type Migration } from '../core/module.ts';

const migrations: Migration[] = [
  {
    id: '001-escalations',
    sql: `CREATE TABLE case_escalations (case_id TEXT PRIMARY KEY, window INTEGER NOT NULL, ticket_number TEXT NOT NULL,
            service_name TEXT NOT NULL, due_on TEXT NOT NULL, escalated_at TEXT NOT NULL, cleared_at TEXT);
          CREATE INDEX case_escalations_open ON case_escalations (window) WHERE cleared_at IS NULL;`,
  },
];

const SWEEP_INTERVAL_MS = 5_000;
/** The states in which a 差评 case is finished (protocol/hall/cases.ts). */
const CLOSED_STATES = `('已反馈办结', '申诉撤销')`;

interface EscalationRow {
  case_id: string;
  window: number;
  ticket_number: string;
  service_name: string;
  due_on: string;
  escalated_at: string;
}

const view = (r: EscalationRow): CaseEscalation => ({
  caseId: r.case_id, window: r.window, ticketNumber: r.ticket_number, serviceName: r.service_name, dueOn: r.due_on, escalatedAt: r.escalated_at,
});

export function createEscalationModule(options: { utcOffsetMinutes: number }): HallModule {
  let timer: ReturnType<typeof setInterval> | undefined;
  let stopped = false;
  let app: HallApp | null = null;
  const openRows = (window: number | null): EscalationRow[] =>
    app!.db
      .prepare(`SELECT * FROM case_escalations WHERE cleared_at IS NULL ${window === null ? '' : 'AND window = ?'} ORDER BY due_on, case_id`)
      .all(...(window === null ? [] : [window])) as EscalationRow[];

  function sweep(hall: HallApp): void {
    const today = localDate(hall.now().getTime(), options.utcOffsetMinutes);
    const at = hall.now().toISOString();
    hall.tx(() => {
      const overdue = hall.db
        .prepare(`SELECT c.id AS case_id, r.window, r.ticket_number, r.service_name, c.due_on, ? AS escalated_at
                  FROM rating_cases c JOIN ratings r ON r.id = c.rating_id
                  WHERE c.state NOT IN ${CLOSED_STATES} AND c.due_on < ?
                    AND NOT EXISTS (SELECT 1 FROM case_escalations e WHERE e.case_id = c.id)`)
        .all(at, today) as EscalationRow[];
      const insert = hall.db.prepare(`INSERT INTO case_escalations VALUES (@case_id, @window, @ticket_number, @service_name, @due_on,
        @escalated_at, NULL)`);
      for (const row of overdue) {
        insert.run(row);
        hall.audit(null, 'rating.case.escalated', { case: row.case_id, window: row.window, dueOn: row.due_on });
        hall.events.publish('case.escalated', view(row), { window: row.window, roles: ['counter'] });
      }
      const closed = hall.db
        .prepare(`SELECT e.* FROM case_escalations e JOIN rating_cases c ON c.id = e.case_id
                  WHERE e.cleared_at IS NULL AND c.state IN ${CLOSED_STATES}`)
        .all() as EscalationRow[];
      const clear = hall.db.prepare('UPDATE case_escalations SET cleared_at = ? WHERE case_id = ?');
      for (const row of closed) {
        clear.run(at, row.case_id);
        hall.events.publish('case.escalation.cleared', { caseId: row.case_id, window: row.window }, { window: row.window, roles: ['counter'] });
      }
    });
  }

  return {
    name: 'escalation',
    migrations,
    register(hall) {
      app = hall;
      const log = hall.log.child('escalation');
      const run = (): void => {
        if (stopped) return;
        try {
          sweep(hall);
        } catch (err) {
          log.error(`escalation sweep failed (retried on the next one): ${(err as Error).message}`);
        }
      };
      hall.route(routeOf(EscalationEndpoints.list, { handle: () => ({ body: { escalations: openRows(null).map(view) } }) }));
      // A case that changed may have been closed (clears its escalation) or opened late: look at once, in a
      // transaction of its own after the case's one committed.
      let scheduled = false;
      hall.onEventsCommitted((events) => {
        if (scheduled || !events.some((e) => e.type === 'rating.case')) return;
        scheduled = true;
        setImmediate(() => {
          scheduled = false;
          run();
        });
      });
      timer = setInterval(run, SWEEP_INTERVAL_MS);
      timer.unref();
      setImmediate(run);
    },
    stop() {
      stopped = true;
      clearInterval(timer);
    },
    snapshot(principal) {
      if (!app || principal.role !== 'counter' || principal.window === null) return null;
      return { open: openRows(principal.window).map(view) };
    },
  };
}
