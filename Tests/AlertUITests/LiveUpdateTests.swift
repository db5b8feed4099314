import AlertCore
import Testing

@testable import AlertUI

/// Live following through `update`: arrivals, the bell, "N new", freezing, follow problems and notes.
struct LiveUpdateTests {
    static func transition(_ city: String, _ level: Level, _ iso: String, reported: String? = nil) -> Transition {
        Transition(
            city: city, country: "KZ", level: level, kind: .declared, effective: Fixture.ts(iso),
            reported: reported.map(Fixture.ts), source: "reports/\(city.lowercased())-live.txt")
    }

    static let atyrau = transition("Atyrau", .orange, "2016-08-01T11:55:00+06:00")

    func row(_ b: CellBuffer, containing text: String) -> Int? { b.textRows.firstIndex { $0.contains(text) } }

    @Test func arrivalsAreHighlightedForAFewSeconds() throws {
        var m = Fixture.model()
        #expect(Model.update(&m, .transitions([Self.atyrau])) == [])
        var b = render(m, size: m.size, theme: .builtInDefault)
        let layout = m.layout(m.size)
        let boardRow = try #require(
            (layout.boardBody.y..<layout.boardBody.maxY).first { b.textRows[$0].contains("Atyrau") })
        #expect(b[layout.boardBody.x, boardRow]?.grapheme == "▸")
        #expect(b[layout.boardBody.x, boardRow]?.role == .highlight)
        let logLine = b.textRows[layout.logBody.y..<layout.logBody.maxY].firstIndex {
            $0.dropFirst(layout.log.x).contains("Atyrau")
        }
        let logRow = try #require(logLine)
        #expect(b[layout.log.x, logRow]?.grapheme == "▸")
        _ = Model.update(&m, .tick(Fixture.now.adding(seconds: Model.highlightSeconds)))
        b = render(m, size: m.size, theme: .builtInDefault)
        #expect(!b.textRows.joined().contains("▸"))
    }

    @Test func theBellRingsOnlyForARaiseWhenAskedTo() {
        var m = Fixture.model()
        #expect(Model.update(&m, .transitions([Self.atyrau])) == [], "no --bell")
        m.bellOnRaise = true
        #expect(
            Model.update(&m, .transitions([Self.transition("Oral", .yellow, "2016-08-01T11:56:00+06:00")])) == [.bell])
        let lower = Self.transition("Oral", .normal, "2016-08-01T11:57:00+06:00")
        #expect(Model.update(&m, .transitions([lower])) == [])
        #expect(Model.update(&m, .transitions([lower])) == [], "nothing new")
    }

    @Test func scrolledAwayTheViewStaysAndCountsWhatArrived() {
        var m = Fixture.model()
        _ = Fixture.keys(&m, [.tab, .char("k"), .char("k")])
        let held = m.selectedLogEntry
        let top = m.logTop
        #expect(!m.following)
        _ = Model.update(
            &m, .transitions([Self.atyrau, Self.transition("Oral", .yellow, "2016-08-01T11:56:00+06:00")]))
        #expect(m.selectedLogEntry == held)
        #expect(m.logTop == top)
        #expect(m.unseen == 2)
        #expect(render(m, size: m.size, theme: .builtInDefault).textRows[0].contains("2 new (End)"))
        _ = Fixture.keys(&m, [.end])
        #expect(m.following && m.unseen == 0)
        #expect(m.selectedLogEntry?.city == "Oral")
    }

    @Test func followingShowsTheNewestEntry() {
        var m = Fixture.model(size: Size(width: 80, height: 24))
        _ = Model.update(&m, .transitions([Self.atyrau]))
        #expect(m.unseen == 0)
        #expect(m.selectedLogEntry?.city == "Atyrau")
        let rows = render(m, size: m.size, theme: .builtInDefault).textRows
        #expect(rows[m.layout(m.size).logRowsRect(m).maxY - 1].contains("Atyrau"))
    }

    @Test func freezingHoldsTheScreenUntilPressedAgain() {
        var m = Fixture.model()
        _ = Fixture.keys(&m, [.char("p")])
        #expect(m.frozen)
        _ = Model.update(&m, .transitions([Self.atyrau]))
        _ = Model.update(&m, .tick(Fixture.now.adding(seconds: 3)))
        #expect(m.arrivedWhileFrozen == 1)
        #expect(!m.places.contains { $0.city == "Atyrau" })
        #expect(m.machine.state(of: Self.atyrau.placeKey, at: Fixture.now)?.level == .orange, "data kept coming in")
        let frozen = render(m, size: m.size, theme: .builtInDefault)
        #expect(frozen.textRows[1].contains("PAUSED — p to resume, 1 new arrived"))
        #expect(frozen.textRows[2...] == render(m, size: m.size, theme: .builtInDefault).textRows[2...])
        _ = Fixture.keys(&m, [.char("p")])
        #expect(!m.frozen && m.arrivedWhileFrozen == 0)
        #expect(m.places.contains { $0.city == "Atyrau" && $0.level == .orange })
        #expect(m.now == Fixture.now.adding(seconds: 3))
        #expect(render(m, size: m.size, theme: .builtInDefault).textRows.joined().contains("▸"))
    }

    @Test func followProblemsShowInTheHeaderUntilCleared() {
        var m = Fixture.model()
        _ = Model.update(&m, .followStatus(["inbox/: folder was removed — retrying", "feed.xml: unreadable"]))
        var b = render(m, size: m.size, theme: .builtInDefault)
        #expect(b.textRows[1].contains("! inbox/: folder was removed — retrying (+1 more)"))
        let x = b.textRows[1].distance(
            from: b.textRows[1].startIndex, to: b.textRows[1].range(of: "! inbox")!.lowerBound)
        #expect(b[x, 1]?.role == .warning)
        _ = Model.update(&m, .followStatus([]))
        b = render(m, size: m.size, theme: .builtInDefault)
        #expect(!b.textRows[1].contains("inbox"))
    }

    @Test func notesShowAtTheFootOfTheLogAndKeepFifty() {
        var m = Fixture.model()
        for i in 0..<60 { _ = Model.update(&m, .note("hook failed: notify-send: exit \(i)\u{1B}[2J")) }
        #expect(m.notes.count == Model.noteLimit)
        #expect(m.notes.first?.text.hasPrefix("hook failed: notify-send: exit 10") == true)
        let b = render(m, size: m.size, theme: .builtInDefault)
        let layout = m.layout(m.size)
        let foot = b.textRows[layout.logBody.maxY - 1]
        #expect(foot.contains("12:00:00 note: hook failed: notify-send: exit 59␛[2J"))
        #expect(b[layout.logBody.x + 1, layout.logBody.maxY - 1]?.role == .dim)
        #expect(layout.noteRows(m) == 3)
    }

    @Test func lateReportsAreTaggedInTheLog() throws {
        var m = Fixture.model()
        let early = Self.transition(
            "Almaty", .orange, "2016-07-18T10:00:00+06:00", reported: "2016-08-01T11:59:00+06:00")
        _ = Model.update(&m, .transitions([early]))
        let entry = try #require(m.log.first { $0.city == "Almaty" && $0.to == .orange })
        #expect(entry.late)
        for (width, tag) in [(200, "declared late"), (120, "ORANGE late")] {
            let size = Size(width: width, height: 40)
            _ = Model.update(&m, .resize(size))
            let b = render(m, size: size, theme: .builtInDefault)
            let line = try #require(b.textRows.first { $0.contains("07-18 10:00 Almaty") })
            #expect(line.contains(tag), "\(width) columns")
        }
    }

    @Test func homeAndEndMoveLikeGAndShiftG() {
        var m = Fixture.model()
        _ = Fixture.keys(&m, [.end])
        #expect(m.boardSel == m.boardRows.count - 1)
        _ = Fixture.keys(&m, [.home])
        #expect(m.boardSel == 0)
    }
}
