-- What the region console reads, kept at ingest in the same transaction as the events (region-server/projections/):
-- each site's live status, its terminals' device faults, tickets and their waits, every rating and 差评 case, and
-- roll-ups: tickets per day and item, ratings per month, site, item and staff. Standard SQL only (no extension).
CREATE TABLE site_status (
  site_id          varchar(40) PRIMARY KEY REFERENCES sites (id),
  waiting_now      integer NOT NULL DEFAULT 0,
  newest_event_at  timestamptz
);

CREATE TABLE site_windows (
  site_id    varchar(40) NOT NULL REFERENCES sites (id),
  window_no  integer NOT NULL,
  name       varchar(40) NOT NULL,
  is_open    boolean NOT NULL,
  staff_name varchar(60),
  PRIMARY KEY (site_id, window_no)
);

CREATE TABLE site_terminals (
  site_id      varchar(40) NOT NULL REFERENCES sites (id),
  terminal_id  varchar(80) NOT NULL,
  name         varchar(80) NOT NULL,
  faults       jsonb NOT NULL,
  seen_at      timestamptz NOT NULL,
  PRIMARY KEY (site_id, terminal_id)
);

CREATE TABLE site_tickets (
  site_id       varchar(40) NOT NULL REFERENCES sites (id),
  ticket_id     varchar(80) NOT NULL,
  day           date NOT NULL,
  number        varchar(20) NOT NULL,
  service_code  varchar(40) NOT NULL,
  service_name  varchar(120) NOT NULL,
  status        varchar(20) NOT NULL,
  issued_at     timestamptz NOT NULL,
  called_at     timestamptz,
  finished_at   timestamptz,
  window_no     integer,
  PRIMARY KEY (site_id, ticket_id)
);
CREATE INDEX site_tickets_day ON site_tickets (site_id, day);

CREATE TABLE ticket_daily (
  site_id       varchar(40) NOT NULL REFERENCES sites (id),
  day           date NOT NULL,
  service_code  varchar(40) NOT NULL,
  issued        integer NOT NULL DEFAULT 0,
  finished      integer NOT NULL DEFAULT 0,
  PRIMARY KEY (day, site_id, service_code)
);

CREATE TABLE site_ratings (
  site_id         varchar(40) NOT NULL REFERENCES sites (id),
  rating_id       varchar(80) NOT NULL,
  day             date NOT NULL,
  case_number     varchar(40) NOT NULL,
  ticket_number   varchar(20) NOT NULL,
  service_code    varchar(40) NOT NULL,
  service_name    varchar(120) NOT NULL,
  window_no       integer NOT NULL,
  staff_id        varchar(40) NOT NULL,
  staff_name      varchar(60) NOT NULL,
  score           smallint NOT NULL,
  bad             boolean NOT NULL,
  counted         boolean NOT NULL DEFAULT true,
  reasons         jsonb NOT NULL,
  masked_comment  text NOT NULL,
  channel         varchar(20) NOT NULL,
  issued_at       timestamptz NOT NULL,
  finished_at     timestamptz NOT NULL,
  rated_at        timestamptz NOT NULL,
  sealed          jsonb,
  PRIMARY KEY (site_id, rating_id)
);
CREATE INDEX site_ratings_day ON site_ratings (day, site_id);

-- One row per month (its first day), site, item and staff member: a month's statistics add up some ten thousand of
-- these instead of millions of ratings.
CREATE TABLE rating_monthly (
  month         date NOT NULL,
  site_id       varchar(40) NOT NULL REFERENCES sites (id),
  service_code  varchar(40) NOT NULL,
  staff_id      varchar(40) NOT NULL,
  rated         integer NOT NULL DEFAULT 0,
  bad           integer NOT NULL DEFAULT 0,
  score_sum     bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (month, site_id, service_code, staff_id)
);

CREATE TABLE site_cases (
  site_id     varchar(40) NOT NULL REFERENCES sites (id),
  case_id     varchar(80) NOT NULL,
  rating_id   varchar(80) NOT NULL,
  state       varchar(20) NOT NULL,
  opened_on   date NOT NULL,
  due_on      date NOT NULL,
  closed_on   date,
  changed_by  varchar(120) NOT NULL,
  changed_at  timestamptz NOT NULL,
  PRIMARY KEY (site_id, case_id)
);
CREATE INDEX site_cases_open ON site_cases (closed_on, due_on);

-- Names for the statistics' codes, as the halls last reported them.
CREATE TABLE site_staff (
  site_id   varchar(40) NOT NULL REFERENCES sites (id),
  staff_id  varchar(40) NOT NULL,
  name      varchar(60) NOT NULL,
  PRIMARY KEY (site_id, staff_id)
);

CREATE TABLE service_names (
  service_code  varchar(40) PRIMARY KEY,
  name          varchar(120) NOT NULL
);
