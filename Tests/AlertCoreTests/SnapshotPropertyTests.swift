import TestSupport
import Testing

@testable import AlertCore

/// The compact views the screen reads (`snapshot`, `row`, `logLine`, the change-range queries) must
/// say exactly what the full values (`board(at:)`, `PlaceState`, `LogEntry`) say, on random histories.
@Suite struct SnapshotPropertyTests {
    static func machine(_ rng: inout SeededRandom) -> StateMachine {
        var sm = StateMachine()
        for batch in StateMachinePropertyTests.batches(StateMachinePropertyTests.history(&rng), &rng) {
            sm.insert(batch)
        }
        return sm
    }

    /// Every instant where something can happen, and the seconds either side.
    static func instants(_ sm: StateMachine) -> [Timestamp] {
        var out: Set<Int64> = []
        for t in sm.transitions {
            for s in [t.effective.seconds, t.until?.seconds].compactMap({ $0 }) { out.formUnion([s - 1, s, s + 1]) }
        }
        return out.sorted().map { Timestamp(seconds: $0) }
    }

    @Test func snapshotAndRowsSayWhatTheBoardSays() {
        var rng = SeededRandom(seed: 71_807)
        for _ in 0..<200 {
            let sm = Self.machine(&rng)
            for t in Self.instants(sm) {
                let board = sm.board(at: t)
                let snap = sm.snapshot(at: t)
                #expect(snap.entries.count == board.places.count)
                var counts = [0, 0, 0, 0]
                for e in snap.entries {
                    let key = sm.placeKey(e.place)
                    guard let state = board[key] else {
                        Issue.record("\(key) in the snapshot but not on the board at \(t)")
                        continue
                    }
                    counts[e.level.rawValue] += 1
                    #expect(sm.placeState(e) == state)
                    #expect(sm.boardEntry(of: e.place, at: t) == e)
                    #expect(sm.until(e) == state.until)
                    #expect(e.untilSeconds == (state.until?.seconds ?? .min))
                    let row = sm.row(e)
                    #expect(row.level == state.level && e.level == state.level)
                    #expect(row.city == state.city && row.country == state.country)
                    #expect(row.since == state.since && row.until == state.until)
                    #expect(row.lastChange == state.lastChange)
                    #expect(row.sourceCount == state.sources.count)
                }
                #expect(snap.counts == counts)
            }
        }
    }

    @Test func logLinesSayWhatTheLogSays() {
        var rng = SeededRandom(seed: 180_716)
        for _ in 0..<200 {
            let sm = Self.machine(&rng)
            let log = sm.log
            #expect(sm.logCount == log.count)
            for (i, e) in log.enumerated() {
                let line = sm.logLine(at: i)
                #expect(sm.placeKey(line.place) == e.placeKey)
                #expect(line.time == e.time && line.city == e.city && line.country == e.country)
                #expect(line.from == e.from && line.to == e.to && line.kind == e.kind)
                #expect(line.late == e.late && line.until == e.until)
                #expect(line.source == (e.sources.first ?? ""))
                #expect(sm.logEntry(at: i) == e)
                #expect(sm.logTransitionKey(at: i) == e.transitionKey)
                let s = sm.logSummary(at: i)
                #expect(s.place == line.place && s.from == e.from && s.to == e.to && s.time == e.time.seconds)
            }
            for t in Self.instants(sm) {
                let r = sm.logPositions(from: t, to: t.adding(seconds: 7_200))
                #expect(Array(log[r]) == sm.changes(from: t, to: t.adding(seconds: 7_200)))
            }
        }
    }

    @Test func changeRangesFindEveryPlaceWhoseStateMoved() {
        var rng = SeededRandom(seed: 2_016)
        for _ in 0..<200 {
            let sm = Self.machine(&rng)
            let ts = Self.instants(sm)
            guard ts.count > 1 else { continue }
            for _ in 0..<10 {
                let a = ts.randomElement(using: &rng)!.seconds
                let b = ts.randomElement(using: &rng)!.seconds
                let (lo, hi) = (min(a, b), max(a, b))
                let moved = sm.transitions.filter { $0.effective.seconds > lo && $0.effective.seconds <= hi }
                #expect(sm.transitionCount(after: lo, through: hi) == moved.count)
                let changed = Set(sm.placesChanged(after: lo, through: hi).map(sm.placeKey))
                let before = sm.board(at: Timestamp(seconds: lo))
                let after = sm.board(at: Timestamp(seconds: hi))
                for key in Set(before.places.keys).union(after.places.keys) where before[key] != after[key] {
                    #expect(changed.contains(key), "\(key) changed in (\(lo), \(hi)] but was not listed")
                }
                #expect(Set(moved.map(\.placeKey)).isSubset(of: changed))
                let next = sm.transitions.map(\.effective.seconds).filter { $0 > lo }.min()
                #expect(sm.nextTransitionTime(after: lo) == next)
            }
        }
    }

    @Test func sameStatementIsTheNaturalKeyWithoutTheString() {
        var rng = SeededRandom(seed: 7)
        for _ in 0..<100 {
            let ts = StateMachinePropertyTests.history(&rng)
            for a in ts {
                for b in ts { #expect(a.isSameStatement(as: b) == (a.naturalKey == b.naturalKey)) }
            }
        }
    }

    @Test func aPeriodWithManySourcesCountsEachOnce() {
        let start = Timestamp(seconds: 1_468_800_000)
        var ts: [Transition] = []
        for i in 0..<40 {
            ts.append(
                Transition(
                    city: "Almaty", country: "KZ", level: .red, effective: start.adding(seconds: Int64(i) * 60),
                    source: "s\(i).txt"))
        }
        // Every source again, later: corroborations already counted add no step.
        for i in 0..<40 {
            ts.append(
                Transition(
                    city: "Almaty", country: "KZ", level: .red, effective: start.adding(seconds: 7_200 + Int64(i)),
                    source: "s\(i).txt"))
        }
        let sm = StateMachine(ts)
        #expect(sm.tracks[0].steps.count == 40)
        let e = sm.snapshot(at: start.adding(seconds: 9_000)).entries[0]
        #expect(sm.row(e).sourceCount == 40)
        #expect(sm.placeState(e).sources.count == 40)
    }
}
