import { describe, expect, it } from 'vitest';
import { compileCalendar } from '../../protocol/rules/workdays.ts';
import { caseOrder, caseView } from './cases.ts';

const cal = compileCalendar({ holidays: ['2026-10-01', '2026-10-02'], workdays: ['2026-10-10'] });
const row = (caseId: string, dueOn: string, state: '待回访' | '已反馈办结' = '待回访', closedOn: string | null = null) => ({
  site_id: 's', site_name: '站', case_id: caseId, rating_id: 'r', state, opened_on: '2026-09-28', due_on: dueOn, closed_on: closedOn,
  service_name: null, staff_name: null, score: 1, reasons: null, masked_comment: null,
});

describe('差评 case deadlines in working days', () => {
  it('counts working days left by the calendar and puts the overdue first', () => {
    const today = '2026-09-30';
    const views = [row('later', '2026-10-09'), row('done', '2026-09-29', '已反馈办结', '2026-09-29'), row('late', '2026-09-29')].map((r) => caseView(r, today, cal));
    expect(views.map((v) => [v.caseId, v.workingDaysLeft, v.overdue])).toEqual([['later', 5, false], ['done', null, false], ['late', -1, true]]);
    expect(views.sort(caseOrder).map((v) => v.caseId)).toEqual(['late', 'later', 'done']);
  });
});
