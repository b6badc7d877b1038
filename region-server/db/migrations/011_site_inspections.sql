-- 示范点自查 as each hall reports it (`inspection.reported`): one report per site and month, the one the hall generated
-- last (an older report arriving later does not replace it). The console shows it on the site's page.
CREATE TABLE site_inspections (
  site_id       varchar(40) NOT NULL REFERENCES sites (id),
  month         char(7) NOT NULL,
  report        jsonb NOT NULL,
  generated_at  timestamptz NOT NULL,
  received_at   timestamptz NOT NULL,
  PRIMARY KEY (site_id, month)
);
