import AlertCore
import AlertUI
import Benchmark
import Foundation

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

/// The monitor replaying the busiest day at 200×60, stepped with `.` or `,` as a user would: the
/// model's whole update (cursor, board brought to the new clock, counts, rows re-sorted, log row).
final class ScreenReplay: @unchecked Sendable {
    private var model: Model?

    func step(forward: Bool) -> Int {
        if model == nil {
            let day = fixture.busiestDay
            let start = Timestamp(seconds: day.dayNumber * 86_400)
            let c = ReplayCursor(
                day: day, events: fixture.machine.changes(from: start, to: start.adding(seconds: 86_399)))
            model = Model(machine: fixture.machine, now: start, size: Size(width: 200, height: 60), replay: c)
        }
        let r = model!.replay!
        if forward, r.eventIndex == r.events.count - 1 {
            _ = Model.update(&model!, .key(.home))
        } else if !forward, r.eventIndex == nil {
            _ = Model.update(&model!, .key(.end))
        }
        _ = Model.update(&model!, .key(.char(forward ? "." : ",")))
        return model!.boardRows.count
    }
}

/// A replay of the busiest day, stepped one event per sample; turns round at either end of the day.
/// The board follows the cursor as the screen's does: the previous snapshot is brought to the new clock.
final class Replay: @unchecked Sendable {
    private var cursor: ReplayCursor?
    private var board: BoardSnapshot?

    func step(forward: Bool) -> BoardSnapshot {
        let t = move(forward: forward)
        if board == nil { board = fixture.machine.snapshot(at: t) }
        board!.move(to: t, in: fixture.machine)
        return board!
    }

    private func move(forward: Bool) -> Timestamp {
        if cursor == nil {
            let day = fixture.busiestDay
            let start = Timestamp(seconds: day.dayNumber * 86_400)
            var c = ReplayCursor(
                day: day, events: fixture.machine.changes(from: start, to: start.adding(seconds: 86_399)))
            if !forward { c.toEndOfDay() }
            cursor = c
        }
        if forward {
            if cursor!.eventIndex == cursor!.events.count - 1 { cursor!.toStartOfDay() }
            cursor!.stepForward()
        } else {
            if cursor!.eventIndex == nil { cursor!.toEndOfDay() }
            cursor!.stepBack()
        }
        return cursor!.time
    }
}

// Names are read back by Scripts/bench from the JMH export; keep them in step with it.
let benchmarks: @Sendable () -> Void = {
    let metrics: [BenchmarkMetric] = [.wallClock, .mallocCountTotal, .peakMemoryResident]
    // BENCH_SECONDS bounds each benchmark (the quick run uses less than the full one).
    let seconds = Int(ProcessInfo.processInfo.environment["BENCH_SECONDS"] ?? "") ?? 5
    let config = Benchmark.Configuration(
        metrics: metrics, timeUnits: .microseconds, warmupIterations: 3, scalingFactor: .one,
        maxDuration: .seconds(seconds), maxIterations: 2_000, setup: { _ = fixture })

    // A seek is what the screen needs at a new instant: every place's entry and the counts per level.
    let seek = Instants()
    Benchmark("seek snapshot(at:)", configuration: config) { _ in
        blackHole(fixture.machine.snapshot(at: seek.next()))
    }

    // The same instant with every place's full state built (sources, evidence), for scale.
    let full = Instants()
    Benchmark("seek board(at:)", configuration: config) { _ in
        blackHole(fixture.machine.board(at: full.next()))
    }

    let refold = Instants()
    Benchmark("refold board(at:)", configuration: config) { _ in
        blackHole(fixture.machine.refold(upTo: refold.next()))
    }

    // A replay step is the cursor's move plus the board brought to the new clock, as the screen needs it.
    let forward = Replay()
    Benchmark("replay step forward", configuration: config) { _ in
        blackHole(forward.step(forward: true))
    }

    let back = Replay()
    Benchmark("replay step back", configuration: config) { _ in
        blackHole(back.step(forward: false))
    }

    let screenForward = ScreenReplay()
    Benchmark("replay step forward (screen)", configuration: config) { _ in
        blackHole(screenForward.step(forward: true))
    }

    let screenBack = ScreenReplay()
    Benchmark("replay step back (screen)", configuration: config) { _ in
        blackHole(screenBack.step(forward: false))
    }

    // One frame into the reused cell buffer; the clock's tick is outside the measurement.
    var renderConfig = config
    renderConfig.setup = { _ = renderFixture }
    // Without the resident-memory metric: its sampler allocates (16 mallocs in an empty measurement
    // here), which would be counted as the frame's.
    renderConfig.metrics = [.wallClock, .mallocCountTotal]
    Benchmark("render 200x60", configuration: renderConfig) { benchmark in
        renderFixture.tick()
        benchmark.startMeasurement()
        renderFixture.frame()
        benchmark.stopMeasurement()
        blackHole(renderFixture.buffer)
    }
}
