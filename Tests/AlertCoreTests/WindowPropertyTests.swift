import TestSupport
import Testing

@testable import AlertCore

/// A machine seeded at calm instants and fed only what follows them must show, from the window start on,
/// exactly the board and log of the whole history, and stay exact when a place's early history arrives late.
@Suite struct WindowPropertyTests {
    typealias P = StateMachinePropertyTests

    /// Board content at `t` keyed by place, machine numbering aside.
    static func board(_ m: StateMachine, at t: Timestamp) -> [PlaceKey: (BoardRow, PlaceState)] {
        var out: [PlaceKey: (BoardRow, PlaceState)] = [:]
        let snap = m.snapshot(at: t)
        for e in snap.entries { out[m.placeKey(e.place)] = (m.row(e), m.placeState(e)) }
        return out
    }

    static func expectSame(_ full: StateMachine, _ win: StateMachine, from w: Timestamp) {
        var instants: Set<Int64> = [w.seconds]
        for t in full.transitions where t.effective >= w {
            instants.insert(t.effective.seconds)
            if let u = t.until { instants.insert(u.seconds) }
        }
        for e in full.log where e.time >= w { instants.insert(e.time.seconds) }
        for s in instants.sorted() {
            for t in [s, s + 1, s + 3_600].map({ Timestamp(seconds: $0) }) {
                let a = board(full, at: t)
                let b = board(win, at: t)
                #expect(a.count == b.count)
                for (key, (row, state)) in a {
                    #expect(b[key]?.0 == row, "row of \(key) at \(t)")
                    #expect(b[key]?.1 == state, "state of \(key) at \(t)")
                }
                #expect(full.snapshot(at: t).counts == win.snapshot(at: t).counts)
                #expect(full.board(at: t) == win.board(at: t))
            }
        }
        let end = Timestamp(seconds: Int64.max / 2)
        #expect(full.changes(from: w, to: end) == win.changes(from: w, to: end))
        let a = full.logPositions(from: w, to: end).map { full.logLine(at: $0) }
        let b = win.logPositions(from: w, to: end).map { win.logLine(at: $0) }
        #expect(
            a.map { [$0.time.seconds, Int64($0.to.rawValue), Int64($0.from.rawValue)] }
                == b.map { [$0.time.seconds, Int64($0.to.rawValue), Int64($0.from.rawValue)] })
    }

    /// The calm points a tracker finds, fed a place at a time in fold order, are those of the full fold.
    static func trackerPoints(_ ts: [Transition]) -> [PlaceKey: [(Int64, String, ChangeKind)]] {
        var byPlace: [PlaceKey: [Transition]] = [:]
        var seen: Set<String> = []
        for t in ts where seen.insert(t.naturalKey).inserted { byPlace[t.placeKey, default: []].append(t) }
        var out: [PlaceKey: [(Int64, String, ChangeKind)]] = [:]
        for (key, items) in byPlace {
            let sorted = items.sorted(by: Transition.foldOrder)
            var tracker = CalmTracker()
            var points: [CalmPoint] = []
            var i = 0
            while i < sorted.count {
                var j = i + 1
                while j < sorted.count && sorted[j].effective.seconds == sorted[i].effective.seconds { j += 1 }
                points += tracker.feed(Array(sorted[i..<j]), tags: (i..<j).map(Int64.init))
                i = j
            }
            points += tracker.finish()
            if !points.isEmpty { out[key] = points.map { ($0.time, sorted[Int($0.tag)].naturalKey, $0.kind) } }
        }
        return out
    }

    @Test func windowedMachineMatchesTheFullOneFromTheWindowOn() {
        var rng = SeededRandom(seed: 20_250_107)
        var seededPlaces = 0
        for _ in 0..<300 {
            let ts = P.history(&rng)
            let batches = P.batches(ts, &rng)
            var full = StateMachine()
            for b in batches { full.insert(b) }

            let calm = full.calmPoints()
            let tracked = Self.trackerPoints(ts)
            #expect(Set(calm.keys) == Set(tracked.keys))
            for (key, points) in calm {
                let mine = points.map { ($0.time, full.heldTransition($0.tag).naturalKey, $0.kind) }
                #expect(mine.map(\.0) == tracked[key]?.map(\.0))
                #expect(mine.map(\.1) == tracked[key]?.map(\.1))
                #expect(mine.map(\.2) == tracked[key]?.map(\.2))
            }

            let w = at(Int.random(in: 1...10, using: &rng), [0, 6, 12, 18][Int.random(in: 0...3, using: &rng)])
            var seeds: [PlaceKey: Seed] = [:]
            for (key, points) in calm {
                if let c = points.last(where: { $0.time < w.seconds }) {
                    seeds[key] = Seed(transition: full.heldTransition(c.tag), time: c.time, kind: c.kind)
                }
            }
            seededPlaces += seeds.count
            var win = StateMachine()
            win.seed(Array(seeds.values))
            for b in batches {
                win.insert(b.filter { t in seeds[t.placeKey].map { t.effective.seconds > $0.time } ?? true })
            }
            Self.expectSame(full, win, from: w)

            // A late transition at or before a seed, with its place's whole history (as the monitor's poll adds it).
            guard let (key, seed) = seeds.randomElement(using: &rng) else { continue }
            let day = Int.random(in: 1...8, using: &rng)
            let early = min(at(day).seconds, seed.time)
            let late = Transition(
                city: key.name, country: key.country, level: Level.allCases.randomElement(using: &rng)!,
                kind: [nil, .lifted, .extended].randomElement(using: &rng)!, effective: Timestamp(seconds: early),
                until: Bool.random(using: &rng)
                    ? Timestamp(seconds: early + 86_400 * Int64.random(in: 0...5, using: &rng)) : nil,
                source: "late.txt", evidence: "late")
            full.insert([late])
            win.insert(batches.joined().filter { $0.placeKey == key } + [late])
            Self.expectSame(full, win, from: w)
        }
        #expect(seededPlaces > 100)
    }
}
