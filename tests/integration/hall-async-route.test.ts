// A route whose work starts with an outbound call: `prepare` awaits the upstream service outside any transaction, then
// `handle` writes in the group commit, and the answer comes only once that write is on disk.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseHallConfig } from '../../hall-server/config/load.ts';
import { startHall, type RunningHall } from '../../hall-server/core/hall.ts';
import { ApiError, type HallModule } from '../../hall-server/core/module.ts';
import { loadStartupPack } from '../../hall-server/core/startup-pack.ts';
import { hallModules } from '../../hall-server/modules.ts';
import { SAMPLE_PACK } from '../support/hall.ts';
import { demoKeyFile } from '../../hall-server/core/keys.ts';

const LookupBody = z.strictObject({ code: z.string().min(1).max(64) });

/** A stand-in for an upstream service (e.g. the 医保电子凭证 decode platform): a real HTTP server on a free port. */
function startUpstream(): Promise<{ server: Server; url: string; calls: string[] }> {
  const calls: string[] = [];
  const server = createServer((req, res) => {
    const code = new URL(req.url ?? '/', 'http://upstream').searchParams.get('code') ?? '';
    calls.push(code);
    // Answer late, so a handler that did not really wait for it would be caught.
    setTimeout(() => {
      if (code === 'broken') res.writeHead(503).end();
      else res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ name: `person-${code}` }));
    }, 30);
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, calls })));
}

function lookupModule(upstreamUrl: () => string): HallModule {
  return {
    name: 'lookup_test',
    migrations: [{ id: '001', sql: 'CREATE TABLE lookups (code TEXT NOT NULL, name TEXT NOT NULL)' }],
    register(app) {
      const insert = app.db.prepare('INSERT INTO lookups (code, name) VALUES (?, ?)');
      app.route({
        method: 'POST', path: '/api/test/lookup', roles: 'public', body: LookupBody,
        async prepare({ body }) {
          const res = await fetch(`${upstreamUrl()}/decode?code=${encodeURIComponent(body.code)}`);
          if (!res.ok) throw new ApiError(502, 'upstream_failed', '上游服务暂时无法使用，请稍后再试');
          return (await res.json()) as { name: string };
        },
        handle({ body }, upstream) {
          insert.run(body.code, upstream.name);
          // A test-only event type, outside the hall's event map (which types publish for every real module).
          (app.events as { publish(type: string, data: unknown): unknown }).publish('lookup.done', { code: body.code });
          return { body: { name: upstream.name } };
        },
      });
      app.route({
        method: 'POST', path: '/api/test/sync', roles: 'public', body: LookupBody,
        handle({ body }) {
          insert.run(body.code, 'sync');
          return { status: 201 };
        },
      });
      app.route({
        method: 'POST', path: '/api/test/never', roles: 'public',
        // @ts-expect-error an async handle does not compile: its Promise is not a RouteResult (use `prepare`).
        async handle() {
          return { status: 204 };
        },
      });
    },
  };
}

let upstream: Awaited<ReturnType<typeof startUpstream>>;
let hall: RunningHall;
let dataDir: string;
let reader: Database.Database;

beforeAll(async () => {
  upstream = await startUpstream();
  dataDir = mkdtempSync(join(tmpdir(), 'hall-async-'));
  const config = parseHallConfig({ demo: true });
  hall = await startHall({
    dataDir, config, port: 0,
    modules: [...hallModules(config), lookupModule(() => upstream.url)],
    fallbackPack: loadStartupPack(SAMPLE_PACK), startupPack: SAMPLE_PACK,
  });
  // A second connection sees only what has been committed.
  reader = new Database(join(dataDir, 'hall.sqlite'), { readonly: true });
});

afterAll(async () => {
  reader.close();
  await hall.close();
  await new Promise<void>((ok) => upstream.server.close(() => ok()));
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(dirname(demoKeyFile(dataDir)), { recursive: true, force: true });
});

function post(path: string, body: unknown): Promise<Response> {
  return fetch(hall.url + path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

describe('async route (prepare, then a durable handle)', () => {
  it('calls upstream, writes, and the write is committed before the answer', async () => {
    const res = await post('/api/test/lookup', { code: 'A17' });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ name: 'person-A17' });
    expect(upstream.calls).toContain('A17');
    expect(reader.prepare('SELECT code, name FROM lookups WHERE code = ?').all('A17')).toEqual([{ code: 'A17', name: 'person-A17' }]);
    const event = reader.prepare("SELECT data FROM events WHERE type = 'lookup.done'").pluck().all();
    expect(event).toEqual([JSON.stringify({ code: 'A17' })]);
  });

  it('many concurrent async commands all commit, each exactly once', async () => {
    const codes = Array.from({ length: 20 }, (_, i) => `C${i}`);
    const answers = await Promise.all(codes.map((code) => post('/api/test/lookup', { code }).then(async (r) => [r.status, await r.json()])));
    expect(answers).toEqual(codes.map((code) => [200, { name: `person-${code}` }]));
    const rows = reader.prepare("SELECT code FROM lookups WHERE code LIKE 'C%' ORDER BY code").pluck().all();
    expect(rows).toEqual([...codes].sort());
  });

  it('an upstream failure in prepare answers with its error and writes nothing', async () => {
    const res = await post('/api/test/lookup', { code: 'broken' });
    expect(res.status).toBe(502);
    expect(await res.json()).toEqual({ error: { code: 'upstream_failed', message: '上游服务暂时无法使用，请稍后再试' } });
    expect(reader.prepare("SELECT COUNT(*) FROM lookups WHERE code = 'broken'").pluck().get()).toBe(0);
  });

  it('plain synchronous handlers work as before', async () => {
    const res = await post('/api/test/sync', { code: 'S1' });
    expect(res.status).toBe(201);
    expect(reader.prepare("SELECT name FROM lookups WHERE code = 'S1'").pluck().get()).toBe('sync');
  });
});
