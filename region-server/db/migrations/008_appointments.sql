-- 可预约服务 (DB21/T 4402 §10.1.2): each site's bookable items in its profile, the bookings, and a count per slot that
-- enforces capacity in the booking's own transaction.

CREATE TABLE site_slot_rules (
  site_id         varchar(40) NOT NULL REFERENCES sites (id),
  service_code    varchar(40) NOT NULL,
  capacity        integer NOT NULL CHECK (capacity BETWEEN 1 AND 100),
  days_ahead      integer NOT NULL CHECK (days_ahead BETWEEN 0 AND 30),
  cutoff_minutes  integer NOT NULL CHECK (cutoff_minutes BETWEEN 0 AND 1440),
  updated_at      timestamptz NOT NULL,
  PRIMARY KEY (site_id, service_code)
);

CREATE TABLE slot_counts (
  site_id       varchar(40) NOT NULL REFERENCES sites (id),
  service_code  varchar(40) NOT NULL,
  slot_start    timestamptz NOT NULL,
  booked        integer NOT NULL CHECK (booked >= 0),
  PRIMARY KEY (site_id, service_code, slot_start)
);

-- The ID number only as the site's keyed hash (and its last four digits keyed-hashed with the code, for cancelling);
-- the reminder phone encrypted under a key derived from the region key file. Neither ever in clear.
CREATE TABLE appointments (
  code           char(8) PRIMARY KEY,
  site_id        varchar(40) NOT NULL REFERENCES sites (id),
  service_code   varchar(40) NOT NULL,
  slot_start     timestamptz NOT NULL,
  person_hash    char(64) NOT NULL,
  cancel_hash    char(64) NOT NULL,
  phone_sealed   text NOT NULL,
  status         varchar(16) NOT NULL,
  created_at     timestamptz NOT NULL,
  updated_at     timestamptz NOT NULL
);
CREATE INDEX appointments_site_slot ON appointments (site_id, slot_start);
CREATE UNIQUE INDEX appointments_one_per_person ON appointments (site_id, service_code, person_hash, slot_start) WHERE status = 'booked';
