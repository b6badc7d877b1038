// Every event type the hall-server publishes is declared, with its data schema, in the event map of protocol/hall.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EventSchemas } from '../../protocol/hall/events.ts';

const HALL_SERVER = fileURLToPath(new URL('..', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = join(dir, e.name);
    if (e.isDirectory()) return sources(full);
    return /\.ts$/.test(e.name) && !e.name.endsWith('.test.ts') ? [readFileSync(full, 'utf8')] : [];
  });
}

describe('the event map', () => {
  it('declares every event type the hall-server publishes', () => {
    const published = new Set<string>();
    for (const text of sources(HALL_SERVER)) {
      for (const m of text.matchAll(/publish\(\s*'([a-z]+\.[a-z_.]+)'|\btype: '([a-z]+\.[a-z_.]+)'/g)) published.add((m[1] ?? m[2]) as string);
    }
    expect(published.size).toBeGreaterThan(10);
    expect([...published].filter((type) => !(type in EventSchemas))).toEqual([]);
  });

  it('parses the five types the modules publish beside the queue', () => {
    expect(EventSchemas['rating.stored'].parse({ ticketId: 't1', window: 2, score: 5 })).toEqual({ ticketId: 't1', window: 2, score: 5 });
    expect(EventSchemas['rating.unrated'].safeParse({ ticketId: 't1' }).success).toBe(false);
    expect(EventSchemas['rating.case'].parse({ caseId: 'c1', state: '整改中' })).toEqual({ caseId: 'c1', state: '整改中' });
    expect(EventSchemas['rating.case'].safeParse({ caseId: 'c1', state: 'closed' }).success).toBe(false);
    const request = { id: 1, terminalId: 'k1', terminalName: '1号取号机', screen: 'home', at: '2026-11-23T01:00:00.000Z', resolvedAt: null, resolvedBy: null };
    expect(EventSchemas['help.requested'].safeParse({ request }).success).toBe(true);
    expect(EventSchemas['help.resolved'].safeParse({ request: { ...request, id: 'x' } }).success).toBe(false);
  });
});
