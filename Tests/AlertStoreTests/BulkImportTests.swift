import AlertCore
import Foundation
import GRDB
import Testing

@testable import AlertStore

/// `appendAll` into an empty store writes without the `source_hash` index and finds sources and evidence in memory;
/// it must store exactly what batch-by-batch appends store, and leave the schema as it found it.
@Suite struct BulkImportTests {
    let dir = TempDir()

    /// Batches with keys repeated within and across batches, shared sources and shared evidence.
    static let batches: [[Transition]] = (0..<4).map { b in
        (0..<700).map { i in
            let n = b * 500 + i  // overlaps the next batch's first 200 records
            return transition(
                ["Almaty", "Taraz", "ALMATY", "Oral"][n % 4], Level(rawValue: n % 4)!,
                "2016-07-\(String(format: "%02d", 1 + n % 28))T\(String(format: "%02d", n % 24)):00:00Z",
                source: "s/\(n % 300).txt", kind: n % 3 == 0 ? .declared : nil,
                until: n % 5 == 0 ? "2016-08-01" : nil, evidence: "Sentence \(n % 50).", ordinal: n)
        }
    }

    static func pull(_ batches: [[Transition]]) -> () throws -> [Transition]? {
        var rest = batches[...]
        return { rest.popFirst() }
    }

    static func indexSQL(_ path: String) throws -> [String] {
        try DatabaseQueue(path: path).read { db in
            try String.fetchAll(
                db, sql: "SELECT sql FROM sqlite_master WHERE type = 'index' AND sql NOT NULL ORDER BY name")
        }
    }

    @Test func storesWhatBatchAppendsStore() throws {
        let reference = try SQLiteStore(path: dir.file("a.sqlite"))
        var expected = AppendResult()
        for b in Self.batches { expected = expected + (try reference.append(b)) }
        let bulk = try SQLiteStore(path: dir.file("b.sqlite"))
        #expect(try bulk.appendAll(Self.pull(Self.batches)) == expected)
        #expect(expected.present > 0)
        #expect(try bulk.allTransitions() == (try reference.allTransitions()))
        #expect(try Self.indexSQL(dir.file("b.sqlite")) == (try Self.indexSQL(dir.file("a.sqlite"))))
        // The same input again adds nothing, through the cache and through a fresh connection.
        #expect(try bulk.appendAll(Self.pull(Self.batches)) == AppendResult(present: 2800))
        let reopened = try SQLiteStore(path: dir.file("b.sqlite"))
        #expect(try reopened.appendAll(Self.pull(Self.batches)) == AppendResult(present: 2800))
        #expect(try reopened.count() == expected.added)
    }

    @Test func sharesEvidenceAndSourcesAsAppendDoes() throws {
        let bulk = try SQLiteStore(path: dir.file("b.sqlite"))
        _ = try bulk.appendAll(Self.pull(Self.batches))
        let counts = try DatabaseQueue(path: dir.file("b.sqlite")).read { db in
            (
                try Int.fetchOne(db, sql: "SELECT count(*) FROM source")!,
                try Int.fetchOne(db, sql: #"SELECT count(*) FROM "transition" WHERE typeof(evidence) = 'text'"#)!
            )
        }
        #expect(counts.0 == 300)
        #expect(counts.1 == 50)
    }

    struct ReadFailure: Error {}

    @Test func aFailingInputKeepsTheBatchesBeforeIt() throws {
        let store = try SQLiteStore(path: dir.file("b.sqlite"))
        var handed = 0
        #expect(throws: ReadFailure.self) {
            try store.appendAll {
                handed += 1
                if handed == 3 { throw ReadFailure() }
                return Self.batches[handed - 1]
            }
        }
        let reference = try SQLiteStore(path: dir.file("a.sqlite"))
        try reference.append(Self.batches[0] + Self.batches[1])
        #expect(try store.allTransitions() == (try reference.allTransitions()))
        #expect(try Self.indexSQL(dir.file("b.sqlite")).count == 3)
    }

    @Test func aFilledStoreTakesBatchesInTransactions() throws {
        let store = try SQLiteStore(path: dir.file("b.sqlite"))
        try store.append(Self.batches[0])
        let rest = Array(Self.batches.dropFirst())
        let reference = try SQLiteStore(path: dir.file("a.sqlite"))
        var expected = try reference.append(Self.batches[0])
        expected = AppendResult()
        for b in rest { expected = expected + (try reference.append(b)) }
        #expect(try store.appendAll(Self.pull(rest)) == expected)
        #expect(try store.allTransitions() == (try reference.allTransitions()))
    }

    static func journalMode(_ path: String) throws -> String? {
        try DatabaseQueue(path: path).read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
    }

    @Test func leavesTheStoreInWALMode() throws {
        let bulk = try SQLiteStore(path: dir.file("b.sqlite"))
        _ = try bulk.appendAll(Self.pull(Self.batches))
        #expect(try Self.journalMode(dir.file("b.sqlite")) == "wal")
        #expect(!FileManager.default.fileExists(atPath: dir.file("b.sqlite") + "-journal"))
    }

    @Test func importsWhileAnotherConnectionHoldsTheFileOpen() throws {
        let path = dir.file("b.sqlite")
        let bulk = try SQLiteStore(path: path)
        let other = try DatabasePool(path: path)
        _ = try other.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM place") }
        let reference = try SQLiteStore(path: dir.file("a.sqlite"))
        var expected = AppendResult()
        for b in Self.batches { expected = expected + (try reference.append(b)) }
        #expect(try bulk.appendAll(Self.pull(Self.batches)) == expected)
        #expect(
            try other.read { db in try Int.fetchOne(db, sql: #"SELECT count(*) FROM "transition""#) } == expected.added)
        #expect(try Self.journalMode(path) == "wal")
    }

    /// A store holding sources and places but no transition yet (a report ingested that named no level change).
    @Test func aStoreWithSourcesButNoTransitionsNumbersOnFromThem() throws {
        let report = ReportRow(hash: ContentHash(of: "r"), source: "s/7.txt")
        let reference = try SQLiteStore(path: dir.file("a.sqlite"))
        try reference.append([], report: report)
        var expected = AppendResult()
        for b in Self.batches { expected = expected + (try reference.append(b)) }
        let bulk = try SQLiteStore(path: dir.file("b.sqlite"))
        try bulk.append([], report: report)
        #expect(try bulk.appendAll(Self.pull(Self.batches)) == expected)
        #expect(try bulk.allTransitions() == (try reference.allTransitions()))
        let sources = { (path: String) in
            try DatabaseQueue(path: path).read { db in
                try Row.fetchAll(db, sql: "SELECT id, hash, name FROM source ORDER BY id")
            }
        }
        #expect(try sources(dir.file("b.sqlite")) == (try sources(dir.file("a.sqlite"))))
    }

    /// Many records sharing one evidence text and repeating keys, spanning several multi-row statements.
    @Test func repeatsAcrossStatementsAreFound() throws {
        // Every tenth record repeats the key of the fifth before it (still pending); keys also recur 740 apart.
        let rows = (0..<1_000).map { n in
            let k = n % 10 == 9 ? n - 5 : n
            return transition(
                "Almaty", Level(rawValue: k % 4)!, "2016-07-01T00:\(String(format: "%02d", k % 37)):00Z",
                source: "s/\(k % 5).txt", evidence: n % 2 == 0 ? "Same." : "Other \(n % 7).", ordinal: n)
        }
        let reference = try SQLiteStore(path: dir.file("a.sqlite"))
        let expected = try reference.append(rows)
        let bulk = try SQLiteStore(path: dir.file("b.sqlite"))
        #expect(try bulk.appendAll(Self.pull([rows])) == expected)
        #expect(expected.present > 0)
        #expect(try bulk.allTransitions() == (try reference.allTransitions()))
        let dump = { (path: String) in
            try DatabaseQueue(path: path).read { db in
                try Row.fetchAll(db, sql: #"SELECT * FROM "transition" ORDER BY id"#)
            }
        }
        #expect(try dump(dir.file("b.sqlite")) == (try dump(dir.file("a.sqlite"))))
    }

    /// Sentences repeated further back than the texts kept in memory are confirmed by reading the row back.
    @Test func evidenceRepeatedFarBackIsShared() throws {
        let rows = (0..<70_000).map { n in
            Transition(
                city: "Almaty", country: "KZ", level: .red, effective: Timestamp(seconds: 1_500_000_000 + Int64(n)),
                source: "s.txt", evidence: "Sentence \(n % 68_000).", ordinal: n)
        }
        let bulk = try SQLiteStore(path: dir.file("b.sqlite"))
        #expect(try bulk.appendAll(Self.pull([rows])) == AppendResult(added: 70_000))
        let (texts, shared) = try DatabaseQueue(path: dir.file("b.sqlite")).read { db in
            (
                try Int.fetchOne(db, sql: #"SELECT count(*) FROM "transition" WHERE typeof(evidence) = 'text'"#)!,
                try Int.fetchOne(
                    db,
                    sql:
                        #"SELECT count(*) FROM "transition" t JOIN "transition" e ON e.id = t.evidence WHERE typeof(t.evidence) = 'integer' AND e.id = t.id - 68000"#
                )!
            )
        }
        #expect(texts == 68_000)
        #expect(shared == 2_000)
        #expect(try bulk.allTransitions() == rows)
    }

    /// The calm rows are folded from key columns kept in memory, or from the table when an id does not fit them
    /// (here a place id beyond 32 bits): the same rows either way.
    @Test(arguments: [false, true]) func calmRowsMatchTheFullFold(largePlaceIDs: Bool) throws {
        for seed in 0..<4 as Range<UInt64> {
            let ts = CalmTableTests.history(seed)
            let path = dir.file("calm-\(largePlaceIDs)-\(seed).sqlite")
            do { _ = try SQLiteStore(path: path) }
            if largePlaceIDs {
                try DatabaseQueue(path: path).write { db in
                    try db.execute(sql: "INSERT INTO place(id, city, country) VALUES (5000000000, 'Oral', 'KZ')")
                }
            }
            let store = try SQLiteStore(path: path)
            #expect(try store.appendAll(Self.pull([ts])).added > 0)
            #expect(try CalmTableTests.rows(store) == CalmTableTests.expected(ts))
        }
    }
}
