// Pure personal-data helpers for the kiosk: age for the 绿色通道 offer, hall-local dates. Masking is the one of
// protocol/person/mask.ts (browser-safe), shared with the server.

/** Full years between a birth date and today (both YYYY-MM-DD). */
export function ageOn(birthDate: string, today: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = today.split('-').map(Number) as [number, number, number];
  let age = ty - by;
  if (tm < bm || (tm === bm && td < bd)) age--;
  return age;
}

/** Whether the flow offers the 绿色通道: the item has one (pack flag and an age) and the citizen reaches that age. */
export function offersGreenChannel(
  birthDate: string,
  today: string,
  rule: { elderlyPriorityAge: number | null; greenChannel: boolean },
): boolean {
  if (!rule.greenChannel || rule.elderlyPriorityAge === null) return false;
  return ageOn(birthDate, today) >= rule.elderlyPriorityAge;
}

// Building an Intl.DateTimeFormat is costly on a slow kiosk CPU: one per time zone, reused.
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

function dateFormat(timeZone: string): Intl.DateTimeFormat {
  let format = dateFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dateFormats.set(timeZone, format);
  }
  return format;
}

function dateTimeFormat(timeZone: string): Intl.DateTimeFormat {
  let format = dateTimeFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
    });
    dateTimeFormats.set(timeZone, format);
  }
  return format;
}

/** Local calendar date (YYYY-MM-DD) of a Date in the hall's time zone. */
export function localDate(now: Date, timeZone = 'Asia/Shanghai'): string {
  return dateFormat(timeZone).format(now);
}

/** "YYYY-MM-DD HH:mm" in the hall's time zone, as printed on the ticket. */
export function localDateTime(now: Date, timeZone = 'Asia/Shanghai'): string {
  const parts = dateTimeFormat(timeZone).formatToParts(now);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}`;
}
