import AlertCore
import Foundation
import Testing

@testable import AlertUI

/// Frame time at 200×60 with 34 000 places; runs only when ALERTMON_BENCH=1 and prints, never asserts time.
struct RenderBenchmark {
    @Test(.enabled(if: ProcessInfo.processInfo.environment["ALERTMON_BENCH"] == "1"))
    func frameAt200x60With34kPlaces() {
        let levels: [Level] = [.yellow, .orange, .red, .yellow]
        var ts: [Transition] = []
        for i in 0..<34_000 {
            ts.append(
                Transition(
                    city: "Place \(i)", country: "KZ", level: levels[i % 4], kind: .declared,
                    effective: Timestamp(seconds: 1_468_800_000 + Int64(i) * 10), source: "bench/\(i % 97).txt"))
        }
        let size = Size(width: 200, height: 60)
        let t0 = DispatchTime.now().uptimeNanoseconds
        var m = Model(
            machine: StateMachine(ts), now: Timestamp(seconds: 1_470_000_000), zoneLabel: "UTC", size: size)
        let t1 = DispatchTime.now().uptimeNanoseconds
        var buffer = CellBuffer(size: size)
        var samples: [UInt64] = []
        for i in 0..<300 {
            _ = Model.update(&m, .tick(Timestamp(seconds: 1_470_000_000 + Int64(i))))
            let a = DispatchTime.now().uptimeNanoseconds
            render(m, size: size, theme: .builtInDefault, into: &buffer)
            samples.append(DispatchTime.now().uptimeNanoseconds - a)
        }
        samples.sort()
        let ms = { (n: UInt64) in String(format: "%.3f", Double(n) / 1e6) }
        print(
            "render 200×60, \(m.places.count) places: p50 \(ms(samples[150])) ms, p90 \(ms(samples[270])) ms, "
                + "max \(ms(samples.last!)) ms; model build \(ms(t1 - t0)) ms")
        #expect(m.places.count == 34_000)
    }

    /// Stepping a replay through a day of 8 640 changes among 34 000 places, forward then back.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["ALERTMON_BENCH"] == "1"))
    func replayStepsAt200x60With34kPlaces() {
        let levels: [Level] = [.yellow, .orange, .red, .yellow]
        var ts: [Transition] = []
        for i in 0..<34_000 {
            ts.append(
                Transition(
                    city: "Place \(i)", country: "KZ", level: levels[i % 4], kind: .declared,
                    effective: Timestamp(seconds: 1_468_800_000 + Int64(i) * 10), source: "bench/\(i % 97).txt"))
        }
        let size = Size(width: 200, height: 60)
        let machine = StateMachine(ts)
        let day = CivilDate(year: 2016, month: 7, day: 18)
        let start = Timestamp(seconds: day.dayNumber * 86_400)
        let cursor = ReplayCursor(day: day, events: machine.changes(from: start, to: start.adding(seconds: 86_399)))
        var m = Model(machine: machine, now: start, size: size, replay: cursor)
        _ = Fixture.keys(&m, [.char(":")])
        Fixture.type(&m, "12:00")
        _ = Fixture.keys(&m, [.enter])
        var buffer = CellBuffer(size: size)
        func time(_ key: Key) -> [UInt64] {
            (0..<300).map { _ in
                let a = DispatchTime.now().uptimeNanoseconds
                _ = Model.update(&m, .key(key))
                render(m, size: size, theme: .builtInDefault, into: &buffer)
                return DispatchTime.now().uptimeNanoseconds - a
            }.sorted()
        }
        let forward = time(.char("."))
        let back = time(.char(","))
        let ms = { (n: UInt64) in String(format: "%.3f", Double(n) / 1e6) }
        print(
            "replay step + render 200×60, \(m.places.count) places: forward p50 \(ms(forward[150])) ms, "
                + "p90 \(ms(forward[270])) ms; back p50 \(ms(back[150])) ms, p90 \(ms(back[270])) ms")
        #expect(m.replay?.events.count == 8_640)
    }
}
