import TestSupport
import Testing

@testable import AlertCore

/// A snapshot brought to another instant place by place must be exactly the snapshot taken there.
@Suite struct SnapshotMoveTests {
    @Test func movingEitherWayEqualsASnapshotTakenThere() {
        var rng = SeededRandom(seed: 547)
        for _ in 0..<200 {
            var sm = StateMachine()
            for _ in 0..<Int.random(in: 1...6, using: &rng) {
                sm.insert(StateMachinePropertyTests.history(&rng))
            }
            let instants = SnapshotPropertyTests.instants(sm)
            guard let first = instants.first else { continue }
            var snap = sm.snapshot(at: first)
            var k = 0
            for _ in 0..<60 {
                // Mostly single steps either way (a replay), sometimes a jump.
                k = Bool.random(using: &rng) ? k + 1 : k - 1
                if Int.random(in: 0..<8, using: &rng) == 0 { k = Int.random(in: 0..<instants.count, using: &rng) }
                k = max(0, min(k, instants.count - 1))
                let t = instants[k]
                snap.move(to: t, in: sm)
                #expect(snap == sm.snapshot(at: t), "moved to \(t.seconds)")
            }
        }
    }
}
