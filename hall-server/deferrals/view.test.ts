import { describe, expect, it } from 'vitest';
import { samplePackData } from '../../tests/support/sample-pack.ts';
import { calendarOf } from '../../protocol/rules/workdays.ts';
import { deferralView, type DeferralRow } from './view.ts';

const cal = calendarOf(samplePackData().calendar);
const row: DeferralRow = {
  id: 'd1', ticket_number: 'A003', service_code: '212036001003', service_name: '城乡居民参保登记', window: 2, masked_name: '张*三',
  materials: '["居住证"]', accepted_on: '2026-12-03', due_on: '2026-12-10', supplied_on: null,
};

describe('a 容缺 补正 on a given day', () => {
  it('DB21/T 4402 §9.5.10: open with working days left; a reminder from 2 working days before the due date', () => {
    expect(deferralView(row, '2026-12-03', cal)).toMatchObject({ state: 'open', workingDaysLeft: 5, remind: false, materials: ['居住证'] });
    expect(deferralView(row, '2026-12-07', cal)).toMatchObject({ state: 'open', workingDaysLeft: 3, remind: false });
    expect(deferralView(row, '2026-12-08', cal)).toMatchObject({ state: 'open', workingDaysLeft: 2, remind: true });
    expect(deferralView(row, '2026-12-10', cal)).toMatchObject({ state: 'open', workingDaysLeft: 0, remind: true });
  });

  it('DB21/T 4402 §9.5.10: past its due date without the materials it has lapsed; supplied ones stay supplied', () => {
    expect(deferralView(row, '2026-12-11', cal)).toMatchObject({ state: 'lapsed', workingDaysLeft: -1, remind: false });
    expect(deferralView({ ...row, supplied_on: '2026-12-09' }, '2026-12-11', cal)).toMatchObject({ state: 'supplied', remind: false });
  });
});
