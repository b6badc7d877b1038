-- Named accounts of the region console (姓名, 工号, role), their sessions (only a hash of the token is kept), the
-- failure counters of sign-in throttling, and the hash of the one-time setup code while no account exists.
CREATE TABLE console_accounts (
  id             varchar(40) PRIMARY KEY,
  name           varchar(40) NOT NULL,
  staff_no       varchar(20) NOT NULL,
  role           varchar(20) NOT NULL CHECK (role IN ('region_admin', 'statistician', 'case_supervisor')),
  password_hash  varchar(200) NOT NULL,
  disabled       boolean NOT NULL DEFAULT false,
  created_at     timestamptz NOT NULL,
  created_by     varchar(40)
);
CREATE UNIQUE INDEX console_accounts_staff_no ON console_accounts (lower(staff_no));

CREATE TABLE console_sessions (
  token_hash  char(64) PRIMARY KEY,
  account_id  varchar(40) NOT NULL REFERENCES console_accounts (id),
  address     varchar(64) NOT NULL,
  created_at  timestamptz NOT NULL,
  expires_at  timestamptz NOT NULL,
  ended_at    timestamptz
);

CREATE TABLE console_throttle (
  key              varchar(120) PRIMARY KEY,
  failures         integer NOT NULL,
  last_failure_ms  bigint NOT NULL
);

CREATE TABLE console_setup_code (
  id         integer PRIMARY KEY CHECK (id = 1),
  code_hash  char(64) NOT NULL
);
