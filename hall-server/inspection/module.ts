// The 示范点 self-inspection: `GET /api/admin/inspection?month=YYYY-MM` judges the month's indicators from the hall's
// own records and its active pack. No tables of its own; it reads the other modules' (gather.ts).
import { packData } from '../../content/schema/index.ts';
import { InspectionEndpoints } from '../../protocol/hall/inspection.ts';
import { localDate } from '../../protocol/rules/hall-time.ts';
import { routeOf, type HallApp, type HallModule } from '../core/module.ts';
import { gatherInspection } from './gather.ts';
import { inspect } from './indicators.ts';
import { hallMonth, monthRange } from './month.ts';

export function createInspectionModule(options: { utcOffsetMinutes: number }): HallModule {
  return {
    name: 'inspection',
    migrations: [],
    register(app: HallApp) {
      app.route(routeOf(InspectionEndpoints.report, {
        handle({ query }) {
          const nowMs = app.now().getTime();
          const month = query.month ?? hallMonth(nowMs, options.utcOffsetMinutes);
          const pack = app.pack();
          const facts = gatherInspection(app.db, monthRange(month, options.utcOffsetMinutes), localDate(nowMs, options.utcOffsetMinutes), pack.manifest);
          const indicators = inspect({ month, pack: packData(pack), utcOffsetMinutes: options.utcOffsetMinutes, ...facts });
          return {
            body: {
              month,
              hallName: pack.manifest.hall.name,
              packVersion: pack.manifest.version,
              generatedAt: app.now().toISOString(),
              indicators,
              passed: indicators.filter((i) => i.status === 'pass').length,
              failed: indicators.filter((i) => i.status === 'fail').length,
            },
          };
        },
      }));
    },
  };
}
