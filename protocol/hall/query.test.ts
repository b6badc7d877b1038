import { describe, expect, it } from 'vitest';
import { AuditListQuery } from './audit.ts';
import { ImprovementListQuery } from './improvement.ts';
import { InspectionQuery } from './inspection.ts';
import { queryErrorOf, queryObject } from './query.ts';
import { CaseListQuery, ExportQuery, StatsQuery } from './ratings.ts';
import type { z } from 'zod';

/** What the router answers for a query: the parsed object, or the 400's code and message. */
function answer(schema: z.ZodType, search: string): unknown {
  const parsed = schema.safeParse(queryObject(new URLSearchParams(search)));
  return parsed.success ? parsed.data : queryErrorOf(parsed.error);
}

describe('declared query parameters', () => {
  it('statistics: a real date range of at most about a year, the grouping defaulting to days', () => {
    expect(answer(StatsQuery, 'from=2026-11-01&to=2026-11-30')).toEqual({ from: '2026-11-01', to: '2026-11-30', group: 'day' });
    expect(answer(StatsQuery, 'from=2026-11-31&to=2026-12-01')).toEqual({ code: 'bad_range', message: '请选择正确的起止日期（格式如 2026-11-01）' });
    expect(answer(StatsQuery, 'to=2026-12-01')).toEqual({ code: 'bad_range', message: '请选择正确的起止日期（格式如 2026-11-01）' });
    expect(answer(StatsQuery, 'from=2026-12-01&to=2026-11-01')).toEqual({ code: 'bad_range', message: '结束日期不能早于开始日期' });
    expect(answer(StatsQuery, 'from=2025-01-01&to=2026-11-01')).toEqual({ code: 'bad_range', message: '一次最多查询一年的数据' });
    expect(answer(StatsQuery, 'from=2026-11-01&to=2026-11-02&group=year')).toEqual({ code: 'bad_group', message: '统计维度不正确' });
  });

  it('export: the kind defaults to the full data; another kind is refused', () => {
    expect(answer(ExportQuery, 'from=2026-11-01&to=2026-11-02')).toEqual({ from: '2026-11-01', to: '2026-11-02', kind: 'full' });
    expect(answer(ExportQuery, 'from=2026-11-01&to=2026-11-02&kind=xls')).toEqual({ code: 'bad_kind', message: '导出类型不正确' });
  });

  it('case list: open is 1 or 0; an empty date is left out; unknown parameters are ignored', () => {
    expect(answer(CaseListQuery, 'open=1&from=&_=123')).toEqual({ open: '1', from: '' });
    expect(answer(CaseListQuery, 'open=yes')).toEqual({ code: 'bad_range', message: '筛选条件不正确（open 只能是 1 或 0）' });
    expect(answer(CaseListQuery, 'from=2026-11-02&to=2026-11-01')).toEqual({ code: 'bad_range', message: '结束日期不能早于开始日期' });
  });

  it('inspection: a month YYYY-MM, or none for the current one', () => {
    expect(answer(InspectionQuery, '')).toEqual({});
    expect(answer(InspectionQuery, 'month=2026-13')).toEqual({ code: 'bad_month', message: '月份格式应为 YYYY-MM，例如 2026-11' });
  });

  it('audit list: real days or none (the hall fills in today), an action prefix, a page size of 1 to 200 as a number, a cursor', () => {
    expect(answer(AuditListQuery, '')).toEqual({});
    expect(answer(AuditListQuery, 'from=&to=&action=&limit=200&cursor=abc')).toEqual({ from: '', to: '', action: '', limit: 200, cursor: 'abc' });
    expect(answer(AuditListQuery, 'from=2026-11-01&to=2026-11-02&action=ratings.case&limit=50')).toEqual({
      from: '2026-11-01', to: '2026-11-02', action: 'ratings.case', limit: 50,
    });
    expect(answer(AuditListQuery, 'to=2026-11-31')).toEqual({ code: 'bad_range', message: '请选择正确的起止日期（格式如 2026-11-01）' });
    expect(answer(AuditListQuery, 'action=ratings%25')).toEqual({ code: 'bad_action', message: '操作类型不正确' });
    expect(answer(AuditListQuery, 'limit=2.5')).toEqual({ code: 'bad_limit', message: '每页条数应为 1 到 200' });
    expect(answer(AuditListQuery, 'limit=')).toEqual({ code: 'bad_limit', message: '每页条数应为 1 到 200' });
  });

  it('improvement list: a month YYYY-MM; none, or one of another form, leaves it to the hall (its current month)', () => {
    expect(answer(ImprovementListQuery, 'month=2026-11')).toEqual({ month: '2026-11' });
    expect(answer(ImprovementListQuery, '')).toEqual({ month: undefined });
    expect(answer(ImprovementListQuery, 'month=11/2026')).toEqual({ month: undefined });
  });

  it('a repeated parameter counts with its first value, as the handlers read it before', () => {
    expect(queryObject(new URLSearchParams('kind=full&kind=upstream'))).toEqual({ kind: 'full' });
  });
});
