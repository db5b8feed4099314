import AlertCore
import Dispatch
import GRDB

/// The calm rows of an import into an empty store, from the key columns kept as the rows are written instead
/// of read back through the natural-key index: the same rows `CalmTable.rebuild` computes, but folded place by
/// place (one tracker at a time stays in cache, where the index order jumps between thousands of places), on two
/// threads while the writer builds an index.
struct BulkCalm {
    /// 40 bytes of a transition row: what the fold reads, with the place and source row ids, and what orders
    /// statements sharing an instant but the source's name.
    fileprivate struct Row {
        var effective: Int64
        var until: Int64
        /// Seconds after `effective`; `Int64.min` for none.
        var reported: Int64
        var ordinal: Int32
        var place: Int32
        var source: Int32
        var level: UInt8
        var kind: UInt8
    }

    /// Row id k + `firstID` is `rows[k]`.
    private var rows: [Row] = []
    private var firstID: Int64 = 0
    /// False once a row did not fit (ids or ordinals beyond 32 bits, codes beyond a byte, ids not consecutive):
    /// the calm rows are then computed from the table.
    private var usable = true

    init(expected: Int) { rows.reserveCapacity(expected) }

    /// Keeps the key columns of the row written with id `id`.
    mutating func add(_ r: EncodedRow, id: Int64) {
        guard usable else { return }
        if rows.isEmpty { firstID = id }
        guard id == firstID + Int64(rows.count), let place = Int32(exactly: r.place),
            let source = Int32(exactly: r.source), let level = UInt8(exactly: r.level),
            let kind = UInt8(exactly: r.kind), let ordinal = Int32(exactly: r.ordinal), r.reported != .min
        else {
            usable = false
            rows = []
            return
        }
        rows.append(
            Row(
                effective: r.effective, until: r.until, reported: r.reported ?? .min, ordinal: ordinal, place: place,
                source: source, level: level, kind: kind))
    }

    /// Starts folding the calm rows of every place: statements sharing an instant are put in fold order here
    /// (which may read source names), then the places are folded on two other threads, while the caller goes on (to
    /// build the indexes); `BulkCalmFold.write` writes the rows.
    func startFold(_ db: Database) throws -> BulkCalmFold {
        guard usable else { return BulkCalmFold(parts: []) }
        var (order, places) = byPlace()
        let detail = try RawStatement(db, "SELECT name FROM source WHERE id = ?1")
        var group: [Transition] = []
        for range in places {
            var at = range.lowerBound
            for k in range {
                if rows[Int(order[k])].effective != rows[Int(order[at])].effective {
                    try putInFoldOrder(&order, at..<k, detail, &group)
                    at = k
                }
            }
            try putInFoldOrder(&order, at..<range.upperBound, detail, &group)
        }
        // Two halves of about as many rows each.
        var split = places.startIndex
        var seen = 0
        while split < places.endIndex && seen < rows.count / 2 {
            seen += places[split].count
            split += 1
        }
        let (rows, firstID, ordered) = (self.rows, self.firstID, order)
        return BulkCalmFold(
            parts: [places[..<split], places[split...]].map { part -> @Sendable () -> [CalmRow] in
                { Self.fold(rows, ordered, part, firstID: firstID) }
            })
    }

    /// Orders the rows `order[range]` of one place at one instant as `CalmTable.foldOrdered` does, reading a
    /// source's name only when report times tie (the fold orders by report time, source name, position).
    private func putInFoldOrder(
        _ order: inout [Int32], _ range: Range<Int>, _ sourceName: RawStatement, _ named: inout [Transition]
    ) throws {
        guard range.count > 1 else { return }
        named.removeAll(keepingCapacity: true)
        for k in range {
            let r = rows[Int(order[k])]
            var t = Self.transition(r)
            t.reported = r.reported == .min ? nil : Timestamp(seconds: r.effective + r.reported)
            t.ordinal = Int(r.ordinal)
            t.source = ""
            named.append(t)
        }
        var hasName = [Bool](repeating: false, count: range.count)
        func name(_ i: Int) throws {
            guard !hasName[i] else { return }
            sourceName.reset()
            sourceName.bind(1, Int64(rows[Int(order[range.lowerBound + i])].source))
            if try sourceName.step() { named[i].source = sourceName.text(0) ?? "" }
            hasName[i] = true
        }
        let sorted = try named.indices.sorted { a, b in
            let ra = named[a].reported?.seconds ?? named[a].effective.seconds
            let rb = named[b].reported?.seconds ?? named[b].effective.seconds
            if ra != rb { return ra < rb }
            try name(a)
            try name(b)
            return Transition.foldOrder(named[a], named[b])
        }
        sourceName.reset()
        let before = Array(order[range])
        for (k, i) in zip(range, sorted) { order[k] = before[i] }
    }

    /// A row as `CalmTable.refold` reads it: sources stand in by row id.
    private static func transition(_ r: Row) -> Transition {
        Transition(
            city: "", level: Level(rawValue: Int(r.level)) ?? .normal, kind: RowCodec.kind(Int64(r.kind)),
            effective: Timestamp(seconds: r.effective),
            until: RowCodec.untilSeconds(effective: r.effective, code: r.until).map { Timestamp(seconds: $0) },
            source: String(r.source))
    }

    /// The calm rows of `places` (ranges of `order`, each place's rows in fold order).
    private static func fold(_ rows: [Row], _ order: [Int32], _ places: ArraySlice<Range<Int>>, firstID: Int64)
        -> [CalmRow]
    {
        var out: [CalmRow] = []
        var group: [Transition] = []
        var tags: [Int64] = []
        for range in places {
            let place = Int64(rows[Int(order[range.lowerBound])].place)
            var tracker = CalmTracker()
            /// The latest point of the current bucket, written once the bucket is over.
            var pending: CalmPoint?
            func write(_ points: [CalmPoint]) {
                for c in points {
                    if let p = pending, CalmTable.bucket(p.time) != CalmTable.bucket(c.time) {
                        out.append(CalmRow(place: place, point: p))
                    }
                    pending = c
                }
            }
            func flush() {
                guard !group.isEmpty else { return }
                write(tracker.feed(group, tags: tags))
                group.removeAll(keepingCapacity: true)
                tags.removeAll(keepingCapacity: true)
            }
            for k in order[range] {
                let r = rows[Int(k)]
                if let first = group.first, first.effective.seconds != r.effective { flush() }
                group.append(transition(r))
                tags.append(firstID + Int64(k))
            }
            flush()
            write(tracker.finish())
            if let pending { out.append(CalmRow(place: place, point: pending)) }
        }
        return out
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

/// One row of the calm table.
struct CalmRow: Sendable {
    var place: Int64
    var point: CalmPoint
}

/// The calm fold of a bulk import, running on other threads.
final class BulkCalmFold: Sendable {
    private final class Part: @unchecked Sendable {
        /// Set by the part's own thread before it leaves `group`.
        var rows: [CalmRow] = []
    }

    private let group = DispatchGroup()
    private let parts: [Part]

    /// No parts when the rows could not be kept: the table is then folded from the store.
    init(parts work: [@Sendable () -> [CalmRow]]) {
        parts = work.map { _ in Part() }
        for (part, w) in zip(parts, work) {
            DispatchQueue.global().async(group: group) { part.rows = w() }
        }
    }

    /// Waits for the fold and writes its rows (the table holds only the rows this import added).
    func write(_ db: Database) throws {
        group.wait()
        guard !parts.isEmpty else { return try CalmTable.rebuild(db) }
        try db.execute(sql: "DELETE FROM calm")
        let insert = try RawStatement(db, CalmTable.insertSQL)
        // In time order, as `CalmTable.rebuild` writes them: the table's pages then end up fuller (702 pages at
        // 1 M events) than written in key order (734), where each split leaves the left page part empty.
        let all = parts.flatMap(\.rows).sorted { a, b in
            a.point.time != b.point.time ? a.point.time < b.point.time : a.place < b.place
        }
        for r in all {
            insert.bind(1, r.place)
            insert.bind(2, r.point.time)
            insert.bind(3, r.point.tag)
            insert.bind(4, CalmTable.code(r.point.kind))
            try insert.run()
        }
    }
}
