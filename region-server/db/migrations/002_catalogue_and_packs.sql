-- The unified catalogue, each site's profile and photos, what every site shares (calendar, rules, notices, voice), and
-- the packs built for each site (a version goes up only when what the site would receive changed).
CREATE TABLE catalogue_items (
  code        varchar(20) PRIMARY KEY,
  position    integer NOT NULL,
  item        jsonb NOT NULL,
  updated_at  timestamptz NOT NULL,
  updated_by  varchar(80) NOT NULL
);

CREATE TABLE site_profiles (
  site_id     varchar(40) PRIMARY KEY REFERENCES sites (id),
  profile     jsonb NOT NULL,
  updated_at  timestamptz NOT NULL
);

CREATE TABLE site_files (
  site_id  varchar(40) NOT NULL REFERENCES sites (id),
  path     varchar(200) NOT NULL,
  bytes    bytea NOT NULL,
  PRIMARY KEY (site_id, path)
);

CREATE TABLE region_content (
  name     varchar(40) PRIMARY KEY,
  content  jsonb NOT NULL
);

CREATE TABLE region_files (
  path   varchar(200) PRIMARY KEY,
  bytes  bytea NOT NULL
);

CREATE TABLE site_packs (
  site_id       varchar(40) NOT NULL REFERENCES sites (id),
  version       integer NOT NULL,
  content_hash  char(64) NOT NULL,
  built_at      timestamptz NOT NULL,
  zip           bytea NOT NULL,
  PRIMARY KEY (site_id, version)
);

-- The pack version each hall last reported active (from its pushed pack.activated events).
ALTER TABLE sites ADD COLUMN running_pack_version integer;
