// One month's 示范点 self-inspection report as the hall computes it now: what the console's endpoint answers and what
// the publisher sends to the region are the same computation.
import { packData } from '../../content/schema/index.ts';
import type { InspectionReport } from '../../protocol/hall/inspection.ts';
import { localDate } from '../../protocol/rules/hall-time.ts';
import type { HallApp } from '../core/module.ts';
import { gatherInspection } from './gather.ts';
import { inspect } from './indicators.ts';
import { monthRange } from './month.ts';

export function inspectionReport(app: HallApp, month: string, utcOffsetMinutes: number): InspectionReport {
  const now = app.now();
  const pack = app.pack();
  const facts = gatherInspection(app.db, monthRange(month, utcOffsetMinutes), localDate(now.getTime(), utcOffsetMinutes), pack.manifest);
  const indicators = inspect({ month, pack: packData(pack), utcOffsetMinutes, ...facts });
  return {
    month,
    hallName: pack.manifest.hall.name,
    packVersion: pack.manifest.version,
    generatedAt: now.toISOString(),
    indicators,
    passed: indicators.filter((i) => i.status === 'pass').length,
    failed: indicators.filter((i) => i.status === 'fail').length,
  };
}
