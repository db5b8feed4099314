import AlertCore
import Foundation
import GRDB

/// Rows found by a 64-bit hash of their content, confirmed against the row itself on a hit: a bulk import
/// keeps no copies of the text or keys it wrote, only 16 bytes per row.
///
/// Open addressing with linear probing over the hash's top bits (the hashes are already well mixed), each slot
/// holding hash and row side by side, so a lookup is one cache miss where a `Dictionary` would rehash the key and
/// chase more memory; rows sharing a hash simply occupy further slots.
struct RowsByHash {
    private struct Slot {
        var hash: Int64
        /// 0 marks an empty slot (rowids start at 1).
        var row: Int64
    }

    private final class Table {
        let slots: UnsafeMutablePointer<Slot>
        let shift: UInt64
        var count = 0
        let capacity: Int

        /// Zeroed by `calloc`: a large table comes straight from the kernel as zero pages, touched only where used.
        init(bits: Int) {
            shift = UInt64(64 - bits)
            capacity = 1 << bits
            guard let p = calloc(capacity, MemoryLayout<Slot>.stride) else { fatalError("out of memory") }
            slots = p.bindMemory(to: Slot.self, capacity: capacity)
        }

        deinit { free(slots) }

        @inline(__always) func slot(_ hash: Int64) -> Int { Int(UInt64(bitPattern: hash) >> shift) }

        func insert(_ hash: Int64, _ row: Int64) {
            let mask = capacity - 1
            var i = slot(hash)
            while slots[i].row != 0 { i = (i + 1) & mask }
            slots[i] = Slot(hash: hash, row: row)
            count += 1
        }
    }

    private var table: Table

    /// Room for about 2^(bits - 1) rows before the table first doubles.
    init(bits: Int = 12) { table = Table(bits: bits) }

    /// The first row stored under `hash`, oldest first, that `matches`.
    func first(_ hash: Int64, where matches: (Int64) throws -> Bool) rethrows -> Int64? {
        let t = table
        let mask = t.capacity - 1
        var i = t.slot(hash)
        while t.slots[i].row != 0 {
            if t.slots[i].hash == hash, try matches(t.slots[i].row) { return t.slots[i].row }
            i = (i + 1) & mask
        }
        return nil
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
        while old.slots[start].row != 0 { start += 1 }
        for k in 1...n {
            let i = (start + k) & (n - 1)
            if old.slots[i].row != 0 { bigger.insert(old.slots[i].hash, old.slots[i].row) }
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

    private var keys: RowsByHash
    private var evidence: RowsByHash
    private var sources: RowsByHash
    /// The texts of the latest rows that hold their evidence text, by row modulo the size: most repeated
    /// sentences repeat within a few ten thousand records, and comparing here saves reading the row back.
    private var recentEvidence: [(row: Int64, text: String?)] = Array(repeating: (0, nil), count: 1 << 16)
    /// Places met in this import: spelling hash → index in `places` + 1.
    private var placeSlots = RowsByHash()
    private var places: [(city: String, country: String?, id: Int64, canonical: Int64)] = []
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
    /// The key columns of every row written, for the calm table.
    var calm: BulkCalm

    /// The tables start with room for `expected` rows: rehashing a large table costs more than the pages it does
    /// not touch, while a small import would touch every page of a large one.
    init(_ db: Database, expected: Int) throws {
        self.db = db
        calm = BulkCalm(expected: expected)
        let bits = min(24, max(12, Int.bitWidth - max(expected, 1).leadingZeroBitCount + 1))
        keys = RowsByHash(bits: bits)
        evidence = RowsByHash(bits: bits)
        sources = RowsByHash(bits: bits)
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

    // MARK: places

    /// The row and canonical row of the place `t` spells, if this import has met it.
    func place(of t: borrowing Transition, hash: Int64) -> (Int64, Int64)? {
        placeSlots.first(hash) { k in
            let p = places[Int(k) - 1]
            return p.city == t.city && p.country == t.country
        }.map { k in (places[Int(k) - 1].id, places[Int(k) - 1].canonical) }
    }

    mutating func addPlace(of t: borrowing Transition, hash: Int64, id: Int64, canonical: Int64) {
        places.append((t.city, t.country, id, canonical))
        placeSlots.add(hash: hash, row: Int64(places.count))
    }

    // MARK: transitions

    /// Whether a row with this natural key was already added.
    mutating func holds(_ key: EncodedRow.Key, hash: Int64) throws -> Bool {
        try keys.first(hash) { row in
            if row >= firstPending { return pending[Int(row - firstPending)].key == key }
            readKey.reset()
            defer { readKey.reset() }
            readKey.bind(1, row)
            guard try readKey.step() else { return false }
            let found = EncodedRow.Key(
                effective: readKey.int(0), place: readKey.int(1), level: readKey.int(2), kind: readKey.int(3),
                until: readKey.int(4), source: readKey.int(5))
            return found == key
        } != nil
    }

    /// The row holding exactly this evidence text (String equality, as the cached maps compare), if any.
    mutating func evidenceRow(_ text: String, hash: Int64, in records: [StoreRecord]) throws -> Int64? {
        try evidence.first(hash) { row in
            if row >= firstPending {
                return records[pendingRecord[Int(row - firstPending)]].transition.evidence == text
            }
            let recent = recentEvidence[Int(row) & (recentEvidence.count - 1)]
            if recent.row == row { return recent.text == text }
            readEvidence.reset()
            defer { readEvidence.reset() }
            readEvidence.bind(1, row)
            return try readEvidence.step() && readEvidence.text(0) == text
        }
    }

    /// Queues the row of `records[index]`.
    mutating func add(_ row: EncodedRow, record index: Int, keyHash: Int64, in records: [StoreRecord]) throws {
        let id = firstPending + Int64(pending.count)
        pending.append(row)
        pendingRecord.append(index)
        calm.add(row, id: id)
        keys.add(hash: keyHash, row: id)
        if row.evidenceRow == nil, let text = records[index].transition.evidence {
            evidence.add(hash: records[index].evidenceHash, row: id)
            recentEvidence[Int(id) & (recentEvidence.count - 1)] = (id, text)
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
        let found = try sources.first(hash) { row in
            let name = records[index].transition.source
            if row >= firstPendingSource {
                return records[pendingSources[Int(row - firstPendingSource)]].transition.source == name
            }
            readSource.reset()
            defer { readSource.reset() }
            readSource.bind(1, row)
            return try readSource.step() && readSource.text(0) == name
        }
        if let found { return found }
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
            let (place, canonical): (Int64, Int64)
            if let p = bulk!.place(of: records[i].transition, hash: records[i].spellingHash) {
                (place, canonical) = p
            } else {
                let t = records[i].transition
                (place, canonical) = try spellingRow(
                    Spelling(city: t.city, country: t.country), hash: records[i].spellingHash)
                bulk!.addPlace(of: t, hash: records[i].spellingHash, id: place, canonical: canonical)
            }
            row.place = canonical
            row.spelling = place == canonical ? nil : place
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
