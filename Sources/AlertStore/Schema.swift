import GRDB

/// The store's tables, as GRDB migrations; `PRAGMA user_version` holds the schema version for older builds to check.
enum Schema {
    /// The newest schema this build writes and reads.
    static let version = 2

    static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1") { db in
            // Places and sources are stored once and referenced by rowid, so a transition row holds mostly
            // small integers. `evidence` is the text, or (an integer) the id of an earlier transition holding
            // the same text. The natural key is the unique index, led by the effective time so that it also
            // serves time ranges and the day skip-scan; lookups by text go through 8-byte hashes, not copies.
            try db.execute(
                sql: """
                    CREATE TABLE place(
                        id INTEGER PRIMARY KEY,
                        city TEXT NOT NULL,
                        country TEXT,
                        canonical INTEGER REFERENCES place(id)
                    );
                    CREATE TABLE source(id INTEGER PRIMARY KEY, hash INTEGER NOT NULL, name TEXT NOT NULL);
                    CREATE INDEX source_hash ON source(hash);
                    CREATE TABLE report(
                        hash BLOB PRIMARY KEY,
                        source INTEGER NOT NULL REFERENCES source(id),
                        reported INTEGER,
                        format INTEGER NOT NULL
                    ) WITHOUT ROWID;
                    CREATE TABLE "transition"(
                        id INTEGER PRIMARY KEY,
                        place INTEGER NOT NULL,
                        effective INTEGER NOT NULL,
                        level INTEGER NOT NULL,
                        kind INTEGER NOT NULL,
                        until INTEGER NOT NULL,
                        source INTEGER NOT NULL,
                        formats INTEGER NOT NULL,
                        ordinal INTEGER NOT NULL,
                        scope INTEGER NOT NULL,
                        reported INTEGER,
                        evidence,
                        confidence,
                        spelling INTEGER,
                        place_id INTEGER,
                        place_text TEXT,
                        scheme TEXT,
                        scheme_level TEXT,
                        extra TEXT
                    );
                    CREATE UNIQUE INDEX transition_key ON "transition"(effective, place, level, kind, until, source);
                    CREATE INDEX transition_until ON "transition"(effective + until - 1) WHERE until > 0;
                    PRAGMA user_version = 1;
                    """)
        }
        m.registerMigration("v2") { db in
            // Calm instants let the live monitor start each place late in its history (backfilled here).
            try db.execute(sql: CalmTable.createSQL)
            try CalmTable.rebuild(db)
            try db.execute(sql: "PRAGMA user_version = 2")
        }
        return m
    }
}
