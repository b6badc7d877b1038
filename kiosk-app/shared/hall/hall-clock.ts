// The hall's clock on a page: dates and times are shown in the hall's time, with the UTC offset the hall's snapshot
// carries (its config), never the browser's time zone or locale. Components that read these re-render when it changes.
import { signal, type ReadonlySignal } from '@preact/signals';
import type { Snapshot } from '../../../protocol/hall/events.ts';
import { CHINA_STANDARD_TIME_MINUTES, hallDate, hallDateTime } from '../../../protocol/rules/hall-time.ts';

// Until the first snapshot arrives: the hall config's default offset (protocol/rules/hall-time.ts).
const offset = signal(CHINA_STANDARD_TIME_MINUTES);

/** The hall's offset from UTC in minutes, as its latest snapshot said. */
export const hallUtcOffset: ReadonlySignal<number> = offset;

/** Called by the hall stream with every snapshot. */
export function learnHallClock(snapshot: Pick<Snapshot, 'utcOffsetMinutes'>): void {
  offset.value = snapshot.utcOffsetMinutes;
}

/** YYYY-MM-DD of an instant in hall time. */
export function hallDateOf(at: Date): string {
  return hallDate(at, offset.value);
}

/** "YYYY-MM-DD HH:MM:SS" of an ISO instant in hall time; '' for none. */
export function hallDateTimeOf(iso: string | null): string {
  return hallDateTime(iso, offset.value);
}

/** "HH:MM" of an instant in hall time. */
export function hallClockOf(at: Date): string {
  return hallDateTime(at.toISOString(), offset.value).slice(11, 16);
}
