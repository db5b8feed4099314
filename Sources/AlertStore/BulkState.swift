import GRDB

/// A transition's natural key as the unique index `transition_key` orders it.
struct NaturalKey: Equatable {
    var effective, place, level, kind, until, source: Int64

    /// A well-mixed 64-bit hash (the six words folded through a multiply-xorshift).
    var hash: Int64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15
        @inline(__always) func mix(_ w: Int64) {
            h = (h ^ UInt64(bitPattern: w)) &* 0xFF51_AFD7_ED55_8CCD
            h ^= h >> 32
        }
        mix(effective)
        mix(place)
        mix(level << 8 | kind)
        mix(until)
        mix(source)
        return Int64(bitPattern: h)
    }
}

/// Rows found by a 64-bit hash of their content, confirmed against the row itself on a hit: a bulk import
/// keeps no copies of the text or keys it wrote, only 16 bytes per row.
struct RowsByHash {
    private var first: [Int64: Int64] = [:]
    /// Further rows whose content shares a hash with an earlier one (almost never).
    private var more: [Int64: [Int64]] = [:]

    /// The rows stored under `hash`, oldest first.
    func rows(_ hash: Int64) -> [Int64] {
        guard let r = first[hash] else { return [] }
        return [r] + (more[hash] ?? [])
    }

    func hasRows(_ hash: Int64) -> Bool { first[hash] != nil }

    mutating func add(hash: Int64, row: Int64) {
        if first[hash] == nil { first[hash] = row } else { more[hash, default: []].append(row) }
    }

    mutating func reserve(_ n: Int) { first.reserveCapacity(n) }
}

/// What a bulk import holds in memory in place of the indexes it builds at the end.
struct BulkState {
    /// The natural keys written, checked here since `transition_key` does not exist until the end.
    var keys: KeySet
    /// Source rows by the name's hash (`source_hash` is dropped too).
    var sources: TextRows
    /// Transition rows holding an evidence text, by the text's hash.
    var evidence: TextRows

    init(_ db: Database) throws {
        keys = KeySet(
            lookup: try RawStatement(
                db, #"SELECT effective, place, level, kind, until, source FROM "transition" WHERE id = ?1"#))
        sources = TextRows(lookup: try RawStatement(db, "SELECT name FROM source WHERE id = ?1"))
        evidence = TextRows(lookup: try RawStatement(db, #"SELECT evidence FROM "transition" WHERE id = ?1"#))
        let all = try RawStatement(db, "SELECT id, hash FROM source ORDER BY id")
        while try all.step() { sources.rows.add(hash: all.int(1), row: all.int(0)) }
    }

    struct KeySet {
        var rows = RowsByHash()
        let lookup: RawStatement

        /// Whether a row with this key was written.
        mutating func contains(_ k: NaturalKey) throws -> Bool {
            let h = k.hash
            guard rows.hasRows(h) else { return false }
            for row in rows.rows(h) {
                lookup.reset()
                lookup.bind(1, row)
                guard try lookup.step() else { continue }
                let found = NaturalKey(
                    effective: lookup.int(0), place: lookup.int(1), level: lookup.int(2), kind: lookup.int(3),
                    until: lookup.int(4), source: lookup.int(5))
                if found == k {
                    lookup.reset()
                    return true
                }
            }
            lookup.reset()
            return false
        }

        mutating func add(_ k: NaturalKey, row: Int64) { rows.add(hash: k.hash, row: row) }
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
