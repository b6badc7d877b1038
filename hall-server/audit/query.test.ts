import { describe, expect, it } from 'vitest';
import { ApiError } from '../core/module.ts';
import { localDate } from '../../protocol/rules/hall-time.ts';
import { decodeCursor, encodeCursor, parseAuditQuery } from './query.ts';

const NOW = Date.parse('2026-11-03T17:30:00.000Z'); // 2026-11-04 01:30 in UTC+8

function fails(q: string): string {
  try {
    parseAuditQuery(new URLSearchParams(q), NOW, 480);
  } catch (err) {
    return (err as ApiError).code;
  }
  return 'passed';
}

describe('audit query', () => {
  it('defaults to the hall-local today and turns days into UTC bounds', () => {
    expect(localDate(NOW, 480)).toBe('2026-11-04');
    const q = parseAuditQuery(new URLSearchParams(), NOW, 480);
    expect(q).toEqual({
      from: '2026-11-04', to: '2026-11-04', start: '2026-11-03T16:00:00.000Z', end: '2026-11-04T16:00:00.000Z',
      action: null, limit: 50, cursor: null,
    });
    const r = parseAuditQuery(new URLSearchParams('from=2026-11-01&to=2026-11-02&action=ratings.case&limit=200'), NOW, 0);
    expect([r.start, r.end, r.action, r.limit]).toEqual(['2026-11-01T00:00:00.000Z', '2026-11-03T00:00:00.000Z', 'ratings.case', 200]);
  });

  it('refuses wrong dates, filters, page sizes and cursors', () => {
    expect(fails('from=2026-11-31&to=2026-12-01')).toBe('bad_range');
    expect(fails('from=2026-11-05&to=2026-11-01')).toBe('bad_range');
    expect(fails('from=2025-01-01&to=2026-11-01')).toBe('bad_range');
    expect(fails('action=ratings%25')).toBe('bad_action');
    expect(fails('action=.x')).toBe('bad_action');
    expect(fails('limit=0')).toBe('bad_limit');
    expect(fails('limit=201')).toBe('bad_limit');
    expect(fails('limit=2.5')).toBe('bad_limit');
    expect(fails('cursor=abc')).toBe('bad_cursor');
  });

  it('round-trips a cursor', () => {
    const c = { at: '2026-11-03T16:00:00.123Z', id: 42 };
    expect(decodeCursor(encodeCursor(c))).toEqual(c);
    expect(parseAuditQuery(new URLSearchParams({ cursor: encodeCursor(c) }), NOW, 480).cursor).toEqual(c);
  });
});
