import AlertCore
import AlertUI
import Foundation

/// The monitor's model over 34 000 places (the gazetteer's size), laid out at 200×60.
///
/// One declaration per gazetteer city (`BENCH_GAZETTEER`, else the project's file), numbered places
/// making up the rest, so the frame is the same whichever event set the other benchmarks use.
final class RenderFixture: @unchecked Sendable {
    static let size = Size(width: 200, height: 60)
    static let places = 34_000

    var model: Model
    var buffer = CellBuffer(size: RenderFixture.size)
    private var clock: Int64

    init() {
        let start: Int64 = 1_468_800_000  // 2016-07-18
        let levels: [Level] = [.yellow, .orange, .red, .yellow, .yellow]
        var ts: [Transition] = []
        ts.reserveCapacity(Self.places)
        func add(_ city: String, _ country: String) {
            let i = ts.count
            ts.append(
                Transition(
                    city: city, country: country, level: levels[i % levels.count], kind: .declared,
                    effective: Timestamp(seconds: start + Int64(i) * 2), source: "bench/report-\(i % 997).txt",
                    evidence: "Authorities in \(city) declared a terror alert."))
        }
        for (city, country) in Self.gazetteerCities().prefix(Self.places) { add(city, country) }
        while ts.count < Self.places { add("Place \(ts.count)", "KZ") }
        clock = start + Int64(Self.places) * 2 + 60
        model = Model(machine: StateMachine(ts), now: Timestamp(seconds: clock), size: Self.size)
        render(model, size: Self.size, theme: .builtInDefault, into: &buffer)
    }

    /// City rows of the gazetteer file: id, "c", country, population, zone, name, aliases.
    static func gazetteerCities() -> [(String, String)] {
        let env = ProcessInfo.processInfo.environment
        let path = env["BENCH_GAZETTEER"] ?? "../Sources/Gazetteer/Resources/gazetteer.tsv"
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [] }
        var out: [(String, String)] = []
        for line in text.split(separator: "\n") {
            let f = line.split(separator: "\t", omittingEmptySubsequences: false)
            if f.count >= 6, f[1] == "c" { out.append((String(f[5]), String(f[2]))) }
        }
        return out
    }

    /// The live clock's tick: a second passes, as it does between two idle frames.
    func tick() {
        clock += 1
        _ = Model.update(&model, .tick(Timestamp(seconds: clock)))
    }

    func frame() {
        render(model, size: Self.size, theme: .builtInDefault, into: &buffer)
    }
}

/// Built on first use, inside the render benchmark's setup.
let renderFixture = RenderFixture()
