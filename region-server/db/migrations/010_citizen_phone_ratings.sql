-- 扫码评价 (DB21/T 4402 §11.1.3, channel 二维码): a phone's rating of a finished ticket, kept until its hall has pulled
-- and settled it (one per ticket link; a refused one may be replaced). The call-back phone is encrypted under the
-- region's phone key and dropped once the hall has settled the rating. And each site's 差评 reasons, as its hall's pack
-- lists them (the `citizen.reasons` record), so the page offers the pad's list.
CREATE TABLE citizen_phone_ratings (
  token_hash    char(64) PRIMARY KEY,
  id            varchar(64) NOT NULL UNIQUE,
  site_id       varchar(40) NOT NULL REFERENCES sites (id),
  ticket_id     varchar(80) NOT NULL,
  score         smallint NOT NULL CHECK (score BETWEEN 1 AND 5),
  reasons       jsonb NOT NULL,
  phone_sealed  text,
  consent       boolean NOT NULL,
  received_at   timestamptz NOT NULL,
  state         varchar(16) NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'accepted', 'rated', 'refused')),
  settled_at    timestamptz,
  expires_at    timestamptz NOT NULL
);
CREATE INDEX citizen_phone_ratings_pending ON citizen_phone_ratings (site_id, received_at) WHERE state = 'pending';
CREATE INDEX citizen_phone_ratings_expires ON citizen_phone_ratings (expires_at);

CREATE TABLE citizen_site_reasons (
  site_id      varchar(40) PRIMARY KEY REFERENCES sites (id),
  bad_reasons  jsonb NOT NULL,
  updated_at   timestamptz NOT NULL
);
