import AlertCore
import GRDB

/// The `calm` table: per place, the instants after which its fold starts afresh (level normal, nothing
/// pending), with the transition that made it normal. The live monitor starts each place at its last calm
/// instant before its window instead of folding the whole history; see `SQLiteStore.loadWindow(from:)`.
///
/// Rows are computed with `CalmTracker` from the natural-key index, which holds everything the fold reads
/// but the order of statements at one instant: only places with several statements at an instant read
/// their rows (report time, source name, position) to order them.
enum CalmTable {
    static let createSQL = """
        CREATE TABLE calm(
            place INTEGER NOT NULL,
            time INTEGER NOT NULL,
            item INTEGER NOT NULL,
            kind INTEGER NOT NULL,
            PRIMARY KEY(place, time)
        ) WITHOUT ROWID;
        """

    static func code(_ k: ChangeKind) -> Int64 {
        switch k {
        case .expired: 1
        case .conflict: 2
        default: 0
        }
    }

    static func kind(_ code: Int64) -> ChangeKind {
        switch code {
        case 1: .expired
        case 2: .conflict
        default: .lifted
        }
    }

    /// Recomputes every place's rows.
    static func rebuild(_ db: Database) throws {
        try db.execute(sql: "DELETE FROM calm")
        try refold(db, from: nil)
    }

    /// Recomputes the rows of `touched` places (canonical id → earliest effective second appended), each
    /// from its last calm instant before that: rows before it cannot change.
    static func update(_ db: Database, touched: [Int64: Int64]) throws {
        guard !touched.isEmpty else { return }
        let last = try RawStatement(db, "SELECT max(time) FROM calm WHERE place = ?1 AND time < ?2")
        let drop = try RawStatement(db, "DELETE FROM calm WHERE place = ?1 AND time > ?2")
        var from: [Int64: Int64] = [:]
        for (p, e) in touched {
            last.reset()
            last.bind(1, p)
            last.bind(2, e)
            let start = try last.step() ? (last.optionalInt(0) ?? .min) : .min
            last.reset()
            drop.bind(1, p)
            drop.bind(2, start)
            try drop.run()
            drop.reset()
            from[p] = start
        }
        try refold(db, from: from)
    }

    /// Folds, in effective order, every place (nil) or the given places from their start instants (exclusive).
    private static func refold(_ db: Database, from: [Int64: Int64]?) throws {
        let scanFrom = from.map { $0.values.min() ?? .max } ?? .min
        let scan = try RawStatement(
            db,
            """
            SELECT id, place, effective, level, kind, until, source FROM "transition" INDEXED BY transition_key
            WHERE effective > ?1 ORDER BY effective, place
            """)
        scan.bind(1, scanFrom)
        let detail = try detailStatement(db)
        let insert = try RawStatement(db, insertSQL)
        let clear = try RawStatement(db, "DELETE FROM calm WHERE place = ?1 AND time >= ?2 AND time < ?3")
        var trackers: [Int64: CalmTracker] = [:]
        /// Per place, the latest point of its current bucket, written once the bucket is over.
        var pending: [Int64: CalmPoint] = [:]
        var cleared: Set<Int64> = []
        func put(_ place: Int64, _ c: CalmPoint) throws {
            let b = bucket(c.time)
            if from != nil, cleared.insert(place).inserted {
                // The place's start row may share the bucket: the bucket keeps only its latest point.
                clear.bind(1, place)
                clear.bind(2, b * bucketSeconds)
                clear.bind(3, (b + 1) * bucketSeconds)
                try clear.run()
                clear.reset()
            }
            insert.bind(1, place)
            insert.bind(2, c.time)
            insert.bind(3, c.tag)
            insert.bind(4, code(c.kind))
            try insert.run()
            insert.reset()
        }
        func write(_ place: Int64, _ points: [CalmPoint]) throws {
            for c in points {
                if let p = pending[place], bucket(p.time) != bucket(c.time) { try put(place, p) }
                pending[place] = c
            }
        }
        var group: [(id: Int64, t: Transition)] = []
        var groupPlace: Int64 = 0
        func flush() throws {
            guard !group.isEmpty else { return }
            if group.count > 1 { group = try foldOrdered(group, detail) }
            let points = trackers[groupPlace, default: CalmTracker()].feed(group.map(\.t), tags: group.map(\.id))
            try write(groupPlace, points)
            group.removeAll(keepingCapacity: true)
        }
        while try scan.step() {
            let place = scan.int(1)
            let effective = scan.int(2)
            if let from {
                guard let start = from[place], effective > start else { continue }
            }
            if let first = group.first, first.t.effective.seconds != effective || groupPlace != place {
                try flush()
            }
            groupPlace = place
            // Sources stand in by row id: the fold only compares them for equality (ordering is done above).
            let t = Transition(
                city: "", level: Level(rawValue: Int(scan.int(3))) ?? .normal, kind: RowCodec.kind(scan.int(4)),
                effective: Timestamp(seconds: effective),
                until: RowCodec.untilSeconds(effective: effective, code: scan.int(5)).map { Timestamp(seconds: $0) },
                source: String(scan.int(6)))
            group.append((scan.int(0), t))
        }
        try flush()
        for (place, var tracker) in trackers { try write(place, tracker.finish()) }
        for (place, c) in pending { try put(place, c) }
    }

    static let insertSQL = "INSERT OR REPLACE INTO calm(place, time, item, kind) VALUES (?1, ?2, ?3, ?4)"

    /// What orders the statements of one instant, by transition id.
    static func detailStatement(_ db: Database) throws -> RawStatement {
        try RawStatement(
            db,
            """
            SELECT t.reported, t.ordinal, s.name FROM "transition" t JOIN source s ON s.id = t.source
            WHERE t.id = ?1
            """)
    }

    /// The statements of one place at one instant (read with the source as its row id) in fold order, which
    /// orders them by report time, source name and position.
    static func foldOrdered(_ group: [(id: Int64, t: Transition)], _ detail: RawStatement) throws
        -> [(id: Int64, t: Transition)]
    {
        var named = group.map(\.t)
        for k in named.indices {
            detail.reset()
            detail.bind(1, group[k].id)
            guard try detail.step() else { continue }
            let e = named[k].effective.seconds
            named[k].reported = detail.optionalInt(0).map { Timestamp(seconds: e + $0) }
            named[k].ordinal = Int(detail.int(1))
            named[k].source = detail.text(2) ?? ""
        }
        detail.reset()
        let order = named.indices.sorted { Transition.foldOrder(named[$0], named[$1]) }
        return order.map { group[$0] }
    }

    /// Only the latest calm instant of each 180-day bucket is kept per place: any calm instant before a window
    /// is an exact start (an earlier one only loads more of the place), the last bucket's is the place's latest,
    /// and a row per calm instant would cost about 3 % of the store (410 k rows at 1 M events, 1 row per 30 days).
    static let bucketSeconds: Int64 = 180 * 86_400

    static func bucket(_ t: Int64) -> Int64 { t >= 0 ? t / bucketSeconds : (t + 1) / bucketSeconds - 1 }
}

extension SQLiteStore {
    /// Every calm row as its instant, the transition that made the place normal and how, by place and instant.
    func calmRows() throws -> [(time: Int64, transition: Transition, kind: ChangeKind)] {
        try run {
            try pool.read { db in
                let c = try RawStatement(db, "SELECT time, item, kind FROM calm ORDER BY place, time")
                let one = try RawStatement(db, Self.selectColumns + " WHERE t.id = ?1")
                var out: [(Int64, Transition, ChangeKind)] = []
                while try c.step() {
                    one.reset()
                    one.bind(1, c.int(1))
                    guard try one.step() else { throw StoreError.database("calm row names a missing transition") }
                    out.append((c.int(0), try read(one, in: db).0, CalmTable.kind(c.int(2))))
                }
                return out
            }
        }
    }
}
