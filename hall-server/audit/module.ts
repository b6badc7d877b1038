// The audit module: the console's read of the hall's audit trail (审计日志). The core records the entries
// (`app.audit`); this module only answers `GET /api/admin/audit` for managers.
import { routeOf, type HallApp, type HallModule } from '../core/module.ts';
import { AuditEndpoints } from '../../protocol/hall/audit.ts';
import { encodeCursor, resolveAuditQuery } from './query.ts';
import { AuditReader, auditMigrations } from './store.ts';

export function createAuditModule(options: { utcOffsetMinutes: number }): HallModule {
  return {
    name: 'audit',
    migrations: auditMigrations,
    register(app: HallApp) {
      const reader = new AuditReader(app.db);
      app.route(routeOf(AuditEndpoints.list, {
        // Read in `prepare`, outside the command transaction, in steps that let the hall answer others in between.
        async prepare({ query }) {
          const q = resolveAuditQuery(query, app.now().getTime(), options.utcOffsetMinutes);
          return { q, page: await reader.page(q) };
        },
        handle(_req, { q, page }) {
          return {
            body: {
              from: q.from,
              to: q.to,
              utcOffsetMinutes: options.utcOffsetMinutes,
              total: page.total,
              entries: page.entries,
              next: page.more && page.last ? encodeCursor(page.last) : null,
            },
          };
        },
      }));
    },
  };
}
