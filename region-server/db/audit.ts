// The region's audit trail: who did what to which site, including every refused batch.
import type { Pool, PoolClient } from 'pg';

export async function audit(
  db: Pool | PoolClient,
  entry: { actor: string; action: string; siteId?: string | null; details?: Record<string, unknown> },
): Promise<void> {
  await db.query('INSERT INTO region_audit (at, actor, action, site_id, details) VALUES (now(), $1, $2, $3, $4)', [
    entry.actor,
    entry.action,
    entry.siteId ?? null,
    JSON.stringify(entry.details ?? {}),
  ]);
}
