import AlertCore
import Testing

@testable import AlertUI

struct UpdateTests {
    func boardNames(_ m: Model) -> [String] { m.boardRows.map { m.places[$0].city } }
    func logNames(_ m: Model) -> Set<String> { Set(m.logRows.map { m.log[$0].city }) }

    @Test func quitFromEveryModeButTypingQ() {
        var m = Fixture.model()
        #expect(Fixture.keys(&m, [.char("q")]) == [.quit])
        #expect(Fixture.keys(&m, [.ctrl("c")]) == [.quit])
        _ = Fixture.keys(&m, [.char("/")])
        #expect(Fixture.keys(&m, [.char("q")]) == [])
        #expect(m.filterText == "q")
        #expect(Fixture.keys(&m, [.ctrl("c")]) == [.quit])
    }

    @Test func tooSmallStillQuits() {
        var m = Fixture.model(size: Size(width: 30, height: 8))
        #expect(m.mode == .tooSmall)
        #expect(Fixture.keys(&m, [.char("j")]) == [])
        #expect(Fixture.keys(&m, [.char("q")]) == [.quit])
    }

    @Test func boardOrderIsSeverityThenName() {
        let m = Fixture.model()
        #expect(
            boardNames(m).prefix(5).map { $0.hasPrefix("Evil") ? "Evil" : $0 } == [
                "Evil", "Paris", "Актобе", "Almaty", "東京",
            ])
    }

    @Test func sortCycles() {
        var m = Fixture.model()
        _ = Fixture.keys(&m, [.char("s")])
        #expect(m.order == .name)
        #expect(boardNames(m).first == "Almaty")
        _ = Fixture.keys(&m, [.char("s")])
        #expect(m.order == .recent)
        #expect(boardNames(m).first?.hasPrefix("Evil") == true)
        _ = Fixture.keys(&m, [.char("s")])
        #expect(m.order == .severity)
    }

    @Test(arguments: ["alm", "ALM", "Almatý", "  almaty "])
    func filterFoldsCaseAndDiacritics(_ q: String) {
        var m = Fixture.model()
        _ = Fixture.keys(&m, [.char("/")])
        Fixture.type(&m, q)
        #expect(boardNames(m) == ["Almaty"])
        #expect(logNames(m) == ["Almaty"])
    }

    @Test func aliasMatcherIsInjected() {
        let aliases: [String: [String]] = ["almaty": ["алматы", "alma-ata"]]
        var m = Fixture.model()
        m.matcher = PlaceMatcher { place, term in
            place.folded.contains(term) || (aliases[place.folded] ?? []).contains { $0.contains(term) }
        }
        for q in ["Алматы", "alma-ata", "alm"] {
            _ = Fixture.keys(&m, [.char("/")])
            Fixture.type(&m, q)
            #expect(boardNames(m) == ["Almaty"], "query \(q)")
            _ = Fixture.keys(&m, [.escape])
            #expect(m.filterText.isEmpty)
        }
    }

    /// Names are folded once, on the first query; a reload numbers places afresh, and the filter must
    /// match the new places by their own names, not by what the old numbers held.
    @Test func filterHoldsAcrossAReloadThatRenumbersPlaces() {
        var m = Fixture.model()
        _ = Fixture.keys(&m, [.char("/")])
        Fixture.type(&m, "alm")
        _ = Fixture.keys(&m, [.enter])
        #expect(boardNames(m) == ["Almaty"])
        let reordered =
            Fixture.transitions.filter { $0.city != "Almaty" } + Fixture.transitions.filter { $0.city == "Almaty" }
        _ = Model.update(&m, .loaded(StateMachine(reordered)))
        #expect(boardNames(m) == ["Almaty"])
        #expect(logNames(m) == ["Almaty"])
    }

    @Test func invertedAndAlternatives() {
        var m = Fixture.model()
        _ = Fixture.keys(&m, [.char("/")])
        Fixture.type(&m, "alm|акт")
        #expect(Set(boardNames(m)) == ["Almaty", "Актобе"])
        _ = Fixture.keys(&m, [.enter])
        #expect(!m.filtering)
        #expect(m.filterText == "alm|акт")
        _ = Fixture.keys(&m, [.char("/")])
        for _ in 0..<7 { _ = Fixture.keys(&m, [.backspace]) }
        Fixture.type(&m, "!alm|акт")
        #expect(!boardNames(m).contains("Almaty"))
        #expect(!boardNames(m).contains("Актобе"))
        #expect(boardNames(m).count == m.places.count - 2)
        #expect(!logNames(m).contains("Almaty"))
    }

    @Test func filterSurvivesPaneThemeAndOrderSwitches() {
        var m = Fixture.model()
        _ = Fixture.keys(&m, [.char("/")])
        Fixture.type(&m, "ast")
        _ = Fixture.keys(&m, [.enter, .tab, .char("s"), .char("f")])
        let fx = Fixture.keys(&m, [.char("t")])
        #expect(fx == [.switchTheme(name: "light")])
        _ = Model.update(&m, .themeSwitched(index: 1))
        #expect(m.filterText == "ast")
        #expect(logNames(m) == ["Astana"])
        _ = Fixture.keys(&m, [.escape])
        #expect(m.filterText.isEmpty)
        #expect(m.levelFilter == .all)
    }

    @Test func backspaceEditsAndBellsWhenEmpty() {
        var m = Fixture.model()
        _ = Fixture.keys(&m, [.char("/")])
        Fixture.type(&m, "ab")
        #expect(Fixture.keys(&m, [.backspace]) == [])
        #expect(m.filterText == "a")
        _ = Fixture.keys(&m, [.backspace])
        #expect(Fixture.keys(&m, [.backspace]) == [.bell])
    }

    @Test func levelFilterCycles() {
        var m = Fixture.model()
        var seen: [Int] = []
        for _ in 0..<4 {
            _ = Fixture.keys(&m, [.char("f")])
            seen.append(m.boardRows.count)
            #expect(m.boardRows.allSatisfy { m.places[$0].level >= m.levelFilter.floor })
        }
        #expect(m.levelFilter == .all)
        #expect(seen == [5, 3, 1, 7])
    }

    @Test func movementKeysAndBounds() {
        var m = Fixture.model(size: Size(width: 80, height: 24))
        _ = Fixture.keys(&m, [.char("j"), .down])
        #expect(m.boardSel == 2)
        _ = Fixture.keys(&m, [.char("k")])
        #expect(m.boardSel == 1)
        _ = Fixture.keys(&m, [.char("G")])
        #expect(m.boardSel == m.boardRows.count - 1)
        _ = Fixture.keys(&m, [.pageDown, .down])
        #expect(m.boardSel == m.boardRows.count - 1)
        _ = Fixture.keys(&m, [.char("g"), .up, .pageUp])
        #expect(m.boardSel == 0)
        // The live log follows its newest entry, at the bottom; moving up stops following.
        #expect(m.logSel == m.logRows.count - 1 && m.following)
        _ = Fixture.keys(&m, [.right, .char("k")])
        #expect(m.focus == .log && m.logSel == m.logRows.count - 2 && !m.following)
        _ = Fixture.keys(&m, [.end])
        #expect(m.logSel == m.logRows.count - 1 && m.following)
        _ = Fixture.keys(&m, [.char("h")])
        #expect(m.focus == .board)
    }

    @Test func selectionFollowsThePlaceAcrossResorts() {
        var m = Fixture.model()
        while m.selectedPlaceState?.city != "Paris" { _ = Fixture.keys(&m, [.down]) }
        _ = Fixture.keys(&m, [.char("s")])
        #expect(m.selectedPlaceState?.city == "Paris")
    }

    @Test func detailsAndHelpOpenAndClose() {
        var m = Fixture.model()
        _ = Fixture.keys(&m, [.enter])
        #expect(m.mode == .details)
        _ = Fixture.keys(&m, [.char("?")])
        #expect(m.mode == .help)
        _ = Fixture.keys(&m, [.escape])
        #expect(m.mode == .details)
        _ = Fixture.keys(&m, [.escape])
        #expect(m.mode == .live)
        #expect(Fixture.keys(&m, [.function(1)]) == [])
        #expect(m.mode == .help)
    }

    @Test func tickAppliesExpiriesAndNewTransitions() {
        var m = Fixture.model()
        let almaty = { (m: Model) in m.places.first { $0.city == "Almaty" }?.level }
        #expect(almaty(m) == .yellow)
        _ = Model.update(&m, .tick(Fixture.ts("2016-08-18T00:00:01+06:00")))
        #expect(almaty(m) == .normal)
        #expect(m.log[m.logRows.last!].kind == .expired)
        _ = Model.update(&m, .tick(Fixture.ts("2016-07-18T11:30:00+06:00")))
        #expect(almaty(m) == .red)
        let late = Transition(
            city: "Atyrau", country: "KZ", level: .orange, kind: .declared,
            effective: Fixture.ts("2016-07-18T11:10:00+06:00"),
            source: "reports/atyrau.txt")
        _ = Model.update(&m, .transitions([late]))
        #expect(m.places.contains { $0.city == "Atyrau" && $0.level == .orange })
        #expect(m.counts[Level.orange.rawValue] == m.places.filter { $0.level == .orange }.count)
    }

    @Test func mouseSelectsScrollsAndClicksHints() {
        var m = Fixture.model(size: Size(width: 120, height: 40))
        let layout = Layout(size: m.size)
        _ = Model.update(&m, .mouse(MouseEvent(.press(button: 1), at: Point(x: 5, y: layout.boardBody.y + 2))))
        #expect(m.boardSel == 2 && m.focus == .board)
        _ = Model.update(
            &m, .mouse(MouseEvent(.press(button: 1), at: Point(x: layout.log.x + 3, y: layout.logBody.y + 1))))
        #expect(m.logSel == 1 && m.focus == .log && !m.following)
        _ = Model.update(&m, .mouse(MouseEvent(.wheelDown, at: Point(x: 5, y: layout.boardBody.y))))
        #expect(m.boardSel == 3 && m.focus == .log)
        let hints = FooterHints.place(m.keyMap.footer(in: m.mode), width: layout.footer.width)
        let quit = hints.first { $0.binding.action == .quit }!
        let fx = Model.update(&m, .mouse(MouseEvent(.press(button: 1), at: Point(x: quit.x + 1, y: layout.footer.y))))
        #expect(fx == [.quit])
        let sort = hints.first { $0.binding.action == .cycleOrder }!
        _ = Model.update(&m, .mouse(MouseEvent(.press(button: 1), at: Point(x: sort.x, y: layout.footer.y))))
        #expect(m.order == .name)
    }

    @Test func statusIsSanitised() {
        var m = Fixture.model()
        _ = Model.update(&m, .status("bad\u{1B}[2Jtheme"))
        #expect(m.status == "bad␛[2Jtheme")
    }
}
