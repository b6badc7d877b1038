// The check-in window and the text both sides key-hash (pure).
import { describe, expect, it } from 'vitest';
import { AppointmentCode, appointmentHashInput, checkInOpensAt, checkInTiming, noShowAfter } from './appointments.ts';

const SLOT = Date.parse('2026-12-07T02:00:00Z');
const MIN = 60_000;

describe('DB21/T 4402 §10.1.2: the check-in window [slot − 30 min, slot + 15 min]', () => {
  it('is on time at both edges and early or late just outside them', () => {
    expect(checkInTiming(SLOT, SLOT - 30 * MIN - 1)).toBe('early');
    expect(checkInTiming(SLOT, SLOT - 30 * MIN)).toBe('on_time');
    expect(checkInTiming(SLOT, SLOT)).toBe('on_time');
    expect(checkInTiming(SLOT, SLOT + 15 * MIN)).toBe('on_time');
    expect(checkInTiming(SLOT, SLOT + 15 * MIN + 1)).toBe('late');
  });

  it('opens 30 min before the slot; 爽约 after 15 min past its start', () => {
    expect(checkInOpensAt(SLOT)).toBe(SLOT - 30 * MIN);
    expect(noShowAfter(SLOT)).toBe(SLOT + 15 * MIN);
  });
});

describe('the keyed-hash input and the 预约码', () => {
  it('reads the ID number the same whatever the case of its check character or surrounding spaces', () => {
    expect(appointmentHashInput(' 21010219800101001x ')).toBe(appointmentHashInput('21010219800101001X'));
    expect(appointmentHashInput('21010219800101001X')).toBe('yibao-appointment:v1:21010219800101001X');
  });

  it('takes exactly eight digits', () => {
    expect(AppointmentCode.safeParse('12345678').success).toBe(true);
    expect(AppointmentCode.safeParse('1234567').success).toBe(false);
    expect(AppointmentCode.safeParse('1234567a').success).toBe(false);
  });
});
