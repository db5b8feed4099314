import AlertCore
import TestSupport
import Testing

@testable import AlertUI

/// A step moves only the changed places' rows (binary search, no sort): after any sequence of steps,
/// seeks, filter and order changes, the rows, counts and board must be exactly what a rebuild and a
/// full sort give.
struct BoardRowsPropertyTests {
    static let day = CivilDate(year: 2016, month: 7, day: 18)
    static let names = ["Almaty", "Astana", "Aktau", "Taraz", "Oral", "Kostanay", "Semey", "Turkistan", "Ekibastuz"]

    /// Up to 150 places (more than a step updates row by row), most events on `day`, some the day before.
    static func machine(_ rng: inout SeededRandom) -> StateMachine {
        let places = Int.random(in: 2...150, using: &rng)
        let start = day.dayNumber * 86_400
        var ts: [Transition] = []
        for k in 0..<Int.random(in: 1...900, using: &rng) {
            let p = Int.random(in: 0..<places, using: &rng)
            let at = start - 86_400 + Int64.random(in: 0..<(2 * 86_400), using: &rng) / 600 * 600
            let until: Timestamp? =
                Int.random(in: 0..<3, using: &rng) == 0
                ? Timestamp(seconds: at + Int64.random(in: 0...8, using: &rng) * 1_800) : nil
            ts.append(
                Transition(
                    city: "\(names[p % names.count]) \(p)", country: "KZ",
                    level: Level.allCases.randomElement(using: &rng)!,
                    kind: [nil, .declared, .lifted, .raised, .lowered].randomElement(using: &rng)!,
                    effective: Timestamp(seconds: at), until: until, source: "s\(k % 7).txt", evidence: "e\(k)"))
        }
        return StateMachine(ts)
    }

    /// What a rebuild of the board at the model's instant and a full filter and sort give.
    static func expectRebuilt(_ m: Model, _ what: String) {
        var full = m
        full.refilter()
        #expect(full.boardRows == m.boardRows, "rows after \(what)")
        var fresh = m
        fresh.rebuildBoard()
        #expect(fresh.counts == m.counts, "counts after \(what)")
        #expect(Set(fresh.board) == Set(m.board), "board after \(what)")
        #expect(fresh.boardRows.map { fresh.board[$0] } == m.boardRows.map { m.board[$0] }, "row order after \(what)")
        #expect(full.boardSel == m.boardSel, "selection after \(what)")
        for (i, e) in m.board.enumerated() { #expect(m.slot[Int(e.place)] == Int32(i)) }
    }

    @Test func replayStepsKeepTheRowsOfAFullSort() {
        var rng = SeededRandom(seed: 20_160_718)
        let keys: [[Key]] = [
            [.char(".")], [.char(".")], [.char(".")], [.char(",")], [.char(",")], [.char(",")], [.char("}")],
            [.char("{")], [.home], [.end], [.char("s")], [.char("f")], [.char("j")], [.char("k")], [.char("G")],
            [.char("/"), .char("a"), .enter], [.char("/"), .char("5"), .enter], [.escape], [.char("c")],
            [.char(":"), .char("1"), .char("2"), .char(":"), .char("0"), .char("0"), .enter],
            [.char(":"), .char("0"), .char("3"), .char(":"), .char("3"), .char("0"), .enter],
        ]
        for _ in 0..<60 {
            let machine = Self.machine(&rng)
            let start = Timestamp(seconds: Self.day.dayNumber * 86_400)
            let cursor = ReplayCursor(
                day: Self.day, events: machine.changes(from: start, to: start.adding(seconds: 86_399)))
            var m = Model(machine: machine, now: start, size: Size(width: 200, height: 60), replay: cursor)
            for _ in 0..<120 {
                let k = keys.randomElement(using: &rng)!
                for key in k { _ = Model.update(&m, .key(key)) }
                Self.expectRebuilt(m, "\(k)")
            }
        }
    }

    @Test func liveTicksKeepTheRowsOfAFullSort() {
        var rng = SeededRandom(seed: 34_006)
        for _ in 0..<60 {
            let machine = Self.machine(&rng)
            var now = Timestamp(seconds: Self.day.dayNumber * 86_400 - 86_400)
            var m = Model(machine: machine, now: now, size: Size(width: 200, height: 60))
            if Bool.random(using: &rng) { _ = Model.update(&m, .key(.char("s"))) }
            if Bool.random(using: &rng) { _ = Model.update(&m, .key(.char("f"))) }
            for _ in 0..<100 {
                now = now.adding(seconds: Int64.random(in: 1...3_600, using: &rng))
                _ = Model.update(&m, .tick(now))
                Self.expectRebuilt(m, "a tick to \(now)")
            }
        }
    }
}
