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

/// What a bulk import holds in memory in place of the `source_hash` index it builds at the end.
struct BulkState {
    /// Source rows by the name's hash.
    var sources: TextRows
    /// Transition rows holding an evidence text, by the text's hash.
    var evidence: TextRows

    init(_ db: Database) throws {
        sources = TextRows(lookup: try RawStatement(db, "SELECT name FROM source WHERE id = ?1"))
        evidence = TextRows(lookup: try RawStatement(db, #"SELECT evidence FROM "transition" WHERE id = ?1"#))
        let all = try RawStatement(db, "SELECT id, hash FROM source ORDER BY id")
        while try all.step() { sources.add(hash: all.int(1), row: all.int(0)) }
    }

    struct TextRows {
        var rows = RowsByHash()
        let lookup: RawStatement

        /// The row holding exactly this text (String equality, as the cached maps compare), if any.
        mutating func row(_ text: String, hash: Int64) throws -> Int64? {
            guard rows.hasRows(hash) else { return nil }
            defer { lookup.reset() }
            for row in rows.rows(hash) {
                lookup.reset()
                lookup.bind(1, row)
                if try lookup.step(), lookup.text(0) == text { return row }
            }
            return nil
        }

        mutating func add(hash: Int64, row: Int64) { rows.add(hash: hash, row: row) }
    }
}

extension BatchWriter {
    /// A source's row in bulk mode: every existing row's hash is in memory, so only a hit reads the table.
    mutating func bulkSourceID(_ name: String) throws -> Int64 {
        let hash = TextHash.of(name)
        if let id = try bulk!.sources.row(name, hash: hash) { return id }
        let add = st!.addSource
        add.bind(1, hash)
        add.bind(2, name)
        try add.run()
        let id = add.lastRowID
        bulk!.sources.add(hash: hash, row: id)
        newSourceHashes.append(hash)
        sourceHigh = max(sourceHigh, id)
        return id
    }
}
