import AlertCore
import AllocCount
import Testing

@testable import AlertUI

/// A steady live frame (the clock a second on, nothing else changed) makes no heap allocation.
///
/// Counted with the AllocCount wrapper of glibc's allocator, on this test's own thread; where it is
/// not available (not glibc) the tests are skipped, and the render benchmark's malloc count remains.
struct RenderAllocationTests {
    static let counting = alloc_count_available() != 0

    /// Heap allocations the calling thread makes in `body`.
    static func allocations(_ body: () -> Void) -> UInt64 {
        let before = alloc_count_thread()
        body()
        return alloc_count_thread() - before
    }

    /// Places named as the gazetteer names them: long (past the 15 bytes a string keeps inline),
    /// Cyrillic, CJK, accented; several levels, some with an end date, a few reports each.
    static func model(size: Size) -> Model {
        let names = ["Almaty", "Усть-Каменогорск", "Petropavlovsk-Kamchatsky", "東京都", "Saint-Martin-d'Hères"]
        let levels: [Level] = [.yellow, .orange, .red, .yellow, .orange]
        let start: Int64 = 1_468_800_000
        var ts: [Transition] = []
        for i in 0..<1_500 {
            let city = "\(names[i % names.count]) \(i)"
            ts.append(
                Transition(
                    city: city, country: i % 3 == 0 ? "KZ" : "RU", level: levels[i % levels.count], kind: .declared,
                    effective: Timestamp(seconds: start + Int64(i) * 60),
                    until: i % 4 == 0 ? Timestamp(seconds: start + 90 * 86_400 + Int64(i)) : nil,
                    source: "reports/\(city)-\(i % 7).txt", evidence: "Authorities in \(city) declared an alert."))
        }
        return Model(
            machine: StateMachine(ts), now: Timestamp(seconds: start + 2 * 86_400), zoneLabel: "+06",
            zoneOffset: 6 * 3600, size: size)
    }

    @Test(.enabled(if: counting))
    func theCounterSeesAnAllocation() {
        var sink: [String] = []
        let n = Self.allocations { sink.append(String(repeating: "longer than fifteen bytes ", count: 3)) }
        #expect(n >= 1 && sink.count == 1)
    }

    @Test(
        .enabled(if: counting),
        arguments: [
            Size(width: 200, height: 60), Size(width: 120, height: 40), Size(width: 80, height: 24),
            Size(width: 60, height: 20),
        ])
    func aSteadyLiveFrameAllocatesNothing(size: Size) {
        for theme in [Theme.builtInDefault, .builtInMono] {
            var m = Self.model(size: size)
            var buffer = CellBuffer(size: size)
            var now = m.now
            // The first frames may size caches; then each second's frame must allocate nothing.
            for _ in 0..<2 {
                now = now.adding(seconds: 1)
                _ = Model.update(&m, .tick(now))
                render(m, size: size, theme: theme, into: &buffer)
            }
            for _ in 0..<3 {
                now = now.adding(seconds: 1)
                _ = Model.update(&m, .tick(now))
                let n = Self.allocations { render(m, size: size, theme: theme, into: &buffer) }
                #expect(n == 0, "\(n) allocations in a \(size.width)×\(size.height) frame, theme \(theme.name)")
            }
            // The long names are on screen (cut or whole), so the frame did draw them.
            #expect(buffer.textRows.joined().contains("Petropavlo"))
        }
    }
}
