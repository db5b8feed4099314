import AlertCore
import GRDB

/// Rows found by a 64-bit hash of their content, confirmed against the row itself on a hit: a bulk import
/// keeps no copies of the text or keys it wrote, only 16 bytes per row.
///
/// Open addressing with linear probing over the hash's top bits (the hashes are already well mixed), so a
/// lookup is one cache miss where a `Dictionary` would rehash the key and chase more memory; rows sharing a
/// hash simply occupy further slots.
struct RowsByHash {
    private final class Table {
        var hashes: UnsafeMutablePointer<Int64>
        /// 0 marks an empty slot (rowids start at 1).
        var rows: UnsafeMutablePointer<Int64>
        var shift: UInt64
        var count = 0
        var capacity: Int { 1 << (64 - Int(shift)) }

        init(bits: Int) {
            shift = UInt64(64 - bits)
            hashes = .allocate(capacity: 1 << bits)
            rows = .allocate(capacity: 1 << bits)
            rows.initialize(repeating: 0, count: 1 << bits)
        }

        deinit {
            hashes.deallocate()
            rows.deallocate()
        }

        @inline(__always) func slot(_ hash: Int64) -> Int { Int(UInt64(bitPattern: hash) >> shift) }

        func insert(_ hash: Int64, _ row: Int64) {
            let mask = capacity - 1
            var i = slot(hash)
            while rows[i] != 0 { i = (i + 1) & mask }
            hashes[i] = hash
            rows[i] = row
            count += 1
        }
    }

    private var table = Table(bits: 12)

    /// The rows stored under `hash`, oldest first.
    func rows(_ hash: Int64) -> [Int64] {
        var out: [Int64] = []
        let mask = table.capacity - 1
        var i = table.slot(hash)
        while table.rows[i] != 0 {
            if table.hashes[i] == hash { out.append(table.rows[i]) }
            i = (i + 1) & mask
        }
        return out
    }

    func hasRows(_ hash: Int64) -> Bool {
        let mask = table.capacity - 1
        var i = table.slot(hash)
        while table.rows[i] != 0 {
            if table.hashes[i] == hash { return true }
            i = (i + 1) & mask
        }
        return false
    }

    mutating func add(hash: Int64, row: Int64) {
        if table.count * 2 >= table.capacity { grow() }
        table.insert(hash, row)
    }

    /// Doubles the table, re-inserting in slot order (which keeps rows sharing a hash oldest first).
    private mutating func grow() {
        let old = table
        let bigger = Table(bits: 64 - Int(old.shift) + 1)
        // Walking from an empty slot visits each run of colliding rows oldest first.
        let n = old.capacity
        var start = 0
        while old.rows[start] != 0 { start += 1 }
        for k in 1...n {
            let i = (start + k) % n
            if old.rows[i] != 0 { bigger.insert(old.hashes[i], old.rows[i]) }
        }
        table = bigger
    }
}

/// What a bulk import holds in memory in place of lookups in the table: 64-bit hashes of every natural key,
/// source name and stored evidence text, each with its row, and the rows of the current batch not yet written.
///
/// Into an empty table, SQLite gives rows the ids 1, 2, … in insertion order, so a row's id is known before it is
/// written: rows are written `rowsPerStatement` at a time by one multi-row `INSERT` (the rest at the end of each
/// batch), and a row is checked against the batch's pending rows or, once written, read back by id. The natural
/// keys are checked here, so every row sent is new; the unique index still stands, and a count that does not match
/// is an error. Pending rows refer to their records by index, so no text is copied.
struct BulkState {
    static let rowsPerStatement = 64

    private var keys = RowsByHash()
    private var evidence = RowsByHash()
    private var sources = RowsByHash()
    /// Rows of the current batch not yet written, and the index of each one's record.
    private var pending: [EncodedRow] = []
    private var pendingRecord: [Int] = []
    /// The id the first pending row will get.
    private var firstPending: Int64 = 1
    /// Sources not yet written, by the index of the record naming them.
    private var pendingSources: [Int] = []
    private var firstPendingSource: Int64
    /// `INSERT` statements by row count.
    private var inserts: [Int: RawStatement] = [:]
    private var sourceInserts: [Int: RawStatement] = [:]
    private let readKey: RawStatement
    private let readEvidence: RawStatement
    private let readSource: RawStatement
    private let db: Database

    init(_ db: Database) throws {
        self.db = db
        readKey = try RawStatement(
            db, #"SELECT effective, place, level, kind, until, source FROM "transition" WHERE id = ?1"#)
        readEvidence = try RawStatement(db, #"SELECT evidence FROM "transition" WHERE id = ?1"#)
        readSource = try RawStatement(db, "SELECT name FROM source WHERE id = ?1")
        let all = try RawStatement(db, "SELECT id, hash FROM source ORDER BY id")
        var high: Int64 = 0
        while try all.step() {
            sources.add(hash: all.int(1), row: all.int(0))
            high = all.int(0)
        }
        firstPendingSource = high + 1
        pending.reserveCapacity(Self.rowsPerStatement)
        pendingRecord.reserveCapacity(Self.rowsPerStatement)
        pendingSources.reserveCapacity(Self.rowsPerStatement)
    }

    static func sourceSQL(rows: Int) -> String {
        "INSERT INTO source(hash, name) VALUES " + Array(repeating: "(?,?)", count: rows).joined(separator: ",")
    }

    // MARK: transitions

    /// Whether a row with this natural key was already added.
    mutating func holds(_ key: EncodedRow.Key, hash: Int64) throws -> Bool {
        guard keys.hasRows(hash) else { return false }
        for row in keys.rows(hash) {
            if row >= firstPending {
                if pending[Int(row - firstPending)].key == key { return true }
                continue
            }
            readKey.reset()
            readKey.bind(1, row)
            guard try readKey.step() else { continue }
            let found = EncodedRow.Key(
                effective: readKey.int(0), place: readKey.int(1), level: readKey.int(2), kind: readKey.int(3),
                until: readKey.int(4), source: readKey.int(5))
            readKey.reset()
            if found == key { return true }
        }
        return false
    }

    /// The row holding exactly this evidence text (String equality, as the cached maps compare), if any.
    mutating func evidenceRow(_ text: String, hash: Int64, in records: [StoreRecord]) throws -> Int64? {
        guard evidence.hasRows(hash) else { return nil }
        for row in evidence.rows(hash) {
            if row >= firstPending {
                if records[pendingRecord[Int(row - firstPending)]].transition.evidence == text { return row }
                continue
            }
            readEvidence.reset()
            readEvidence.bind(1, row)
            let found = try readEvidence.step() ? readEvidence.text(0) : nil
            readEvidence.reset()
            if found == text { return row }
        }
        return nil
    }

    /// Queues the row of `records[index]`.
    mutating func add(_ row: EncodedRow, record index: Int, keyHash: Int64, in records: [StoreRecord]) throws {
        let id = firstPending + Int64(pending.count)
        pending.append(row)
        pendingRecord.append(index)
        keys.add(hash: keyHash, row: id)
        if row.evidenceRow == nil, records[index].transition.evidence != nil {
            evidence.add(hash: records[index].evidenceHash, row: id)
        }
        if pending.count == Self.rowsPerStatement { try flushRows(records) }
    }

    private mutating func flushRows(_ records: [StoreRecord]) throws {
        guard !pending.isEmpty else { return }
        let s = try statement(&inserts, rows: pending.count) { EncodedRow.insertSQL(rows: $0) }
        for k in 0..<pending.count {
            let r = pendingRecord[k]
            pending[k].bind(s, at: Int32(k) * EncodedRow.columnCount, records[r].transition, extra: records[r].extra)
        }
        try s.run()
        try Self.check(s, wrote: pending.count, last: firstPending + Int64(pending.count) - 1)
        firstPending += Int64(pending.count)
        pending.removeAll(keepingCapacity: true)
        pendingRecord.removeAll(keepingCapacity: true)
    }

    private func statement(_ cache: inout [Int: RawStatement], rows: Int, _ sql: (Int) -> String) throws
        -> RawStatement
    {
        if let s = cache[rows] { return s }
        let s = try RawStatement(db, sql(rows))
        cache[rows] = s
        return s
    }

    // MARK: sources

    /// The row of the source `records[index]` names, queued as a new row when there is none.
    mutating func sourceRow(record index: Int, in records: [StoreRecord]) throws -> Int64 {
        let hash = records[index].sourceHash
        if sources.hasRows(hash) {
            let name = records[index].transition.source
            for row in sources.rows(hash) {
                if row >= firstPendingSource {
                    let r = pendingSources[Int(row - firstPendingSource)]
                    if records[r].transition.source == name { return row }
                    continue
                }
                readSource.reset()
                readSource.bind(1, row)
                let found = try readSource.step() ? readSource.text(0) : nil
                readSource.reset()
                if found == name { return row }
            }
        }
        let id = firstPendingSource + Int64(pendingSources.count)
        pendingSources.append(index)
        sources.add(hash: hash, row: id)
        if pendingSources.count == Self.rowsPerStatement { try flushSources(records) }
        return id
    }

    private mutating func flushSources(_ records: [StoreRecord]) throws {
        guard !pendingSources.isEmpty else { return }
        let s = try statement(&sourceInserts, rows: pendingSources.count, Self.sourceSQL)
        for (k, r) in pendingSources.enumerated() {
            s.bind(Int32(2 * k + 1), records[r].sourceHash)
            s.bind(Int32(2 * k + 2), records[r].transition.source)
        }
        try s.run()
        try Self.check(s, wrote: pendingSources.count, last: firstPendingSource + Int64(pendingSources.count) - 1)
        firstPendingSource += Int64(pendingSources.count)
        pendingSources.removeAll(keepingCapacity: true)
    }

    /// Writes what is still pending of `records`, before the batch goes.
    mutating func finishBatch(_ records: [StoreRecord]) throws {
        try flushSources(records)
        try flushRows(records)
    }

    /// Rows must have gone in as counted, with the ids handed out.
    private static func check(_ s: RawStatement, wrote n: Int, last: Int64) throws {
        guard s.changes == Int32(n), s.lastRowID == last else {
            throw StoreError.database(
                "bulk import: \(s.changes) of \(n) rows written, last id \(s.lastRowID), not \(last)")
        }
    }
}

extension BatchWriter {
    /// `add` for an import into an empty store: keys, sources and evidence are found in `bulk`.
    mutating func bulkAdd(_ records: [StoreRecord]) throws -> AppendResult {
        var result = AppendResult()
        for i in records.indices {
            var row = records[i].row
            (row.place, row.spelling) = try placeIDs(records[i].transition, hash: records[i].spellingHash)
            row.source = try bulk!.sourceRow(record: i, in: records)
            let key = row.key
            let keyHash = key.hash
            if try bulk!.holds(key, hash: keyHash) {
                result.present += 1
                continue
            }
            if let e = records[i].transition.evidence {
                row.evidenceRow = try bulk!.evidenceRow(e, hash: records[i].evidenceHash, in: records)
            }
            try bulk!.add(row, record: i, keyHash: keyHash, in: records)
            result.added += 1
        }
        try bulk!.finishBatch(records)
        return result
    }
}
