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
    /// are those of arrival). Rows are found through the natural-key index, read only when kept.
    public func loadWindow(from start: Timestamp) throws -> WindowedHistory {
        let w = start.seconds
        return try run {
            try pool.read { db in
                var calm: [Int64: (time: Int64, item: Int64, kind: Int64)] = [:]
                let c = try RawStatement(db, "SELECT place, time, item, kind FROM calm WHERE time < ?1")
                c.bind(1, w)
                while try c.step() {
                    let p = c.int(0)
                    if calm[p].map({ $0.time < c.int(1) }) ?? true { calm[p] = (c.int(1), c.int(2), c.int(3)) }
                }
                let places = try Int.fetchOne(db, sql: "SELECT count(*) FROM place WHERE canonical IS NULL") ?? 0
                let from = calm.count == places ? (calm.values.map(\.time).min() ?? .min) : .min
                var ids: [Int64] = []
                let scan = try RawStatement(
                    db, #"SELECT id, place, effective FROM "transition" INDEXED BY transition_key WHERE effective > ?1"#
                )
                scan.bind(1, from)
                while try scan.step() {
                    if let s = calm[scan.int(1)], scan.int(2) <= s.time { continue }
                    ids.append(scan.int(0))
                }
                ids.sort()
                let one = try RawStatement(db, Self.selectColumns + " WHERE t.id = ?1")
                func row(_ id: Int64) throws -> Transition? {
                    one.reset()
                    one.bind(1, id)
                    return try one.step() ? try read(one, in: db).0 : nil
                }
                var machine = StateMachine()
                var seeds: [Seed] = []
                var seedTimes: [PlaceKey: Int64] = [:]
                for s in calm.values {
                    guard let t = try row(s.item) else { continue }
                    seeds.append(Seed(transition: t, time: s.time, kind: CalmTable.kind(s.kind)))
                    seedTimes[t.placeKey] = s.time
                }
                machine.seed(seeds)
                var batch: [Transition] = []
                batch.reserveCapacity(min(ids.count, 65_536))
                for id in ids {
                    if let t = try row(id) { batch.append(t) }
                    if batch.count == 65_536 {
                        machine.insert(batch)
                        batch.removeAll(keepingCapacity: true)
                    }
                }
                machine.insert(batch)
                return WindowedHistory(machine: machine, start: seeds.isEmpty ? nil : start, seeds: seedTimes)
            }
        }
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
