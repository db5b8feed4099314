import Foundation
import GRDB
import Testing

@testable import AlertCore
@testable import AlertStore

/// The calm table must hold exactly the calm instants of the full fold, however the rows arrived (bulk
/// import, appends in any order, a migration from schema 1), and a window loaded from it must show the
/// full history's board and log from its start on.
@Suite struct CalmTableTests {
    let dir = TempDir()

    /// A random history: few places, sources and instants, so ties, conflicts and expiries are common.
    static func history(_ seed: UInt64) -> [Transition] {
        var rng = Xorshift(seed)
        var out: [Transition] = []
        for k in 0..<Int(60 + rng.next() % 60) {
            let e = Int64(1_467_331_200) + Int64(rng.next() % 12) * 43_200 + Int64(rng.next() % 3) * 2_592_000
            let level = Level.allCases[Int(rng.next() % 4)]
            let kinds: [TransitionKind?] = [nil, .declared, .lifted, .extended, .raised]
            let until: Timestamp? = rng.next() % 3 == 0 ? Timestamp(seconds: e + Int64(rng.next() % 5) * 21_600) : nil
            out.append(
                Transition(
                    city: ["Almaty", "Astana", "Taraz"][Int(rng.next() % 3)], country: "KZ", level: level,
                    kind: kinds[Int(rng.next() % 5)], effective: Timestamp(seconds: e), until: until,
                    reported: rng.next() % 2 == 0 ? Timestamp(seconds: e + Int64(rng.next() % 3) * 3600) : nil,
                    source: ["a.txt", "b.txt", "c.txt"][Int(rng.next() % 3)], evidence: "e\(k)",
                    ordinal: Int(rng.next() % 2)))
        }
        return out
    }

    typealias Row = [String]

    static func expected(_ ts: [Transition]) -> [Row] {
        var m = StateMachine()
        m.insert(ts)
        // The table keeps each place's latest calm instant per bucket.
        return m.calmPoints().flatMap { key, points in
            var last: [Int64: CalmPoint] = [:]
            for p in points { last[CalmTable.bucket(p.time)] = p }
            return last.values.map {
                [key.description, String($0.time), m.heldTransition($0.tag).naturalKey, "\($0.kind)"]
            }
        }.sorted { $0.lexicographicallyPrecedes($1) }
    }

    static func rows(_ store: SQLiteStore) throws -> [Row] {
        try store.calmRows().map {
            [$0.transition.placeKey.description, String($0.time), $0.transition.naturalKey, "\($0.kind)"]
        }.sorted { $0.lexicographicallyPrecedes($1) }
    }

    @Test(arguments: 0..<12 as Range<UInt64>) func calmRowsMatchTheFullFold(seed: UInt64) throws {
        let ts = Self.history(seed)
        let want = Self.expected(ts)
        #expect(!want.isEmpty)

        let bulk = try SQLiteStore(path: dir.file("bulk.sqlite"))
        var batches = [ts]
        _ = try bulk.appendAll { batches.popLast() }
        #expect(try Self.rows(bulk) == want)

        // Appends one at a time in a shuffled order: late rows refold their place from an earlier calm instant.
        let appended = try SQLiteStore(path: dir.file("append.sqlite"))
        var rng = Xorshift(seed &+ 99)
        var shuffled = ts
        for i in shuffled.indices.reversed() { shuffled.swapAt(i, Int(rng.next() % UInt64(i + 1))) }
        var i = 0
        while i < shuffled.count {
            let n = 1 + Int(rng.next() % 4)
            try appended.append(Array(shuffled[i..<min(i + n, shuffled.count)]))
            i += n
        }
        #expect(try Self.rows(appended) == want)

        // A schema-1 store gets its calm rows when opened by this build.
        let old = dir.file("old.sqlite")
        do {
            let s = try SQLiteStore(path: old)
            try s.append(ts)
        }
        let q = try DatabaseQueue(path: old)
        try q.write { db in
            try db.execute(sql: "DROP TABLE calm; DELETE FROM grdb_migrations WHERE identifier = 'v2'")
            try db.execute(sql: "PRAGMA user_version = 1")
        }
        try q.close()
        #expect(try Self.rows(try SQLiteStore(path: old)) == want)
    }

    @Test(arguments: 0..<12 as Range<UInt64>) func windowShowsTheFullHistoryFromItsStart(seed: UInt64) throws {
        let ts = Self.history(seed)
        let store = try SQLiteStore(path: dir.file("w.sqlite"))
        try store.append(ts)
        let full = try store.loadHistory()
        let end = Timestamp(seconds: Int64.max / 2)
        for day in stride(from: 0, to: 90, by: 5) {
            let w = Timestamp(seconds: 1_467_331_200 + Int64(day) * 86_400)
            var win = try store.loadWindow(from: w)
            Self.expectSame(full, win.machine, from: w)
            #expect(full.changes(from: w, to: end) == win.machine.changes(from: w, to: end))

            // A late row at or before a seed: the place's whole history comes with it.
            guard let (key, seedTime) = win.seeds.first else { continue }
            let late = Transition(
                city: key.name, country: key.country, level: .red, effective: Timestamp(seconds: seedTime - 3600),
                until: Timestamp(seconds: seedTime + 86_400 * 3), source: "late.txt")
            try store.append([late])
            var fullAfter = full
            fullAfter.insert([late])
            win.machine.insert(try win.completing([late], from: store))
            #expect(win.seeds[key] == nil)
            Self.expectSame(fullAfter, win.machine, from: w)
            #expect(fullAfter.changes(from: w, to: end) == win.machine.changes(from: w, to: end))
            return
        }
        Issue.record("no window seeded a place")
    }

    static func expectSame(_ a: StateMachine, _ b: StateMachine, from w: Timestamp) {
        for h in stride(from: Int64(0), through: 14 * 86_400, by: 10_800) {
            let t = Timestamp(seconds: w.seconds + h)
            #expect(a.board(at: t) == b.board(at: t), "board at \(t)")
        }
    }
}

/// A small deterministic generator for these tests.
struct Xorshift {
    var s: UInt64
    init(_ seed: UInt64) { s = seed &* 0x9E37_79B9_7F4A_7C15 | 1 }
    mutating func next() -> UInt64 {
        s ^= s << 13
        s ^= s >> 7
        s ^= s << 17
        return s
    }
}
