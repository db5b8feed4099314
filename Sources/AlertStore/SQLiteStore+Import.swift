import AlertCore
import Dispatch
import GRDB

extension SQLiteStore {
    /// Records per transaction when importing into a store that already holds transitions.
    static let importTransaction = 50_000

    /// Into an empty store, the whole import is one transaction that writes without the `source_hash` index
    /// (every record names a new source, so its random-order inserts cost more than sorting once at the end),
    /// finding sources and shared evidence through hashes in memory, and folds the calm rows from key columns kept
    /// in memory. The natural-key and `until` indexes stay: records arrive nearly in effective order, so keeping
    /// them costs less than sorting for them at the end. Into a filled store, batches are grouped into transactions
    /// of `importTransaction` records. Either way a failing `next` keeps what came before it.
    public func appendAll(_ next: () throws -> [Transition]?) throws -> AppendResult {
        try appendAll(records: { try next()?.map(StoreRecord.init) }, expected: nil)
    }

    public func appendAll(records next: () throws -> [StoreRecord]?, expected: Int?) throws -> AppendResult {
        var pullError: (any Error)?
        /// Pulls the next batch; an error ends the input but is thrown only after what came before is stored.
        func pull() -> [StoreRecord]? {
            guard pullError == nil else { return nil }
            do { return try next() } catch {
                pullError = error
                return nil
            }
        }
        var result = AppendResult()
        let bulk = try run { try bulkAppend(pull, expected: expected, into: &result) }
        if !bulk {
            var group: [Transition] = []
            func flush() throws {
                if !group.isEmpty { result = result + (try append(group)) }
                group.removeAll(keepingCapacity: true)
            }
            while let batch = pull() {
                group += batch.lazy.map(\.transition)
                if group.count >= Self.importTransaction { try flush() }
            }
            try flush()
        }
        if let pullError { throw pullError }
        return result
    }

    /// The bulk path; false (having written nothing) when the store already holds transitions.
    private func bulkAppend(_ pull: () -> [StoreRecord]?, expected: Int?, into result: inout AppendResult) throws
        -> Bool
    {
        var writer = BatchWriter(cache: cache)
        var done = false
        // Our own idle readers would keep the file in WAL mode (see `RollbackJournal`).
        pool.releaseMemory()
        try pool.writeWithoutTransaction { db in
            let journal = try RollbackJournal.enter(db)
            defer { journal.leave(db) }
            try db.inTransaction(.immediate) {
                guard try !Self.holdsTransitions(db) else { return .rollback }
                let indexes = try BulkIndexes.drop(db)
                try writer.prepare(db)
                writer.bulk = try BulkState(db, expected: expected ?? 0)
                while let batch = pull() {
                    result = result + (try writer.bulkAdd(batch))
                    Self.releaseElsewhere(consume batch)
                }
                let calm = try writer.bulk!.calm.startFold(db)
                writer.bulk = nil
                try BulkIndexes.create(db, indexes)
                try calm.write(db)
                done = true
                return .commit
            }
        }
        if done {
            // The cache is not told of the new sources: a set of every hash costs more than the import's later
            // appends, if any, reading them from the table as a newly opened store does.
            writer.newSourceHashes = []
            writer.sourceHigh = 0
            writer.sourcesComplete = false
            publish(writer)
        }
        return done
    }

    /// Freeing a batch's records (some ten strings each) is work the writing thread need not do.
    static func releaseElsewhere(_ batch: consuming [StoreRecord]) {
        DispatchQueue.global(qos: .utility).async { [batch] in _ = batch.count }
    }

    static func holdsTransitions(_ db: Database) throws -> Bool {
        let s = try RawStatement(db, #"SELECT 1 FROM "transition" LIMIT 1"#)
        return try s.step()
    }
}

/// The indexes a bulk import drops and builds again, by name, with the schema's own SQL.
enum BulkIndexes {
    static let names = ["source_hash"]

    /// Drops the indexes that exist; returns their SQL.
    static func drop(_ db: Database) throws -> [String] {
        var found: [(name: String, sql: String)] = []
        let s = try RawStatement(db, "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND name = ?1")
        for name in names {
            s.bind(1, name)
            if try s.step(), let sql = s.text(1) { found.append((name, sql)) }
            s.reset()
        }
        for f in found { try db.execute(sql: "DROP INDEX \"\(f.name)\"") }
        return found.map(\.sql)
    }

    static func create(_ db: Database, _ sqls: [String]) throws {
        for sql in sqls { try db.execute(sql: sql) }
    }
}

/// An import into an empty store writes every page once through a rollback journal instead of twice through
/// the WAL (appended, then copied into the file by the checkpoint). The rollback journal holds only the few
/// pages the store had before, and it is as crash-safe: a hot journal is rolled back by the next opener.
/// SQLite refuses to leave WAL while another connection has the file open (busy): the import then stays in WAL.
struct RollbackJournal {
    let entered: Bool
    static let bulkMapBytes = 1 << 30

    static func enter(_ db: Database) throws -> RollbackJournal {
        guard try !SQLiteStore.holdsTransitions(db) else { return RollbackJournal(entered: false) }
        let mode: String?
        do {
            mode = try String.fetchOne(db, sql: "PRAGMA journal_mode = DELETE")
        } catch let e as DatabaseError where e.resultCode == .SQLITE_BUSY || e.resultCode == .SQLITE_LOCKED {
            mode = nil
        }
        // Reading back written pages (evidence and keys found by hash, the calm fold's detail, building the
        // indexes) goes through the kernel's page cache either way; mapped, each read is no system call and no copy.
        try db.execute(sql: "PRAGMA temp_store = MEMORY; PRAGMA mmap_size = \(bulkMapBytes)")
        return RollbackJournal(entered: mode == "delete")
    }

    /// Back to WAL, the store's mode. Should that fail (another process holding the file), the file is still
    /// sound, and the next opener's pool sets WAL again.
    func leave(_ db: Database) {
        try? db.execute(sql: "PRAGMA temp_store = DEFAULT; PRAGMA mmap_size = 0")
        guard entered else { return }
        _ = try? String.fetchOne(db, sql: "PRAGMA journal_mode = WAL")
    }
}
