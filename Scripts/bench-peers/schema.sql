-- The peers' store: the shape of alertmon's store (AlertStore Schema v1): places and sources stored
-- once and referenced by id, a transition row of small integers, and the same unique natural key
-- (effective, place, level, kind, until, source) that makes a second import of a file a no-op.
-- Codes as alertmon's: level 0-3, kind 0 (none) 1-5 in EVENTS.md order, scope 0-2,
-- until = 0 when absent else (until - effective) + 1, reported = seconds after effective.
PRAGMA journal_mode = WAL;
PRAGMA synchronous = NORMAL;
CREATE TABLE IF NOT EXISTS place (
    id INTEGER PRIMARY KEY,
    city TEXT NOT NULL,
    country TEXT
);
CREATE UNIQUE INDEX IF NOT EXISTS place_name ON place(city, country);
CREATE TABLE IF NOT EXISTS source (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
CREATE TABLE IF NOT EXISTS "transition" (
    id INTEGER PRIMARY KEY,
    place INTEGER NOT NULL,
    effective INTEGER NOT NULL,
    level INTEGER NOT NULL,
    kind INTEGER NOT NULL,
    until INTEGER NOT NULL,
    source INTEGER NOT NULL,
    scope INTEGER NOT NULL,
    reported INTEGER,
    evidence TEXT,
    confidence REAL,
    place_id INTEGER,
    scheme TEXT,
    scheme_level TEXT
);
CREATE UNIQUE INDEX IF NOT EXISTS transition_key ON "transition"(effective, place, level, kind, until, source);
