// State of the 示范点自查 page: the month asked for and the report the hall computed for it.
import { action, createModel, signal } from '@preact/signals';
import { InspectionEndpoints, type InspectionReport } from '../../../protocol/hall/inspection.ts';
import { call, HallApiError } from '../../shared/hall/api.ts';

export const InspectionModel = createModel(() => {
  /** "YYYY-MM"; empty until the first answer says which month the hall is in. */
  const month = signal('');
  const report = signal<InspectionReport | null>(null);
  const error = signal<string | null>(null);
  const busy = signal(false);
  let request = 0;

  const load = action(async (asked: string) => {
    const mine = ++request;
    busy.value = true;
    try {
      const res = await call(InspectionEndpoints.report, { query: asked ? { month: asked } : {} });
      if (mine !== request) return;
      report.value = res;
      month.value = res.month;
      error.value = null;
    } catch (err) {
      if (mine === request) error.value = err instanceof HallApiError ? err.message : '自查结果获取失败，请稍后再试';
    } finally {
      if (mine === request) busy.value = false;
    }
  });

  return { month, report, error, busy, load };
});
