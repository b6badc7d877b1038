// region.month_query_ms: the console's month of satisfaction by site, level, item and staff (the same function the
// console's API calls) over 10 M ratings from 120 sites, on a real PostgreSQL 15. The ratings are bulk-loaded with
// generate_series (not through HTTP: ingest has its own figure), and the monthly roll-up is built from them by the
// same grouping the ingest keeps. The figure is the median of several runs after two warm-ups. The cluster runs
// without fsync: the figure is a read's, and loading 10 M rows durably only makes the run longer.
import pg from 'pg';
import { migrate } from '../../region-server/db/migrate.ts';
import { monthSatisfaction } from '../../region-server/console/satisfaction.ts';
import { startThrowawayPostgres } from '../support/postgres.ts';

const SITES = 120;
const RATINGS = 10_000_000;
const CHUNK = 1_000_000;
const ITEMS = 17;
const STAFF_PER_SITE = 6;
const DAYS = 30;
const RUNS = 9;

function log(message: string): void {
  process.stderr.write(`[region-month] ${message}\n`);
}

async function load(pool: pg.Pool): Promise<void> {
  await pool.query(
    `INSERT INTO sites (id, name, level) SELECT 'site-' || lpad(n::text, 3, '0'), '站点' || n,
       (ARRAY['city', 'town', 'town', 'hospital', 'clinic', 'village', 'village', 'village'])[1 + n % 8] FROM generate_series(0, $1 - 1) n`,
    [SITES],
  );
  for (let from = 1; from <= RATINGS; from += CHUNK) {
    const started = performance.now();
    await pool.query(
      `INSERT INTO site_ratings (site_id, rating_id, day, case_number, ticket_number, service_code, service_name, window_no, staff_id,
         staff_name, score, bad, reasons, masked_comment, channel, issued_at, finished_at, rated_at, sealed)
       SELECT 'site-' || lpad((i % $3)::text, 3, '0'), 'r' || i, date '2026-11-01' + d, 'c' || i, 'A' || (i % 1000),
         'item-' || (i % $4), '事项', 1 + i % 6, 's' || ((i / 7) % $5), '', sc, sc <= 2, '[]', '', '窗口评价器', ts, ts, ts, NULL
       FROM (SELECT i, ((i / $3) % $6)::int AS d,
               CASE WHEN i % 20 = 0 THEN 1 WHEN i % 20 = 1 THEN 2 WHEN i % 20 < 8 THEN 4 ELSE 5 END AS sc,
               timestamptz '2026-11-01 01:00:00+00' + ((i / $3) % $6) * interval '1 day' + (i % 28800) * interval '1 second' AS ts
             FROM generate_series($1::bigint, $2::bigint) i) g`,
      [from, Math.min(RATINGS, from + CHUNK - 1), SITES, ITEMS, STAFF_PER_SITE, DAYS],
    );
    log(`ratings ${Math.min(RATINGS, from + CHUNK - 1)} loaded (${Math.round(performance.now() - started)} ms)`);
  }
  await pool.query(
    `INSERT INTO rating_monthly (month, site_id, service_code, staff_id, rated, bad, score_sum)
     SELECT CAST(date_trunc('month', day) AS date), site_id, service_code, staff_id, count(*), sum(CASE WHEN bad THEN 1 ELSE 0 END), sum(score)
     FROM site_ratings WHERE counted GROUP BY 1, site_id, service_code, staff_id`,
  );
  // About nine in ten finished tickets are rated.
  await pool.query(
    `INSERT INTO ticket_daily (site_id, day, service_code, issued, finished)
     SELECT site_id, day, service_code, ceil(count(*) * 1.15), ceil(count(*) * 1.1) FROM site_ratings GROUP BY site_id, day, service_code`,
  );
  await pool.query(`INSERT INTO service_names (service_code, name) SELECT 'item-' || n, '事项' || n FROM generate_series(0, $1 - 1) n`, [ITEMS]);
  await pool.query('VACUUM ANALYZE');
}

async function main(): Promise<void> {
  const postgres = await startThrowawayPostgres();
  try {
    const pool = new pg.Pool({ connectionString: postgres.createDatabase('region_month'), max: 6 });
    await migrate(pool);
    const loadStarted = performance.now();
    await load(pool);
    const rows = Number((await pool.query('SELECT count(*) AS n FROM site_ratings')).rows[0].n);
    const rollupRows = Number((await pool.query('SELECT count(*) AS n FROM rating_monthly')).rows[0].n);
    log(`${rows} ratings, ${rollupRows} monthly roll-up rows, loaded in ${Math.round((performance.now() - loadStarted) / 1000)} s`);
    if (rows !== RATINGS) throw new Error(`expected ${RATINGS} ratings, have ${rows}`);
    const times: number[] = [];
    for (let run = 0; run < RUNS + 2; run++) {
      const started = performance.now();
      const month = await monthSatisfaction(pool, '2026-11');
      const ms = performance.now() - started;
      if (month.region.rated !== RATINGS || month.bySite.length !== SITES || month.byItem.length !== ITEMS) {
        throw new Error(`wrong answer: ${month.region.rated} ratings, ${month.bySite.length} sites, ${month.byItem.length} items`);
      }
      if (run >= 2) times.push(ms);
    }
    times.sort((a, b) => a - b);
    log(`runs (ms): ${times.map((t) => Math.round(t)).join(', ')}`);
    await pool.end();
    process.stdout.write(`${JSON.stringify({ 'region.month_query_ms': Math.round(times[Math.floor(times.length / 2)]!) })}\n`);
  } finally {
    postgres.destroy();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`region-month bench failed: ${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
