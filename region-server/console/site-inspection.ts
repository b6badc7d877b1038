// One site's 示范点自查 for its page: the report its hall last generated for a month, or for the newest month held.
import type { Pool } from 'pg';
import { InspectionReport } from '../../protocol/hall/inspection.ts';
import { RegionError } from '../http/errors.ts';

export async function siteInspection(pool: Pool, siteId: string, month?: string): Promise<InspectionReport> {
  const site = await pool.query('SELECT 1 FROM sites WHERE id = $1', [siteId]);
  if (site.rowCount === 0) throw new RegionError(404, 'no_site', '没有这个站点');
  const held = month === undefined
    ? await pool.query<{ report: unknown }>('SELECT report FROM site_inspections WHERE site_id = $1 ORDER BY month DESC LIMIT 1', [siteId])
    : await pool.query<{ report: unknown }>('SELECT report FROM site_inspections WHERE site_id = $1 AND month = $2', [siteId, month]);
  const row = held.rows[0];
  if (!row) throw new RegionError(404, 'no_inspection', month === undefined ? '该站点尚未上报自查结果' : `该站点没有 ${month} 的自查结果`);
  return InspectionReport.parse(row.report);
}
