import GRDB

/// The store's tables, as GRDB migrations; `PRAGMA user_version` holds the schema version for older builds to check.
enum Schema {
  /// The newest schema this build writes and reads.
  static let version = 1

  static var migrator: DatabaseMigrator {
    var m = DatabaseMigrator()
    m.registerMigration("v1") { db in
      // Places, sources and evidence are stored once and referenced by rowid: a transition row
      // then holds mostly small integers, which keeps the file well under its JSON Lines size.
      try db.execute(
        sql: """
          CREATE TABLE place(
              id INTEGER PRIMARY KEY,
              city TEXT NOT NULL,
              country TEXT,
              canonical INTEGER REFERENCES place(id)
          );
          CREATE TABLE source(id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
          CREATE TABLE evidence(id INTEGER PRIMARY KEY, hash INTEGER NOT NULL, text TEXT NOT NULL);
          CREATE INDEX evidence_hash ON evidence(hash);
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
              evidence INTEGER,
              confidence,
              spelling INTEGER,
              place_id INTEGER,
              place_text TEXT,
              scheme TEXT,
              scheme_level TEXT,
              extra TEXT
          );
          CREATE UNIQUE INDEX transition_key ON "transition"(place, effective, level, kind, until, source);
          CREATE INDEX transition_effective ON "transition"(effective);
          CREATE INDEX transition_until ON "transition"(effective + until - 1) WHERE until > 0;
          PRAGMA user_version = 1;
          """)
    }
    return m
  }
}
