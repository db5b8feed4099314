import AlertCore
import Foundation

/// The history the in-process benchmarks run on: a generated JSON Lines file, decoded once.
struct Fixture: Sendable {
    let transitions: [Transition]
    let machine: StateMachine
    /// The day with the most log entries: the replay benchmarks step through it.
    let busiestDay: CivilDate
    let first: Int64
    let last: Int64

    /// `BENCH_EVENTS` names the file; `make bench` sets it (1 M events), `make bench-quick` too (100 k).
    static func load() -> Fixture {
        let env = ProcessInfo.processInfo.environment
        let path = env["BENCH_EVENTS"] ?? "../bench-data/events-100k.jsonl"
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            fatalError("cannot read \(path): run Scripts/gen-data first (or set BENCH_EVENTS)")
        }
        var out: [Transition] = []
        out.reserveCapacity(1_000_000)
        var n = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            n += 1
            if let t = try? TransitionRecord.decode(line: line, ordinal: n) { out.append(t) }
        }
        let machine = StateMachine(out)
        let times = out.map(\.effective.seconds)
        var perDay: [Int64: Int] = [:]
        for e in machine.log { perDay[e.time.utcDay, default: 0] += 1 }
        let busiest = perDay.max { a, b in a.value != b.value ? a.value < b.value : a.key > b.key }?.key ?? 0
        return Fixture(
            transitions: out, machine: machine, busiestDay: CivilDate(day: busiest), first: times.min() ?? 0,
            last: times.max() ?? 0)
    }

    /// A deterministic sequence of instants across the history, so every run seeks the same times.
    func instants(_ count: Int, seed: UInt64 = 0x9E37_79B9_7F4A_7C15) -> [Timestamp] {
        var x = seed
        let span = UInt64(max(last - first, 1))
        return (0..<count).map { _ in
            x = x &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Timestamp(seconds: first + Int64((x >> 11) % span))
        }
    }
}

/// Loaded on first use, inside a benchmark's setup, never while the benchmarks are only listed.
let fixture = Fixture.load()
