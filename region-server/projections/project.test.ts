import { describe, expect, it } from 'vitest';
import type { InspectionReport } from '../../protocol/hall/inspection.ts';
import type { SyncEvent } from '../../protocol/region/sync.ts';
import { hallDay, projectBatch } from './project.ts';

function report(month: string, generatedAt: string, figure = '3 个（其中潮汐窗口 1 个）'): InspectionReport {
  return {
    month,
    hallName: '太平镇医保服务站',
    packVersion: 4,
    generatedAt,
    indicators: [{
      id: 'windows', clause: '示范点标准 二（六）· 窗口设置', title: '服务窗口数量', target: '不少于 3 个', figure, status: 'pass', detail: '',
    }],
    passed: 1,
    failed: 0,
  };
}

function reported(seq: number, data: unknown): SyncEvent {
  return { seq, type: 'inspection.reported', at: '2026-11-30T08:00:00.000Z', data };
}

describe('projecting 示范点自查 reports', () => {
  it('keeps each month\'s report as the hall sent it, with its generation instant', () => {
    const november = report('2026-11', '2026-11-30T08:00:00.000Z');
    const delta = projectBatch([reported(1, november)]);
    expect([...delta.inspections.values()]).toEqual([{ month: '2026-11', report: november, generatedAt: '2026-11-30T08:00:00.000Z' }]);
  });

  it('of two reports of a month keeps the one generated later, whatever their order in the batch', () => {
    const newer = report('2026-11', '2026-11-30T08:00:00.000Z', '4 个（其中潮汐窗口 1 个）');
    const older = report('2026-11', '2026-11-29T08:00:00.000Z');
    expect(projectBatch([reported(1, newer), reported(2, older)]).inspections.get('2026-11')?.report).toEqual(newer);
    expect(projectBatch([reported(1, older), reported(2, newer)]).inspections.get('2026-11')?.report).toEqual(newer);
  });

  it('keeps months apart', () => {
    const delta = projectBatch([reported(1, report('2026-10', '2026-10-31T08:00:00.000Z')), reported(2, report('2026-11', '2026-11-30T08:00:00.000Z'))]);
    expect([...delta.inspections.keys()]).toEqual(['2026-10', '2026-11']);
  });

  it('normalises the generation instant to ISO form', () => {
    const delta = projectBatch([reported(1, report('2026-11', '2026-11-30T16:00:00+08:00'))]);
    expect(delta.inspections.get('2026-11')?.generatedAt).toBe('2026-11-30T08:00:00.000Z');
  });

  it('leaves out a report without the agreed shape or without a readable generation instant', () => {
    const delta = projectBatch([
      reported(1, { ...report('2026-11', '2026-11-30T08:00:00.000Z'), extra: true }),
      reported(2, { ...report('2026-13', '2026-11-30T08:00:00.000Z') }),
      reported(3, { ...report('2026-11', '2026-11-30T08:00:00.000Z'), passed: '1' }),
      reported(4, report('2026-11', '上月底')),
      reported(5, null),
    ]);
    expect(delta.inspections.size).toBe(0);
    expect(delta.newestEventAt).toBe('2026-11-30T08:00:00.000Z');
  });
});

describe('the day a site\'s ticket counts on', () => {
  it('is the hall day (03:00 China time), as the hall counts tickets and ratings: 01:30 still belongs to the day before', () => {
    expect(hallDay('2026-12-04T17:30:00.000Z')).toBe('2026-12-04');
    expect(hallDay('2026-12-04T19:00:00.000Z')).toBe('2026-12-05');
    expect(hallDay('2026-12-04T15:59:00.000Z')).toBe('2026-12-04');
  });
});
