import TestSupport
import Testing

@testable import AlertCore

/// The seek index (every place's step times in one array) must always hold exactly the tracks' step
/// times, whatever the insertion pattern, and seeks through it must find what each place's own steps say.
@Suite struct StepTimesTests {
    static let cities = (0..<12).map { "City\($0)" }

    /// Many places, so a batch dirties more than the few places that are updated in place.
    static func history(_ rng: inout SeededRandom, far: Bool) -> [Transition] {
        var out: [Transition] = []
        var keys: Set<String> = []
        for k in 0..<Int.random(in: 1...80, using: &rng) {
            // Instants around the index's base, and (when `far`) beyond either end of what it holds exactly.
            var day = Int64.random(in: -3...3, using: &rng)
            if far && Int.random(in: 0..<6, using: &rng) == 0 {
                day += [-30_000, -8_000, 8_000, 30_000].randomElement(using: &rng)!
            }
            let effective = Timestamp(
                seconds: StepTimes.base + day * 86_400 + Int64.random(in: 0...2, using: &rng) * 3_600)
            let until: Timestamp? =
                Bool.random(using: &rng)
                ? effective.adding(seconds: Int64.random(in: 0...3, using: &rng) * 21_600) : nil
            let t = Transition(
                city: cities.randomElement(using: &rng)!, country: "KZ",
                level: Level.allCases.randomElement(using: &rng)!,
                kind: [nil, .declared, .lifted, .extended, .raised].randomElement(using: &rng)!, effective: effective,
                until: until, source: "s\(Int.random(in: 0...3, using: &rng)).txt", evidence: "e\(k)")
            if keys.insert(t.naturalKey).inserted { out.append(t) }
        }
        return out
    }

    static func expectSeeksAgree(_ sm: StateMachine, _ t: Timestamp) {
        let direct = (0..<Int32(sm.placeCount)).compactMap { sm.boardEntry(of: $0, at: t) }
        let snap = sm.snapshot(at: t)
        #expect(snap.entries == direct, "at \(t.seconds)")
        var counts = [0, 0, 0, 0]
        for e in direct { counts[e.level.rawValue] += 1 }
        #expect(snap.counts == counts)
    }

    @Test func theIndexFollowsEveryInsertAndSeeksAgreeWithEachPlace() {
        var rng = SeededRandom(seed: 34_006)
        for round in 0..<300 {
            let ts = Self.history(&rng, far: round % 3 == 0)
            var sm = StateMachine()
            for batch in StateMachinePropertyTests.batches(ts, &rng) {
                sm.insert(batch)
                let held = sm.stepTimesMatchTracks()
                #expect(held, "the index is out of step with the tracks")
            }
            var instants: Set<Int64> = [StepTimes.lowest, StepTimes.highest, .min / 2, .max / 2]
            for s in sm.tracks.flatMap(\.steps) { instants.formUnion([s.time - 1, s.time, s.time + 1]) }
            for s in instants { Self.expectSeeksAgree(sm, Timestamp(seconds: s)) }
        }
    }

    @Test func seedsAreIndexedLikeFoldedSteps() {
        var rng = SeededRandom(seed: 1_700)
        for _ in 0..<100 {
            let ts = Self.history(&rng, far: false)
            let full = StateMachine(ts)
            var seeds: [Seed] = []
            for points in full.calmPoints().values where Bool.random(using: &rng) {
                guard let c = points.randomElement(using: &rng) else { continue }
                seeds.append(Seed(transition: full.heldTransition(c.tag), time: c.time, kind: c.kind))
            }
            var win = StateMachine()
            win.seed(seeds)
            let held = win.stepTimesMatchTracks()
            #expect(held, "the index is out of step with the tracks")
            let later = ts.filter { t in
                !seeds.contains { $0.transition.placeKey == t.placeKey && t.effective.seconds <= $0.time }
            }
            for batch in StateMachinePropertyTests.batches(later, &rng) {
                win.insert(batch)
                let held = win.stepTimesMatchTracks()
                #expect(held, "the index is out of step with the tracks")
            }
            for t in ts.map(\.effective) { Self.expectSeeksAgree(win, t) }
        }
    }
}
