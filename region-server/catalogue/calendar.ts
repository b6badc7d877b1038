// The region's holiday calendar (the one its packs carry), as the working-day rules read it: 差评 deadlines, appointment
// days and a site's opening state. Weekends only until the centre has set one.
import type { Pool } from 'pg';
import { calendarSchema } from '../../content/schema/index.ts';
import { calendarOf, compileCalendar, type CompiledCalendar } from '../../protocol/rules/workdays.ts';

export const WEEKENDS_ONLY: CompiledCalendar = compileCalendar({ holidays: [], workdays: [] });

export async function regionCalendar(pool: Pool): Promise<CompiledCalendar> {
  const row = await pool.query<{ content: unknown }>("SELECT content FROM region_content WHERE name = 'calendar'");
  const parsed = calendarSchema.safeParse(row.rows[0]?.content);
  return parsed.success ? calendarOf(parsed.data) : WEEKENDS_ONLY;
}
