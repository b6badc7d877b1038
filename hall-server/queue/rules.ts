// The queue's rules, derived from the active content pack and the hall config.
import type { Pack } from '../../content/schema/index.ts';
import type { QueueConfig } from '../config/schema.ts';
import { calendarOf } from '../../protocol/rules/workdays.ts';
import type { QueueRules, ServiceRule, WindowRule } from './types.ts';

export function rulesFromPack(pack: Pick<Pack, 'manifest' | 'services' | 'windows' | 'staff' | 'calendar'>, config: QueueConfig): QueueRules {
  const services = new Map<string, ServiceRule>();
  for (const s of pack.services) {
    services.set(s.code, {
      code: s.code,
      name: s.shortName ?? s.name,
      prefix: s.ticket.prefix,
      from: s.ticket.range.from,
      to: s.ticket.range.to,
      dailyCap: s.ticket.dailyCap,
      issuingHours: s.ticket.issuingHours,
      elderlyAge: s.ticket.elderlyPriorityAge,
      greenChannel: s.ticket.greenChannel,
      identity: s.identity,
    });
  }
  const regular = pack.windows.filter((w) => !w.tidal);
  const specialised = regular.filter((w) => !w.generalCounter);
  const grouped = new Set((specialised.length ? specialised : regular).map((w) => w.number));
  const keyOf = (services: string[]) => [...services].sort().join('+');
  const groups = new Map<string, number[]>();
  for (const w of pack.windows) if (grouped.has(w.number)) groups.set(keyOf(w.services), [...(groups.get(keyOf(w.services)) ?? []), w.number]);
  const windows = new Map<number, WindowRule>();
  for (const w of pack.windows) {
    const members = grouped.has(w.number) ? groups.get(keyOf(w.services)) ?? [w.number] : null;
    windows.set(w.number, {
      number: w.number,
      name: w.name,
      services: w.services,
      tidal: w.tidal,
      group: members ? `${members.sort((a, b) => a - b).join('、')}号窗口` : '',
    });
  }
  return {
    hallName: pack.manifest.hall.name,
    services,
    windows,
    staff: new Map(pack.staff.map((s) => [s.id, s.name])),
    policy: config.policy,
    recallCooldownMs: config.recallCooldownSeconds * 1000,
    noShowAfterCalls: config.noShowAfterCalls,
    rejoinAfter: config.rejoinAfter,
    undoMs: config.undoSeconds * 1000,
    tidalThreshold: pack.manifest.hall.tidalThreshold,
    dailyResetAt: config.dailyResetAt,
    utcOffsetMinutes: config.utcOffsetMinutes,
    enforceIssuingHours: config.enforceIssuingHours,
    calendar: calendarOf(pack.calendar),
  };
}

/** Ticket number text: prefix + number zero-padded to the width of the range's upper bound (A + 23 in 1..999 → A023). */
export function ticketNumber(rule: ServiceRule, n: number): string {
  return rule.prefix + String(n).padStart(String(rule.to).length, '0');
}
