// Tables of the ratings module. The per-day aggregate keeps the console's month view independent of how many
// ratings are stored: it reads at most days × windows × staff × items rows.
import type { Migration } from '../core/module.ts';

export const migrations: Migration[] = [
  {
    id: '001-ratings',
    sql: `
CREATE TABLE rating_prompts (
  ticket_id     TEXT PRIMARY KEY,
  window        INTEGER NOT NULL,
  ticket_number TEXT NOT NULL,
  service_code  TEXT NOT NULL,
  service_name  TEXT NOT NULL,
  staff_id      TEXT,
  case_number   TEXT NOT NULL,
  finished_at   TEXT NOT NULL,
  day           TEXT NOT NULL,
  expires_at    TEXT NOT NULL,
  outcome       TEXT NOT NULL DEFAULT 'pending' CHECK (outcome IN ('pending', 'rated', 'unrated')),
  outcome_at    TEXT
);
CREATE INDEX rating_prompts_pending ON rating_prompts(expires_at) WHERE outcome = 'pending';
CREATE INDEX rating_prompts_window ON rating_prompts(window, finished_at);

CREATE TABLE ratings (
  id            TEXT PRIMARY KEY,
  ticket_id     TEXT NOT NULL UNIQUE REFERENCES rating_prompts(ticket_id),
  window        INTEGER NOT NULL,
  staff_id      TEXT,
  staff_name    TEXT,
  service_code  TEXT NOT NULL,
  service_name  TEXT NOT NULL,
  ticket_number TEXT NOT NULL,
  case_number   TEXT NOT NULL,
  score         INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),
  bad           INTEGER NOT NULL CHECK (bad IN (0, 1)),
  reasons       TEXT NOT NULL,
  comment       TEXT NOT NULL,
  phone_sealed  TEXT,
  id_type       TEXT,
  id_sealed     TEXT,
  name_sealed   TEXT,
  source        TEXT NOT NULL,
  pad_id        TEXT NOT NULL,
  received_at   TEXT,
  finished_at   TEXT NOT NULL,
  rated_at      TEXT NOT NULL,
  stored_at     TEXT NOT NULL,
  day           TEXT NOT NULL,
  counted       INTEGER NOT NULL DEFAULT 1,
  personal_purged_at TEXT
);
CREATE INDEX ratings_day ON ratings(day);
CREATE INDEX ratings_personal ON ratings(stored_at) WHERE personal_purged_at IS NULL
  AND (phone_sealed IS NOT NULL OR id_sealed IS NOT NULL OR name_sealed IS NOT NULL);

CREATE TABLE rating_daily (
  day          TEXT NOT NULL,
  window       INTEGER NOT NULL,
  staff_id     TEXT NOT NULL,
  service_code TEXT NOT NULL,
  finished     INTEGER NOT NULL DEFAULT 0,
  rated        INTEGER NOT NULL DEFAULT 0,
  unrated      INTEGER NOT NULL DEFAULT 0,
  bad          INTEGER NOT NULL DEFAULT 0,
  score_sum    INTEGER NOT NULL DEFAULT 0,
  cases        INTEGER NOT NULL DEFAULT 0,
  closed       INTEGER NOT NULL DEFAULT 0,
  closed_on_time INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (day, window, staff_id, service_code)
) WITHOUT ROWID;

CREATE TABLE rating_cases (
  id          TEXT PRIMARY KEY,
  rating_id   TEXT NOT NULL UNIQUE REFERENCES ratings(id),
  state       TEXT NOT NULL,
  opened_on   TEXT NOT NULL,
  due_on      TEXT NOT NULL,
  closed_on   TEXT,
  day         TEXT NOT NULL
);
CREATE INDEX rating_cases_state ON rating_cases(state, due_on);
CREATE INDEX rating_cases_day ON rating_cases(day);

CREATE TABLE rating_case_steps (
  case_id    TEXT NOT NULL REFERENCES rating_cases(id),
  seq        INTEGER NOT NULL,
  action     TEXT NOT NULL,
  from_state TEXT NOT NULL,
  to_state   TEXT NOT NULL,
  by_whom    TEXT NOT NULL,
  at         TEXT NOT NULL,
  note       TEXT NOT NULL,
  PRIMARY KEY (case_id, seq)
) WITHOUT ROWID;

CREATE TABLE rating_state (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
`,
  },
  {
    // A finish undone by staff withdraws its prompt (no 未评价, not counted as finished) until the ticket is finished
    // again; a rating already stored is kept.
    id: '002-withdrawn-prompts',
    sql: `ALTER TABLE rating_prompts ADD COLUMN withdrawn_at TEXT;`,
  },
  {
    // rated_at is the server's time of receipt; the pad's own time of the press is kept apart (for the offline outbox),
    // bounded by the finish and the receipt. The fingerprint tells a retry of a rating from a reused rating id. A
    // comment is stored with the ID and phone numbers typed into it masked; its original is sealed like the phone.
    id: '003-pad-time-fingerprint-sealed-comment',
    sql: `ALTER TABLE ratings ADD COLUMN pad_rated_at TEXT;
          ALTER TABLE ratings ADD COLUMN request_fingerprint TEXT;
          ALTER TABLE ratings ADD COLUMN comment_sealed TEXT;`,
  },
  {
    // A ticket issued in 长辈模式 is rated in 长辈模式: the prompt carries the flag from its ticket.finished event.
    id: 'senior-prompts',
    sql: `ALTER TABLE rating_prompts ADD COLUMN senior INTEGER NOT NULL DEFAULT 0;`,
  },
];
