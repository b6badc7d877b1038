-- Ingest cost (tests/bench/region.bench.ts): every stored event paid for an index nothing reads and for a foreign-key
-- check against sites, run once per row. The event rows and the two per-event projections (tickets, ratings) are
-- written only by the ingest, in the transaction that holds the site's row FOR UPDATE (region-server/sync/ingest.ts),
-- and sites are never deleted, so the site exists for every row written; the per-row check proves nothing more.
DROP INDEX site_events_type_at;
ALTER TABLE site_events DROP CONSTRAINT site_events_site_id_fkey;
ALTER TABLE site_tickets DROP CONSTRAINT site_tickets_site_id_fkey;
ALTER TABLE site_ratings DROP CONSTRAINT site_ratings_site_id_fkey;
