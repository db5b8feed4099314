import AlertCore
import GRDB

/// What the live monitor opens on: a machine exact from `start` on, each place started at its last calm
/// instant before `start` (the whole history of places that have none).
public struct WindowedHistory: Sendable {
    public var machine: StateMachine
    /// Where the exact part begins; nil when nothing was cut (the machine holds the whole history).
    public var start: Timestamp?
    /// Seeded places → their seed instant (seconds): an arrival at or before it needs the place's whole history.
    public var seeds: [PlaceKey: Int64]

    public init(machine: StateMachine, start: Timestamp?, seeds: [PlaceKey: Int64]) {
        self.machine = machine
        self.start = start
        self.seeds = seeds
    }

    /// `arrivals` with, first, the whole stored history of every seeded place one of them reaches at or
    /// before its seed (the machine then refolds that place from scratch); those places are seeded no more.
    public mutating func completing(_ arrivals: [Transition], from store: any AlertStoring) throws -> [Transition] {
        var early: [PlaceKey] = []
        for t in arrivals {
            if let s = seeds[t.placeKey], t.effective.seconds <= s {
                seeds[t.placeKey] = nil
                early.append(t.placeKey)
            }
        }
        guard !early.isEmpty else { return arrivals }
        return try store.transitions(in: .all, places: early) + arrivals
    }
}

extension SQLiteStore {
    /// Seeds from the `calm` table, then the rows after each place's seed, in append order (so `late` flags
    /// are those of arrival). Rows are found through the natural-key index and read, when kept, in batches
    /// of ids (a statement per row cost more than the row itself).
    public func loadWindow(from start: Timestamp) throws -> WindowedHistory {
        let w = start.seconds
        return try run {
            try pool.read { db in
                // Per canonical place id (dense rowids, so arrays): its seed instant, .min for none; and the seeds'
                // rows. A plain scan keeping the latest row per place costs less than SQLite's GROUP BY with max().
                let high = Int(clamping: max(0, try Int64.fetchOne(db, sql: "SELECT max(id) FROM place") ?? 0))
                var seedTime = [Int64](repeating: .min, count: high + 1)
                var seedRow = [Int32](repeating: -1, count: high + 1)
                var stray: [Int64: Int64] = [:]  // calm rows naming no place row: not expected, still honoured
                var calm: [(place: Int64, time: Int64, item: Int64, kind: Int64)] = []
                let c = try RawStatement(db, "SELECT place, time, item, kind FROM calm WHERE time < ?1")
                c.bind(1, w)
                while try c.step() {
                    let place = c.int(0)
                    let time = c.int(1)
                    guard place >= 0 && place <= high else {
                        guard time > stray[place] ?? .min else { continue }
                        stray[place] = time
                        if let k = calm.firstIndex(where: { $0.place == place }) {
                            calm[k] = (place, time, c.int(2), c.int(3))
                        } else {
                            calm.append((place, time, c.int(2), c.int(3)))
                        }
                        continue
                    }
                    let p = Int(place)
                    guard time > seedTime[p] else { continue }
                    seedTime[p] = time
                    if seedRow[p] < 0 {
                        seedRow[p] = Int32(calm.count)
                        calm.append((place, time, c.int(2), c.int(3)))
                    } else {
                        calm[Int(seedRow[p])] = (place, time, c.int(2), c.int(3))
                    }
                }
                seedRow = []
                let places = try Int.fetchOne(db, sql: "SELECT count(*) FROM place WHERE canonical IS NULL") ?? 0
                let from = calm.count == places ? (calm.map(\.time).min() ?? .min) : .min
                var ids: [Int64] = []
                try SeedFilter(seedTime, stray: stray).installed(on: db) {
                    let scan = try RawStatement(
                        db,
                        """
                        SELECT id FROM "transition" INDEXED BY transition_key
                        WHERE effective > ?1 AND \(SeedFilter.name)(place, effective)
                        """)
                    scan.bind(1, from)
                    while try scan.step() { ids.append(scan.int(0)) }
                }
                ids.sort()
                // Rows go to the machine a few thousand at a time, its arrays sized once: a Transition is a few
                // hundred bytes, so a second full copy (or a doubling) of them would be most of the peak memory.
                let chunk = 8_192
                var machine = StateMachine()
                machine.reserveCapacity(calm.count + ids.count)
                var seeds: [Seed] = []
                seeds.reserveCapacity(min(calm.count, chunk))
                var seedTimes: [PlaceKey: Int64] = [:]
                seedTimes.reserveCapacity(calm.count)
                calm.sort { $0.item < $1.item }
                var next = 0
                try rows(calm.map(\.item), in: db) { t, id in
                    while next < calm.count, calm[next].item < id { next += 1 }
                    while next < calm.count, calm[next].item == id {
                        let s = calm[next]
                        seeds.append(Seed(transition: t, time: s.time, kind: CalmTable.kind(s.kind)))
                        seedTimes[t.placeKey] = s.time
                        next += 1
                    }
                    if seeds.count >= chunk {
                        machine.seed(seeds)
                        seeds.removeAll(keepingCapacity: true)
                    }
                }
                machine.seed(seeds)
                seeds = []
                calm = []
                var batch: [Transition] = []
                // Fewer, larger batches here: each insert merges into the whole fold order.
                let insertChunk = 4 * chunk
                batch.reserveCapacity(min(ids.count, insertChunk))
                try rows(ids, in: db) { t, _ in
                    batch.append(t)
                    if batch.count == insertChunk {
                        machine.insert(batch)
                        batch.removeAll(keepingCapacity: true)
                    }
                }
                machine.insert(batch)
                return WindowedHistory(machine: machine, start: seedTimes.isEmpty ? nil : start, seeds: seedTimes)
            }
        }
    }

    /// Reads the rows with the given ids (ascending; repeated and missing ids are skipped), in id order,
    /// a few thousand ids per statement execution: the ids drive the loop, so SQLite neither sorts nor
    /// indexes them.
    func rows(_ ids: [Int64], in db: Database, _ body: (Transition, Int64) throws -> Void) throws {
        guard !ids.isEmpty else { return }
        let s = try RawStatement(
            db,
            Self.columns
                + #" FROM json_each(?1) j CROSS JOIN "transition" t ON t.id = j.value JOIN source s ON s.id = t.source"#
        )
        var k = 0
        var last = Int64.min
        while k < ids.count {
            let end = min(k + 4_096, ids.count)
            var list: [UInt8] = [UInt8(ascii: "[")]
            list.reserveCapacity(20 * (end - k) + 2)
            for id in ids[k..<end] where id > last {
                if list.count > 1 { list.append(UInt8(ascii: ",")) }
                Self.appendDecimal(id, to: &list)
                last = id
            }
            list.append(UInt8(ascii: "]"))
            s.reset()
            s.bind(1, String(decoding: list, as: UTF8.self))
            while try s.step() {
                let (t, id) = try read(s, in: db)
                try body(t, id)
            }
            k = end
        }
    }

    /// Appends `n` in decimal ASCII (building a list of ids through `String(n)` cost more than reading the rows).
    static func appendDecimal(_ n: Int64, to out: inout [UInt8]) {
        if n < 0 { out.append(UInt8(ascii: "-")) }
        var v = n.magnitude
        let start = out.count
        repeat {
            out.append(UInt8(ascii: "0") + UInt8(v % 10))
            v /= 10
        } while v > 0
        out[start...].reverse()
    }
}

extension SQLiteStore {
    /// The effective instant (seconds) of the `n`-th newest transition at or before `t`, or of the oldest one
    /// when fewer are stored; nil for an empty store. Walks the natural-key index backwards: O(n), not O(rows).
    public func effective(newest n: Int, atOrBefore t: Timestamp) throws -> Int64? {
        try run {
            try pool.read { db in
                let s = try RawStatement(
                    db,
                    #"SELECT effective FROM "transition" INDEXED BY transition_key WHERE effective <= ?1 ORDER BY effective DESC LIMIT ?2"#
                )
                s.bind(1, t.seconds)
                s.bind(2, Int64(max(1, n)))
                var last: Int64?
                while try s.step() { last = s.int(0) }
                return last
            }
        }
    }
}
