// 容缺受理 (DB21/T 4402 §9.5): the counter records acceptance of the ticket it is serving with materials to follow and
// the 补正 due date (working days by the pack calendar); the console lists the open ones, reminds before they lapse,
// marks them supplied and counts them per month.
import { randomUUID } from 'node:crypto';
import { supplyWorkingDays } from '../../content/schema/index.ts';
import { DeferralEndpoints } from '../../protocol/hall/deferrals.ts';
import { localDate } from '../../protocol/rules/hall-time.ts';
import { addWorkingDays, calendarOf } from '../../protocol/rules/workdays.ts';
import { ApiError, routeOf, type HallApp, type HallModule, type Migration } from '../core/module.ts';
import { deferralView, type DeferralRow } from './view.ts';

const migrations: Migration[] = [
  {
    id: '001-deferrals',
    sql: `CREATE TABLE deferrals (id TEXT PRIMARY KEY, ticket_id TEXT NOT NULL UNIQUE, ticket_number TEXT NOT NULL,
            service_code TEXT NOT NULL, service_name TEXT NOT NULL, window INTEGER NOT NULL, staff_id TEXT, masked_name TEXT,
            materials TEXT NOT NULL, accepted_on TEXT NOT NULL, due_on TEXT NOT NULL, supplied_on TEXT, accepted_at TEXT NOT NULL);
          CREATE INDEX deferrals_open ON deferrals (due_on) WHERE supplied_on IS NULL;
          CREATE INDEX deferrals_accepted ON deferrals (accepted_on);`,
  },
];

interface TicketRow {
  id: string;
  number: string;
  service: string;
  status: string;
  window: number | null;
  staff_id: string | null;
  masked_name: string | null;
}

export function createDeferralsModule(options: { utcOffsetMinutes: number }): HallModule {
  return {
    name: 'deferrals',
    migrations,
    register(app: HallApp) {
      const today = () => localDate(app.now().getTime(), options.utcOffsetMinutes);
      const calendar = () => calendarOf(app.pack().calendar);
      const byId = app.db.prepare('SELECT * FROM deferrals WHERE id = ?');

      app.route(routeOf(DeferralEndpoints.record, {
        handle({ body, params, principal }) {
          const window = Number(params['window']);
          const ticket = app.db
            .prepare('SELECT id, number, service, status, window, staff_id, masked_name FROM queue_tickets WHERE id = ?')
            .get(body.ticketId) as TicketRow | undefined;
          if (!ticket || ticket.window !== window || !['called', 'serving'].includes(ticket.status)) {
            throw new ApiError(409, 'not_serving', '只能对本窗口正在办理的号码按容缺受理');
          }
          const service = app.pack().services.find((s) => s.code === ticket.service);
          const allowed = service?.guide.deferredAcceptance.allowed ? service.guide.materials.filter((m) => m.deferrable).map((m) => m.name) : [];
          if (!service || allowed.length === 0) throw new ApiError(422, 'deferral_not_allowed', '本事项不适用容缺受理');
          const wrong = body.materials.filter((m) => !allowed.includes(m));
          if (wrong.length > 0) throw new ApiError(422, 'not_deferrable', `「${wrong[0]}」不是本事项可以容缺的材料`);
          if (app.db.prepare('SELECT 1 FROM deferrals WHERE ticket_id = ?').get(ticket.id)) {
            throw new ApiError(409, 'already_recorded', '这个号码已经按容缺受理登记过了');
          }
          const accepted = today();
          const row: DeferralRow & { ticket_id: string; staff_id: string | null; accepted_at: string } = {
            id: randomUUID(), ticket_id: ticket.id, ticket_number: ticket.number, service_code: service.code, service_name: service.name,
            window, staff_id: ticket.staff_id, masked_name: ticket.masked_name, materials: JSON.stringify(body.materials),
            accepted_on: accepted, due_on: addWorkingDays(accepted, supplyWorkingDays(service.guide), calendar()), supplied_on: null,
            accepted_at: app.now().toISOString(),
          };
          app.db.prepare(`INSERT INTO deferrals (id, ticket_id, ticket_number, service_code, service_name, window, staff_id, masked_name,
            materials, accepted_on, due_on, supplied_on, accepted_at) VALUES (@id, @ticket_id, @ticket_number, @service_code, @service_name,
            @window, @staff_id, @masked_name, @materials, @accepted_on, @due_on, @supplied_on, @accepted_at)`).run(row);
          app.audit(principal, 'deferral.accepted', { ticket: ticket.id, window, service: service.code, materials: body.materials, dueOn: row.due_on });
          return { status: 201, body: deferralView(row, accepted, calendar()) };
        },
      }));

      app.route(routeOf(DeferralEndpoints.list, {
        handle() {
          const day = today();
          const cal = calendar();
          const month = day.slice(0, 7);
          const monthStart = `${month}-01`;
          const rows = app.db
            .prepare('SELECT * FROM deferrals WHERE supplied_on IS NULL AND due_on >= ? ORDER BY due_on, accepted_at LIMIT 500')
            .all(monthStart) as DeferralRow[];
          const counted = app.db
            .prepare('SELECT * FROM deferrals WHERE accepted_on >= ? ORDER BY accepted_on LIMIT 5000')
            .all(monthStart) as DeferralRow[];
          const views = counted.map((r) => deferralView(r, day, cal));
          return {
            body: {
              pending: rows.map((r) => deferralView(r, day, cal)),
              stats: {
                month,
                accepted: views.length,
                supplied: views.filter((v) => v.state === 'supplied').length,
                lapsed: views.filter((v) => v.state === 'lapsed').length,
                open: views.filter((v) => v.state === 'open').length,
              },
            },
          };
        },
      }));

      app.route(routeOf(DeferralEndpoints.supplied, {
        handle({ params, principal }) {
          const row = byId.get(params['id']) as DeferralRow | undefined;
          if (!row) throw new ApiError(404, 'no_such_deferral', '没有这条容缺受理记录');
          if (row.supplied_on) throw new ApiError(409, 'already_supplied', '这条容缺受理的材料已经补齐');
          const day = today();
          app.db.prepare('UPDATE deferrals SET supplied_on = ? WHERE id = ?').run(day, row.id);
          app.audit(principal, 'deferral.supplied', { deferral: row.id, ticketNumber: row.ticket_number, late: row.due_on < day });
          return { body: deferralView({ ...row, supplied_on: day }, day, calendar()) };
        },
      }));
    },
  };
}
