import { describe, expect, it } from 'vitest';
import { accessOf, staffMayCall, StaffRole } from './access.ts';
import { EVENT_STAFF, EventSchemas, staffReceives } from './events.ts';
import { RatingEndpoints } from './ratings.ts';
import { AccountEndpoints } from './accounts.ts';
import { QueueEndpoints, WindowActionEndpoints } from './queue.ts';
import { TerminalEndpoints } from './terminals.ts';
import { ItemCountEndpoints } from './item-counts.ts';

describe('access from the declarations', () => {
  it('the 大厅负责人 may call every console endpoint, whatever its staff list', () => {
    expect(staffMayCall({ roles: ['admin'], staff: ['callback'] }, 'owner')).toBe(true);
    expect(staffMayCall({ roles: ['admin'] }, 'owner')).toBe(true);
  });

  it('an endpoint without a staff list is the 大厅负责人\'s only (least privilege by default)', () => {
    expect(StaffRole.options.filter((r) => staffMayCall({ roles: ['admin'] }, r))).toEqual(['owner']);
  });

  it('no console role may call a terminal-only endpoint; everyone may call a public one', () => {
    expect(StaffRole.options.some((r) => staffMayCall({ roles: ['kiosk'], staff: ['owner'] }, r))).toBe(false);
    expect(StaffRole.options.every((r) => staffMayCall({ roles: 'public' }, r))).toBe(true);
  });

  it('names each endpoint\'s access: public, or its terminals and console roles', () => {
    expect(accessOf(TerminalEndpoints.pair)).toEqual({ kind: 'public' });
    expect(accessOf(TerminalEndpoints.whoami)).toEqual({ kind: 'signed-in', terminals: ['kiosk', 'pad', 'counter', 'board'], staff: ['owner', 'shift_lead', 'callback'] });
    expect(accessOf(WindowActionEndpoints['call-next'])).toEqual({ kind: 'signed-in', terminals: ['counter', 'pad'], staff: ['owner', 'shift_lead'] });
    expect(accessOf(RatingEndpoints.cases)).toEqual({ kind: 'signed-in', terminals: [], staff: ['owner', 'callback'] });
    expect(accessOf(RatingEndpoints.export)).toEqual({ kind: 'signed-in', terminals: [], staff: ['owner'] });
    expect(accessOf(ItemCountEndpoints.itemCounts)).toEqual({ kind: 'signed-in', terminals: ['kiosk'], staff: ['owner'] });
  });

  it('回访员: the 差评 cases and their own session, not statistics, exports, the queue or accounts', () => {
    const may = (e: Parameters<typeof staffMayCall>[0]) => staffMayCall(e, 'callback');
    expect([RatingEndpoints.cases, RatingEndpoints.case, RatingEndpoints.caseAction, AccountEndpoints.logout, AccountEndpoints.sessions].map(may))
      .toEqual([true, true, true, true, true]);
    expect([RatingEndpoints.stats, RatingEndpoints.export, QueueEndpoints.queue, WindowActionEndpoints['call-next'], AccountEndpoints.list].map(may))
      .toEqual([false, false, false, false, false]);
  });
});

describe('events per console role', () => {
  it('every event type names the console roles that receive it, the 大厅负责人 among them', () => {
    expect(Object.keys(EVENT_STAFF).sort()).toEqual(Object.keys(EventSchemas).sort());
    for (const roles of Object.values(EVENT_STAFF)) expect(roles).toContain('owner');
  });

  it('回访员 gets the 差评 case events, not the queue; 值班长 the queue, not the 差评 cases', () => {
    expect([staffReceives('rating.case', 'callback'), staffReceives('ticket.issued', 'callback'), staffReceives('device.alert', 'callback')])
      .toEqual([true, false, false]);
    expect([staffReceives('rating.case', 'shift_lead'), staffReceives('ticket.issued', 'shift_lead'), staffReceives('help.requested', 'shift_lead')])
      .toEqual([false, true, true]);
  });

  it('a type not in the map reaches the 大厅负责人 only', () => {
    expect(StaffRole.options.filter((r) => staffReceives('something.new', r))).toEqual(['owner']);
  });
});
