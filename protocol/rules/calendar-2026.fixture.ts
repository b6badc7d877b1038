// The State Council's 2025 and 2026 holiday schedules (国办发明电, published 2024-11-12 and 2025-11-04), used by the tests.
import type { WorkCalendar } from './workdays.ts';

function range(from: string, days: number): string[] {
  const start = Date.parse(`${from}T00:00:00Z`);
  return Array.from({ length: days }, (_, i) => new Date(start + i * 86_400_000).toISOString().slice(0, 10));
}

export const CALENDAR_2025_2026: WorkCalendar = {
  holidays: [
    // 2025
    '2025-01-01',
    ...range('2025-01-28', 8), // 春节 1.28–2.4
    ...range('2025-04-04', 3), // 清明
    ...range('2025-05-01', 5), // 劳动节
    ...range('2025-05-31', 3), // 端午
    ...range('2025-10-01', 8), // 国庆 + 中秋 10.1–10.8
    // 2026
    ...range('2026-01-01', 3), // 元旦 1.1–1.3
    ...range('2026-02-15', 9), // 春节 2.15–2.23
    ...range('2026-04-04', 3), // 清明 4.4–4.6
    ...range('2026-05-01', 5), // 劳动节 5.1–5.5
    ...range('2026-06-19', 3), // 端午 6.19–6.21
    ...range('2026-09-25', 3), // 中秋 9.25–9.27
    ...range('2026-10-01', 7), // 国庆 10.1–10.7
  ],
  workdays: [
    '2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11',
    '2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10',
  ],
};
