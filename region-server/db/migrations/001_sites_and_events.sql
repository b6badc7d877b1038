-- Sites of the network, their one-time enrolment codes, every hall's event log as received, and the region's audit.
-- Plain SQL on standard types (jsonb included) so PG-derived databases (openGauss, KingbaseES) can run it too.
CREATE TABLE sites (
  id             varchar(40) PRIMARY KEY,
  name           varchar(120) NOT NULL,
  level          varchar(16) NOT NULL,
  public_key     varchar(64),
  enrolled_at    timestamptz,
  held_through   bigint NOT NULL DEFAULT 0,
  last_batch_id  bigint NOT NULL DEFAULT 0,
  last_seen_at   timestamptz,
  clock_skew_ms  integer,
  fenced_at      timestamptz,
  fence_reason   text
);

CREATE TABLE enrolment_codes (
  code_hash   char(64) PRIMARY KEY,
  site_id     varchar(40) NOT NULL REFERENCES sites (id),
  created_at  timestamptz NOT NULL,
  expires_at  timestamptz NOT NULL,
  used_at     timestamptz
);

CREATE TABLE site_events (
  site_id      varchar(40) NOT NULL REFERENCES sites (id),
  seq          bigint NOT NULL,
  type         varchar(80) NOT NULL,
  at           timestamptz NOT NULL,
  data         jsonb NOT NULL,
  window_no    integer,
  content_hash char(64) NOT NULL,
  received_at  timestamptz NOT NULL,
  PRIMARY KEY (site_id, seq)
);
CREATE INDEX site_events_type_at ON site_events (type, at);

CREATE TABLE region_audit (
  id       bigserial PRIMARY KEY,
  at       timestamptz NOT NULL,
  actor    varchar(80) NOT NULL,
  action   varchar(60) NOT NULL,
  site_id  varchar(40),
  details  jsonb NOT NULL
);
CREATE INDEX region_audit_at ON region_audit (at);
