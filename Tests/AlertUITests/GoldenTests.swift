import AlertCore
import Foundation
import Testing

@testable import AlertUI

/// Whole screens as text plus role map, compared with files under Golden/.
struct GoldenTests {
    static let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    static func screen(_ b: CellBuffer) -> String {
        var s = "size \(b.size.width)×\(b.size.height)\n"
        s += "cursor \(b.cursor.map { "\($0.x),\($0.y)" } ?? "none")\n"
        for r in b.textRows { s += "|" + r + "|\n" }
        s += "legend " + Role.allCases.map { "\($0.letter)=\($0.rawValue)" }.joined(separator: " ") + "\n"
        for r in b.roleRows { s += "|" + r + "|\n" }
        return s
    }

    static func check(_ name: String, _ m: Model, _ size: Size, theme: Theme = .builtInDefault) throws {
        let actual = screen(render(m, size: size, theme: theme))
        let file = dir.appendingPathComponent(name + ".txt")
        if ProcessInfo.processInfo.environment["ALERTMON_UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            try actual.write(to: file, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: file, encoding: .utf8)
        #expect(actual == expected, "golden \(name) differs; rerun with ALERTMON_UPDATE_GOLDEN=1 and review the diff")
    }

    @Test(arguments: [(120, 40), (80, 24), (40, 10), (20, 5)])
    func board(width: Int, height: Int) throws {
        let size = Size(width: width, height: height)
        try Self.check("board-\(width)x\(height)", Fixture.model(size: size), size)
    }

    @Test func detailsOfHostilePlace() throws {
        var m = Fixture.model()
        _ = Fixture.keys(&m, [.char("g")])
        while let p = m.selectedPlaceState, !p.city.hasPrefix("Evil") { _ = Fixture.keys(&m, [.down]) }
        _ = Fixture.keys(&m, [.enter])
        #expect(m.showingDetails)
        try Self.check("details-hostile-120x40", m, Size(width: 120, height: 40))
    }

    @Test func logDetailsNarrow() throws {
        var m = Fixture.model(size: Size(width: 80, height: 24))
        _ = Fixture.keys(&m, [.tab, .char("G"), .enter])
        try Self.check("details-log-80x24", m, Size(width: 80, height: 24))
    }

    @Test func helpOverlay() throws {
        var m = Fixture.model(size: Size(width: 80, height: 24))
        _ = Fixture.keys(&m, [.char("?")])
        try Self.check("help-80x24", m, Size(width: 80, height: 24))
    }

    @Test func filteringPrompt() throws {
        var m = Fixture.model(size: Size(width: 80, height: 24))
        _ = Fixture.keys(&m, [.char("/")])
        Fixture.type(&m, "alm|акт")
        try Self.check("filtering-80x24", m, Size(width: 80, height: 24))
    }

    @Test func monoThemeGlyphs() throws {
        var m = Fixture.model(size: Size(width: 100, height: 20))
        _ = Fixture.keys(&m, [.char("s"), .char("f")])
        var t = Theme.builtInMono
        t.setLook(LevelLook(glyph: "!", label: "CRITICAL"), for: .red)
        try Self.check("sorted-by-name-yellow-up-100x20", m, Size(width: 100, height: 20), theme: t)
    }

    /// Mid-replay: Almaty red, Astana just declared (the current event), the timeline on Almaty.
    static func midReplay(_ size: Size) -> Model {
        var m = Fixture.replay(size: size)
        _ = Fixture.keys(&m, [.char("."), .char("."), .char("}"), .char("]"), .char("g")])
        while m.selectedPlaceState?.city != "Almaty" { _ = Fixture.keys(&m, [.down]) }
        return m
    }

    @Test(arguments: [(120, 40), (80, 24)])
    func replayWithTimeline(width: Int, height: Int) throws {
        let size = Size(width: width, height: height)
        try Self.check("replay-\(width)x\(height)", Self.midReplay(size), size)
    }

    @Test func replayInMono() throws {
        let size = Size(width: 120, height: 40)
        try Self.check("replay-mono-120x40", Self.midReplay(size), size, theme: .builtInMono)
    }

    @Test func replayJumpPrompt() throws {
        var m = Self.midReplay(Size(width: 80, height: 24))
        _ = Fixture.keys(&m, [.char(":")])
        Fixture.type(&m, "-15m")
        try Self.check("replay-jump-80x24", m, Size(width: 80, height: 24))
    }

    /// Live with arrivals while scrolled away, a follow problem and a hook note.
    @Test func liveWithNewsProblemsAndNotes() throws {
        var m = Fixture.model()
        _ = Fixture.keys(&m, [.tab, .char("k")])
        _ = Model.update(&m, .transitions([LiveUpdateTests.atyrau]))
        _ = Model.update(&m, .followStatus(["inbox/: folder was removed — retrying"]))
        _ = Model.update(&m, .note("hook failed: notify-send: exit 1"))
        try Self.check("live-news-120x40", m, Size(width: 120, height: 40))
    }

    @Test func liveFrozen() throws {
        var m = Fixture.model(size: Size(width: 80, height: 24))
        _ = Fixture.keys(&m, [.char("p")])
        _ = Model.update(&m, .transitions([LiveUpdateTests.atyrau]))
        try Self.check("live-frozen-80x24", m, Size(width: 80, height: 24))
    }
}
