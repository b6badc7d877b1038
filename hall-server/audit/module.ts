// The audit module: the console's read of the hall's audit trail (审计日志). The core records the entries
// (`app.audit`); this module only answers `GET /api/admin/audit` for managers.
import type { HallApp, HallModule } from '../core/module.ts';
import { AuditListResponse, AuditPaths } from '../../protocol/hall/audit.ts';
import { encodeCursor, parseAuditQuery } from './query.ts';
import { AuditReader, auditMigrations } from './store.ts';

export function createAuditModule(options: { utcOffsetMinutes: number }): HallModule {
  return {
    name: 'audit',
    migrations: auditMigrations,
    register(app: HallApp) {
      const reader = new AuditReader(app.db);
      app.route({
        method: 'GET',
        path: AuditPaths.list,
        roles: ['admin'],
        summary: '审计日志：from/to 为大厅当地日期（默认今天），action 按操作前缀筛选，最新在前，limit 每页条数（最多200），cursor 翻页',
        response: AuditListResponse,
        handle({ query }): { body: AuditListResponse } {
          const q = parseAuditQuery(query, app.now().getTime(), options.utcOffsetMinutes);
          const page = reader.page(q);
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
      });
    },
  };
}
