-- The peers' store: the same shape as alertmon's transitions table (one row per transition,
-- unique natural key, times as text and as epoch seconds for range queries).
PRAGMA journal_mode = WAL;
PRAGMA synchronous = NORMAL;
CREATE TABLE IF NOT EXISTS transitions (
    id INTEGER PRIMARY KEY,
    natural_key TEXT NOT NULL UNIQUE,
    city TEXT NOT NULL,
    place_id INTEGER,
    country TEXT,
    scope TEXT NOT NULL DEFAULT 'city',
    level TEXT NOT NULL,
    scheme TEXT,
    scheme_level TEXT,
    kind TEXT,
    effective TEXT NOT NULL,
    effective_s INTEGER NOT NULL,
    until TEXT,
    until_s INTEGER,
    reported TEXT,
    reported_s INTEGER,
    source TEXT NOT NULL,
    evidence TEXT,
    confidence REAL
);
CREATE INDEX IF NOT EXISTS transitions_by_time ON transitions(effective_s);
CREATE INDEX IF NOT EXISTS transitions_by_place ON transitions(city, country, effective_s);
