// The red banner of the New-Year time bomb: shown when the active pack's holiday calendar lacks this year, or lacks the
// next one within 60 days of the year end (the hall's health answer says which). Self-contained: it asks the hall.
import { useEffect, useState } from 'preact/hooks';
import type { CalendarStatus } from '../../../content/schema/calendar-status.ts';
import { CoreEndpoints } from '../../../protocol/hall/core.ts';
import { call } from '../../shared/hall/api.ts';

/** Often enough to appear on the day it starts to apply in a console left open. */
const RECHECK_MS = 30 * 60_000;

export function CalendarBanner() {
  const [status, setStatus] = useState<CalendarStatus | null>(null);
  useEffect(() => {
    let alive = true;
    const check = (): void => {
      call(CoreEndpoints.health, { token: null })
        .then((h) => alive && setStatus(h.calendar))
        .catch(() => undefined);
    };
    check();
    const timer = setInterval(check, RECHECK_MS);
    return () => {
      alive = false;
      clearInterval(timer);
    };
  }, []);
  if (!status?.message) return null;
  return (
    <p class="admin-calendar-banner" role="alert">
      <strong>节假日安排缺失：</strong>
      {status.message}（在“内容包”页上传新的内容包）
    </p>
  );
}
