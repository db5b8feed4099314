import AlertCore
import GRDB

/// The calm rows of an import into an empty store, from the key columns kept as the rows are written instead
/// of read back through the natural-key index: the same rows `CalmTable.rebuild` computes, but folded place by
/// place (one tracker at a time stays in cache, where the index order jumps between thousands of places) and
/// written in the calm table's key order.
struct BulkCalm {
    /// 32 bytes of a transition row: what the fold reads, with the place and source row ids.
    private struct Row {
        var effective: Int64
        var until: Int64
        var place: Int32
        var source: Int32
        var level: UInt8
        var kind: UInt8
    }

    /// Row id k + `firstID` is `rows[k]`.
    private var rows: [Row] = []
    private var firstID: Int64 = 0
    /// False once a row did not fit (ids beyond 32 bits, codes beyond a byte, ids not consecutive): the calm
    /// rows are then computed from the table.
    private var usable = true

    init(expected: Int) { rows.reserveCapacity(expected) }

    /// Keeps the key columns of the row written with id `id`.
    mutating func add(_ r: EncodedRow, id: Int64) {
        guard usable else { return }
        if rows.isEmpty { firstID = id }
        guard id == firstID + Int64(rows.count), let place = Int32(exactly: r.place),
            let source = Int32(exactly: r.source), let level = UInt8(exactly: r.level),
            let kind = UInt8(exactly: r.kind)
        else {
            usable = false
            rows = []
            return
        }
        rows.append(Row(effective: r.effective, until: r.until, place: place, source: source, level: level, kind: kind))
    }

    /// Writes the calm rows of every place (the table holds only the rows this import added).
    func write(_ db: Database) throws {
        guard usable else { return try CalmTable.rebuild(db) }
        try db.execute(sql: "DELETE FROM calm")
        let detail = try CalmTable.detailStatement(db)
        let insert = try RawStatement(db, CalmTable.insertSQL)
        var group: [(id: Int64, t: Transition)] = []
        let (order, places) = byPlace()
        for range in places {
            let place = Int64(rows[Int(order[range.lowerBound])].place)
            var tracker = CalmTracker()
            /// The latest point of the current bucket, written once the bucket is over.
            var pending: CalmPoint?
            func put(_ c: CalmPoint) throws {
                insert.bind(1, place)
                insert.bind(2, c.time)
                insert.bind(3, c.tag)
                insert.bind(4, CalmTable.code(c.kind))
                try insert.run()
            }
            func write(_ points: [CalmPoint]) throws {
                for c in points {
                    if let p = pending, CalmTable.bucket(p.time) != CalmTable.bucket(c.time) { try put(p) }
                    pending = c
                }
            }
            func flush() throws {
                guard !group.isEmpty else { return }
                if group.count > 1 { group = try CalmTable.foldOrdered(group, detail) }
                try write(tracker.feed(group.map(\.t), tags: group.map(\.id)))
                group.removeAll(keepingCapacity: true)
            }
            for k in order[range] {
                let r = rows[Int(k)]
                if let first = group.first, first.t.effective.seconds != r.effective { try flush() }
                // As `CalmTable.refold` reads them: sources stand in by row id.
                let t = Transition(
                    city: "", level: Level(rawValue: Int(r.level)) ?? .normal, kind: RowCodec.kind(Int64(r.kind)),
                    effective: Timestamp(seconds: r.effective),
                    until: RowCodec.untilSeconds(effective: r.effective, code: r.until).map { Timestamp(seconds: $0) },
                    source: String(r.source))
                group.append((firstID + Int64(k), t))
            }
            try flush()
            try write(tracker.finish())
            if let pending { try put(pending) }
        }
    }

    /// Row indices grouped by place (a counting sort: place ids are small), each place's in the order of the
    /// natural-key index: effective, level, kind, until, source.
    private func byPlace() -> (order: [Int32], places: [Range<Int>]) {
        guard let maxPlace = rows.lazy.map(\.place).max(), let minPlace = rows.lazy.map(\.place).min() else {
            return ([], [])
        }
        var starts = [Int](repeating: 0, count: Int(maxPlace) - Int(minPlace) + 2)
        for r in rows { starts[Int(r.place) - Int(minPlace) + 1] += 1 }
        for p in 1..<starts.count { starts[p] += starts[p - 1] }
        var next = starts
        var order = [Int32](repeating: 0, count: rows.count)
        for (k, r) in rows.enumerated() {
            let p = Int(r.place) - Int(minPlace)
            order[next[p]] = Int32(k)
            next[p] += 1
        }
        var places: [Range<Int>] = []
        for p in 0..<(starts.count - 1) where starts[p] < starts[p + 1] {
            // Rows arrive nearly in effective order, so each place's run is nearly sorted already.
            order[starts[p]..<starts[p + 1]].sort { a, b in
                let x = rows[Int(a)]
                let y = rows[Int(b)]
                if x.effective != y.effective { return x.effective < y.effective }
                if x.level != y.level { return x.level < y.level }
                if x.kind != y.kind { return x.kind < y.kind }
                if x.until != y.until { return x.until < y.until }
                return x.source < y.source
            }
            places.append(starts[p]..<starts[p + 1])
        }
        return (order, places)
    }
}
