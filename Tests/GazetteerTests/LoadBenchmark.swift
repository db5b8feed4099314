import Foundation
import Testing

@testable import Gazetteer

/// Load-time figures for the report; runs only with GAZETTEER_BENCH=1 and asserts no timing.
/// `Scripts/gazetteer-bench` runs it in a release build.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["GAZETTEER_BENCH"] == "1"))
struct LoadBenchmark {
    static let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Sources/Gazetteer/Resources/gazetteer.tsv").standardized

    @Test func loadTime() throws {
        var loads: [Double] = []
        var firstLookups: [Double] = []
        var mentionRuns: [Double] = []
        let text =
            "ALMATY, June 5 — a yellow level was declared in Almaty, Astana and the Aktobe Region; "
            + "в Актюбинской области и в Караганде уровень снижен. Paris and New York issued advice."
        for _ in 0..<9 {
            let t0 = Date()
            let g = try Gazetteer(bytes: readFile(Self.path.path))  // what `shared` does
            let t1 = Date()
            #expect(g.best("Алматинской области")?.name == "Almaty Region")
            let t2 = Date()
            #expect(g.mentions(in: text).count >= 8)
            let t3 = Date()
            loads.append(t1.timeIntervalSince(t0) * 1000)
            firstLookups.append(t2.timeIntervalSince(t1) * 1000)
            mentionRuns.append(t3.timeIntervalSince(t2) * 1000)
        }
        func median(_ xs: [Double]) -> String { String(format: "%.2f ms", xs.sorted()[xs.count / 2]) }
        let size = try FileManager.default.attributesOfItem(atPath: Self.path.path)[.size] as? Int ?? 0
        print(
            "gazetteer bench: file \(size) bytes; load median \(median(loads)) (runs: "
                + loads.map { String(format: "%.1f", $0) }.joined(separator: " ")
                + "); first lookup \(median(firstLookups)); mentions in a 2-sentence text \(median(mentionRuns))")
    }
}
