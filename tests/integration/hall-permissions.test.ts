// Least privilege from the declarations: every endpoint the hall serves names its access, the router refuses a console
// role the declaration does not name, and a console session's event socket carries only what its role's pages read.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHall, type TestHall } from '../support/hall.ts';
import { rating, serveAndFinish, terminals, type Terminals } from './rating-flow.helpers.ts';

type StaffRole = 'owner' | 'shift_lead' | 'callback';
type Access = { kind: 'public' } | { kind: 'signed-in'; terminals: string[]; staff: StaffRole[] };
interface Operation {
  method: string;
  path: string;
  roles: string[] | 'public';
  access: Access;
}

let hall: TestHall;
let t: Terminals;
let operations: Operation[] = [];

beforeAll(async () => {
  hall = await startTestHall();
  t = await terminals(hall, [1]);
  const doc = (await hall.api('GET', '/api/openapi.json')).body as { paths: Record<string, Record<string, Record<string, unknown>>> };
  operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({
      method: method.toUpperCase(),
      path: path.replace(/\{(\w+)\}/g, ':$1'),
      roles: op['x-roles'] as Operation['roles'],
      access: op['x-access'] as Access,
    })),
  );
});
afterAll(async () => {
  await hall.close(true);
});

/** The request path with every parameter filled (the role check comes before the handler looks at them). */
const filled = (path: string) => path.replace(/:(\w+)/g, (_, name: string) => (name === 'window' ? '1' : 'x'));

describe('every endpoint names its access', () => {
  it('public, or the terminals and the console roles (the 大厅负责人 in every console list) that may call it', () => {
    expect(operations.length).toBeGreaterThan(50);
    for (const op of operations) {
      const where = `${op.method} ${op.path}`;
      if (op.roles === 'public') {
        expect([where, op.access]).toEqual([where, { kind: 'public' }]);
        continue;
      }
      expect([where, op.access.kind]).toEqual([where, 'signed-in']);
      if (op.access.kind !== 'signed-in') continue;
      expect([where, op.access.terminals]).toEqual([where, op.roles.filter((r) => r !== 'admin')]);
      expect([where, op.access.staff.length > 0]).toEqual([where, op.roles.includes('admin')]);
      if (op.roles.includes('admin')) expect([where, op.access.staff.includes('owner')]).toEqual([where, true]);
    }
  });
});

describe('the router enforces the declared console roles', () => {
  for (const [role, staffNo, name] of [['callback', 'H401', '孙回访'], ['shift_lead', 'S401', '周值班']] as const) {
    it(`${role === 'callback' ? '回访员' : '值班长'} gets 403 on every endpoint whose declaration leaves the role out`, async () => {
      const token = await hall.staff(role, staffNo, name);
      const refused = operations.filter((op) => op.access.kind === 'signed-in' && !op.access.staff.includes(role));
      expect(refused.length).toBeGreaterThan(10);
      for (const op of refused) {
        const res = await hall.api(op.method, filled(op.path), undefined, token);
        const code = op.roles.includes('admin') ? 'forbidden_for_role' : 'forbidden';
        expect([op.method, op.path, res.status, res.body?.error?.code]).toEqual([op.method, op.path, 403, code]);
      }
    });
  }

  it('回访员 reads the 差评 cases, who they are and their sessions; statistics and exports answer 403', async () => {
    const callback = await hall.staff('callback', 'H401', '孙回访');
    for (const path of ['/api/ratings/cases', '/api/whoami', '/api/admin/sessions']) {
      expect([path, (await hall.api('GET', path, undefined, callback)).status]).toEqual([path, 200]);
    }
    for (const path of ['/api/ratings/stats?from=2026-11-01&to=2026-11-30', '/api/ratings/export?from=2026-11-01&to=2026-11-02&kind=full']) {
      const res = await hall.api('GET', path, undefined, callback);
      expect([path, res.status, res.body.error.code]).toEqual([path, 403, 'forbidden_for_role']);
    }
  });
});

describe('console event sockets carry what the role may see', () => {
  it('回访员 gets the rating but none of the queue events before it; 值班长 gets the queue events', async () => {
    const callback = await hall.socket(await hall.staff('callback', 'H401', '孙回访'));
    const lead = await hall.socket(await hall.staff('shift_lead', 'S401', '周值班'));
    await Promise.all([callback.waitFor((m) => m.type === 'snapshot'), lead.waitFor((m) => m.type === 'snapshot')]);
    const ticketId = await serveAndFinish(hall, t, 1, '20101');
    const res = await hall.api('POST', '/api/windows/1/ratings', rating('permstest001', ticketId, 1, { reasons: ['等候时间过长'] }), t.pad[1]);
    expect(res.status).toBe(201);
    await lead.waitFor((m) => m.type === 'event' && m.event.type === 'ticket.finished');
    // Events go out in seq order: once the rating is in, any queue event before it would be in too.
    await callback.waitFor((m) => m.type === 'event' && m.event.type === 'rating.stored');
    const seen = callback.messages.filter((m) => m.type === 'event').map((m) => m.event.type as string);
    expect(seen).toEqual(['rating.stored']);
    callback.close();
    lead.close();
  });
});
