import TestSupport
import Testing

@testable import AlertCore

/// Random histories, inserted in random orders and random batches, must give the same boards as a
/// full refold at every instant and the same log whatever the arrival order (the `late` flags aside).
@Suite struct StateMachinePropertyTests {
    static let cities = ["Almaty", "Astana", "Aktobe", "Shymkent"]
    static let sources = ["a.txt", "b.txt", "c.txt"]

    static func history(_ rng: inout SeededRandom) -> [Transition] {
        let n = Int.random(in: 1...40, using: &rng)
        var out: [Transition] = []
        var keys: Set<String> = []
        for k in 0..<n {
            // Few distinct instants, so ties, same-instant conflicts and exact expiries are common.
            let day = Int.random(in: 1...8, using: &rng)
            let hour = Bool.random(using: &rng) ? 0 : [6, 12][Int.random(in: 0...1, using: &rng)]
            let effective = at(day, hour)
            let level = Level.allCases.randomElement(using: &rng)!
            let kinds: [TransitionKind?] = [nil, nil, .declared, .lifted, .extended, .raised]
            let kind = kinds.randomElement(using: &rng)!
            let until: Timestamp? =
                Int.random(in: 0..<3, using: &rng) == 0
                ? effective.adding(seconds: Int64(Int.random(in: 0...4, using: &rng)) * 21_600) : nil
            let reported: Timestamp? =
                Bool.random(using: &rng)
                ? effective.adding(seconds: Int64(Int.random(in: 0...2, using: &rng)) * 3600) : nil
            // Distinct statements only: two records with one natural key are one statement (first kept).
            let t =
                Transition(
                    city: cities[Int.random(in: 0..<(k % 5 == 0 ? 4 : 2), using: &rng)], country: "KZ",
                    level: level, kind: kind,
                    effective: effective, until: until, reported: reported,
                    source: sources.randomElement(using: &rng)!, evidence: "e\(k)",
                    ordinal: Int.random(in: 0...2, using: &rng))
            if keys.insert(t.naturalKey).inserted { out.append(t) }
            if Int.random(in: 0..<10, using: &rng) == 0, let dup = out.randomElement(using: &rng) {
                out.append(dup)
            }
        }
        return out
    }

    static func batches(_ ts: [Transition], _ rng: inout SeededRandom) -> [[Transition]] {
        var shuffled = ts
        shuffled.shuffle(using: &rng)
        var out: [[Transition]] = []
        var i = 0
        while i < shuffled.count {
            let n = Int.random(in: 1...max(1, shuffled.count - i), using: &rng)
            out.append(Array(shuffled[i..<(i + n)]))
            i += n
        }
        return out
    }

    static func withoutLate(_ log: [LogEntry]) -> [LogEntry] {
        log.map {
            var e = $0
            e.late = false
            return e
        }
    }

    @Test func boardsEqualTheFullRefoldAndTheLogIgnoresArrivalOrder() {
        var rng = SeededRandom(seed: 20_160_718)
        for _ in 0..<300 {
            let ts = Self.history(&rng)
            var reference = StateMachine()
            reference.insert(ts.sorted(by: Transition.foldOrder))
            var sm = StateMachine()
            var arrived: [Transition] = []
            var seen: Set<String> = []
            var expectedLate: [String: Bool] = [:]
            for batch in Self.batches(ts, &rng) {
                for t in batch where seen.insert(t.naturalKey).inserted {
                    expectedLate[t.naturalKey] = arrived.contains {
                        $0.placeKey == t.placeKey && $0.effective > t.effective
                    }
                    arrived.append(t)
                }
                sm.insert(batch)
                // Between batches too: the incremental state must match a refold of what arrived so far.
                let probe = at(
                    Int.random(in: 0...9, using: &rng), [0, 6, 12, 18][Int.random(in: 0...3, using: &rng)])
                #expect(sm.board(at: probe) == sm.refold(upTo: probe))
            }
            #expect(sm.transitionCount == reference.transitionCount)
            #expect(sm.transitions == reference.transitions)
            var instants = ts.map(\.effective) + ts.compactMap(\.until)
            for _ in 0..<10 {
                instants.append(
                    Timestamp(seconds: at(1).seconds + Int64.random(in: -3600...(9 * 86_400), using: &rng)))
            }
            for t in instants + instants.map({ $0.adding(seconds: -1) }) {
                #expect(sm.board(at: t) == sm.refold(upTo: t))
                #expect(sm.board(at: t) == reference.board(at: t))
            }
            #expect(Self.withoutLate(sm.log) == Self.withoutLate(reference.log))
            #expect(sm.log == sm.refoldLog())
            for e in sm.log {
                if let k = e.transitionKey {
                    #expect(e.late == expectedLate[k])
                } else {
                    #expect(e.late == false)
                }
            }
            let from = at(Int.random(in: 1...8, using: &rng))
            let to = from.adding(seconds: Int64(Int.random(in: 0...3, using: &rng)) * 43_200)
            #expect(sm.changes(from: from, to: to) == sm.log.filter { $0.time >= from && $0.time <= to })
        }
    }

    @Test func appendingOneAtATimeMatchesOneBatch() {
        var rng = SeededRandom(seed: 7)
        for _ in 0..<50 {
            let ts = Self.history(&rng).sorted(by: Transition.foldOrder)
            var live = StateMachine()
            for t in ts { live.insert([t]) }
            let batch = StateMachine(ts)
            #expect(live.log == batch.log)
            #expect(live.board(at: at(9)) == batch.board(at: at(9)))
        }
    }
}
