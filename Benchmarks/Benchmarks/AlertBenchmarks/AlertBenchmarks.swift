import AlertCore
import Benchmark

/// Walks a fixed list of instants, one per sample, so every run seeks the same times in the same order.
final class Instants: @unchecked Sendable {
    private var list: [Timestamp] = []
    private var i = 0

    func next() -> Timestamp {
        if list.isEmpty { list = fixture.instants(4_096) }
        i = (i + 1) % list.count
        return list[i]
    }
}

// Measures named as in docs/BENCHMARKS.md; Scripts/bench reads them back from the JMH export.
let benchmarks: @Sendable () -> Void = {
    let metrics: [BenchmarkMetric] = [.wallClock, .mallocCountTotal, .peakMemoryResident]
    let seekConfig = Benchmark.Configuration(
        metrics: metrics, timeUnits: .microseconds, warmupIterations: 3, scalingFactor: .one,
        maxDuration: .seconds(5), maxIterations: 2_000, setup: { _ = fixture })

    let seek = Instants()
    Benchmark("seek board(at:)", configuration: seekConfig) { _ in
        blackHole(fixture.machine.board(at: seek.next()))
    }

    let refold = Instants()
    Benchmark("refold board(at:)", configuration: seekConfig) { _ in
        blackHole(ReferenceFold.board(fixture.sorted, at: refold.next()))
    }
}
