import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { HelpStore, helpMigrations } from './help.ts';

function store() {
  const db = new Database(':memory:');
  for (const m of helpMigrations) db.exec(m.sql);
  return new HelpStore(db);
}

describe('help requests', () => {
  it('records one open request per terminal with its name, and resolves it', () => {
    const s = store();
    const first = s.raise({ id: 'k1', name: '1号取号机' }, 'identify', '2026-11-22T01:00:00.000Z');
    const again = s.raise({ id: 'k1', name: '1号取号机' }, 'notice', '2026-11-22T01:00:05.000Z');
    expect(first.fresh).toBe(true);
    expect(again).toEqual({ request: first.request, fresh: false });
    expect(s.open()).toEqual([
      { id: 1, terminalId: 'k1', terminalName: '1号取号机', screen: 'identify', at: '2026-11-22T01:00:00.000Z', resolvedAt: null, resolvedBy: null },
    ]);
    const resolved = s.resolve(1, '王经理', '2026-11-22T01:02:00.000Z');
    expect(resolved).toMatchObject({ resolvedAt: '2026-11-22T01:02:00.000Z', resolvedBy: '王经理' });
    expect(s.open()).toEqual([]);
    expect(s.raise({ id: 'k1', name: '1号取号机' }, 'home', '2026-11-22T01:03:00.000Z').fresh).toBe(true);
    expect(s.list().map((r) => r.id)).toEqual([2, 1]);
  });
});
