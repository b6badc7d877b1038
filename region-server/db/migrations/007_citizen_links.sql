-- The citizen's ticket links, from each hall's `citizen.link` records: only the SHA-256 of a token is kept (the token
-- is printed on the ticket and never sent here). The phone's progress page finds its ticket through it until the end
-- of the ticket's hall day.
CREATE TABLE citizen_links (
  token_hash    char(64) PRIMARY KEY,
  site_id       varchar(40) NOT NULL REFERENCES sites (id),
  ticket_id     varchar(80) NOT NULL,
  service_code  varchar(40) NOT NULL,
  expires_at    timestamptz NOT NULL
);
CREATE INDEX citizen_links_expires ON citizen_links (expires_at);
