import AlertCore
import Testing

@testable import AlertUI

/// The replay keys through `update`: stepping, seeking, speed, days, the jump prompt, elapsed time.
struct ReplayUpdateTests {
    func time(_ m: Model) -> String { m.replay!.time.iso }
    func level(_ m: Model, _ city: String) -> Level? { m.places.first { $0.city == city }?.level }

    @Test func opensPausedAtMidnightWithTheDaysEvents() {
        let m = Fixture.replay()
        #expect(m.mode == .replay)
        #expect(m.replay?.playing == false)
        #expect(m.now == Timestamp(seconds: Fixture.replayDay.dayNumber * 86_400))
        #expect(m.log.map(\.city) == ["Almaty", "Astana", "Almaty"])
        #expect(m.logRows.count == 3)
        #expect(Fixture.board(m) == Fixture.board(m.machine, at: m.now))
        #expect(m.days.contains(Fixture.replayDay))
    }

    @Test func steppingEitherWayMatchesTheFoldAtTheCursor() {
        var m = Fixture.replay()
        var forward: [[PlaceState]] = []
        for k in 0..<3 {
            #expect(Fixture.keys(&m, [.char(".")]) == [])
            #expect(m.replay?.eventIndex == k)
            #expect(m.now == m.log[k].time)
            #expect(Fixture.board(m) == Fixture.board(m.machine, at: m.now))
            #expect(m.logSel == k, "the log's selection follows the current event")
            forward.append(Fixture.board(m))
        }
        #expect(level(m, "Almaty") == .yellow)
        #expect(Fixture.keys(&m, [.char(".")]) == [.bell], "no event after the last")
        for k in (0..<2).reversed() {
            _ = Fixture.keys(&m, [.char(",")])
            #expect(m.replay?.eventIndex == k)
            #expect(Fixture.board(m) == forward[k])
        }
        _ = Fixture.keys(&m, [.char(",")])
        #expect(m.replay?.eventIndex == nil)
        #expect(time(m) == "2016-07-18T00:00:00Z")
        #expect(level(m, "Almaty") == nil)
        #expect(Fixture.keys(&m, [.char(",")]) == [.bell], "nothing before the start of the day")
    }

    @Test func speedDoublesAndHalvesWithinBounds() {
        var m = Fixture.replay()
        #expect(m.replay?.speed == 60)
        _ = Fixture.keys(&m, [.char("]")])
        #expect(m.replay?.speed == 120)
        for _ in 0..<10 { _ = Fixture.keys(&m, [.char("]")]) }
        #expect(m.replay?.speed == 3600)
        #expect(Fixture.keys(&m, [.char("]")]) == [.bell])
        for _ in 0..<12 { _ = Fixture.keys(&m, [.char("[")]) }
        #expect(m.replay?.speed == 1)
        #expect(Fixture.keys(&m, [.char("[")]) == [.bell])
    }

    @Test func hoursAndDayEdges() {
        var m = Fixture.replay()
        #expect(Fixture.keys(&m, [.char("{")]) == [.bell])
        _ = Fixture.keys(&m, [.char("}"), .char("}"), .char("}"), .char("}"), .char("}"), .char("}")])
        #expect(time(m) == "2016-07-18T06:00:00Z")
        #expect(level(m, "Almaty") == .red && level(m, "Astana") == .yellow)
        _ = Fixture.keys(&m, [.char("{")])
        #expect(time(m) == "2016-07-18T05:00:00Z")
        #expect(level(m, "Astana") == nil)
        _ = Fixture.keys(&m, [.end])
        #expect(time(m) == "2016-07-18T23:59:59Z")
        #expect(m.replay?.eventIndex == 2)
        #expect(Fixture.keys(&m, [.char("}")]) == [.bell])
        _ = Fixture.keys(&m, [.home])
        #expect(time(m) == "2016-07-18T00:00:00Z")
        #expect(m.replay?.eventIndex == nil)
    }

    @Test func daysWithEventsForwardAndBack() {
        var m = Fixture.replay()
        _ = Fixture.keys(&m, [.char("d")])
        #expect(m.replay?.day == CivilDate(year: 2016, month: 7, day: 20))
        #expect(m.log.map(\.city) == ["東京"])
        #expect(time(m) == "2016-07-20T00:00:00Z")
        _ = Fixture.keys(&m, [.char("D")])
        #expect(m.replay?.day == Fixture.replayDay)
        _ = Fixture.keys(&m, [.char("D")])
        #expect(m.replay?.day == CivilDate(year: 2016, month: 7, day: 14), "Paris, at +02")
        while Fixture.keys(&m, [.char("D")]).isEmpty {}
        #expect(m.replay?.day == m.days.first)
        #expect(m.status == "no earlier day with events")
        while Fixture.keys(&m, [.char("d")]).isEmpty {}
        #expect(m.replay?.day == m.days.last)
    }

    @Test func anEmptyDaySaysSoAndKeepsThePastBoard() {
        var m = Fixture.replay(day: CivilDate(year: 2016, month: 7, day: 19), size: Size(width: 100, height: 30))
        #expect(m.log.isEmpty)
        #expect(level(m, "Almaty") == .yellow, "the board carries the days before")
        #expect(Fixture.keys(&m, [.char(".")]) == [.bell])
        let rows = render(m, size: m.size, theme: .builtInDefault).textRows
        #expect(rows.contains { $0.contains("No changes on 2016-07-19") })
        _ = Model.update(&m, .key(.char(" ")))
        _ = Model.update(&m, .elapsed(30))
        #expect(time(m) == "2016-07-19T23:59:59Z", "an empty day plays through in max-gap seconds")
        #expect(m.replay?.playing == false)
    }

    @Test func playingFollowsRealElapsedTimeWithQuietStretchesCompressed() {
        var m = Fixture.replay()
        _ = Model.update(&m, .elapsed(5))
        #expect(time(m) == "2016-07-18T00:00:00Z", "paused: elapsed time does nothing")
        _ = Fixture.keys(&m, [.char(" ")])
        #expect(m.isPlaying)
        // Midnight to the first event (05:00) is 5 h: with a 10 s gap limit it takes 10 real seconds.
        _ = Model.update(&m, .elapsed(5))
        #expect(time(m) == "2016-07-18T02:30:00Z")
        _ = Model.update(&m, .elapsed(5.1))
        #expect(time(m) == "2016-07-18T05:00:36Z", "then 05:00 to 06:00 runs at 360×")
        #expect(m.replay?.eventIndex == 0)
        #expect(level(m, "Almaty") == .red)
        #expect(Fixture.board(m) == Fixture.board(m.machine, at: m.now))
        _ = Fixture.keys(&m, [.char(" ")])
        #expect(!m.isPlaying)
    }

    @Test func jumpPromptTakesTimesInTheScreenZoneAndRelativeOffsets() {
        var m = Fixture.replay()
        _ = Fixture.keys(&m, [.char(":")])
        #expect(m.mode == .jumping)
        Fixture.type(&m, "11:30")
        #expect(m.jumpText == "11:30")
        _ = Fixture.keys(&m, [.enter])
        #expect(m.mode == .replay)
        #expect(time(m) == "2016-07-18T05:30:00Z", "11:30 at +06")
        #expect(level(m, "Almaty") == .red)
        _ = Fixture.keys(&m, [.char(":")])
        Fixture.type(&m, "-45m")
        _ = Fixture.keys(&m, [.enter])
        #expect(time(m) == "2016-07-18T04:45:00Z")
        #expect(level(m, "Almaty") == nil)
        _ = Fixture.keys(&m, [.char(":")])
        Fixture.type(&m, "2016-07-20 07:00")
        _ = Fixture.keys(&m, [.enter])
        #expect(m.replay?.day == CivilDate(year: 2016, month: 7, day: 20))
        #expect(time(m) == "2016-07-20T01:00:00Z")
        #expect(m.replay?.eventIndex == 0)
    }

    @Test func aBadJumpShowsWhyAndKeepsThePrompt() {
        var m = Fixture.replay()
        _ = Fixture.keys(&m, [.char(":")])
        Fixture.type(&m, "25:99")
        #expect(Fixture.keys(&m, [.enter]) == [.bell])
        #expect(m.mode == .jumping)
        #expect(m.status?.contains("25:99") == true)
        _ = Fixture.keys(&m, [.backspace, .backspace, .backspace, .backspace, .backspace])
        #expect(Fixture.keys(&m, [.backspace]) == [.bell])
        _ = Fixture.keys(&m, [.escape])
        #expect(m.mode == .replay)
        #expect(time(m) == "2016-07-18T00:00:00Z")
        let rows = render(m, size: m.size, theme: .builtInDefault).textRows
        #expect(!rows[1].contains("Jump to"))
    }

    @Test func promptSaysWhatRelativeIsRelativeTo() {
        var m = Fixture.replay()
        _ = Fixture.keys(&m, [.char("}"), .char(":")])
        Fixture.type(&m, "+1h")
        let b = render(m, size: m.size, theme: .builtInDefault)
        #expect(b.textRows[1].contains("from 07:00 replay time): +1h"))
        #expect(b.cursor == Point(x: 1 + TextWidth.of(HeaderView.jumpPrompt(m)) + 3, y: 1))
    }

    @Test func cityFilterIsPrefilled() {
        let m = Fixture.replay(filter: "almaty|astana")
        #expect(m.filterText == "almaty|astana")
        #expect(Set(m.logRows.map { m.log[$0].city }) == ["Almaty", "Astana"])
    }

    @Test func headerShowsReplayTimeSpeedAndPlayState() {
        var m = Fixture.replay()
        _ = Fixture.keys(&m, [.char(".")])
        var top = render(m, size: m.size, theme: .builtInDefault).textRows[0]
        #expect(top.contains("2016-07-18 11:00:00 +06  REPLAY ❚❚ ×60"))
        _ = Fixture.keys(&m, [.char(" "), .char("]")])
        top = render(m, size: m.size, theme: .builtInDefault).textRows[0]
        #expect(top.contains("REPLAY ▶ ×120"))
    }

    @Test func timelineShowsTheSelectedPlaceHourByHourWithTheCursorHour() {
        var m = Fixture.replay()
        _ = Fixture.keys(&m, [.end])
        while m.selectedPlaceState?.city != "Almaty" { _ = Fixture.keys(&m, [.down]) }
        let b = render(m, size: m.size, theme: .builtInMono)
        let layout = m.layout(m.size)
        #expect(layout.timeline.height == TimelineView.height)
        let rows = b.textRows
        #expect(rows[layout.timeline.y].contains("Day 2016-07-18 by UTC hour · Almaty KZ"))
        let cells = Array(rows[layout.timeline.y + 1].dropFirst(TimelineView.labelWidth))
        // 4 columns per hour at 120: normal until 05, red 05–15, lowered to yellow at 16:00.
        #expect(cells[0] == "·" && cells[4 * 4] == "·")
        #expect(cells[5 * 4] == "●" && cells[15 * 4 + 2] == "●")
        #expect(cells[16 * 4] == "◆" && cells[23 * 4] == "◆")
        let axis = layout.timeline.y + 3
        let x = TimelineView.labelWidth + 23 * 4
        #expect(b[x, axis]?.role == .selection, "the cursor's hour is marked")
        // Three hours have one change each: full blocks, readable without colour.
        #expect(rows[layout.timeline.y + 2].filter { $0 == "█" }.count == 9)
    }

    @Test func timelineHidesWhenTheScreenIsShort() {
        let m = Fixture.replay(size: Size(width: 80, height: 19))
        #expect(m.layout(m.size).timeline.isEmpty)
        #expect(!render(m, size: m.size, theme: .builtInDefault).textRows.joined().contains("by UTC hour"))
    }

    @Test func theSameKeysGiveTheSameFrames() {
        let script: [Msg] =
            [
                .key(.char(" ")), .elapsed(3), .elapsed(4.5), .key(.char("]")), .elapsed(2), .key(.char(".")),
                .key(.char(",")), .key(.tab), .key(.char("}")), .key(.char(":")), .key(.char("+")), .key(.char("2")),
                .key(.char("h")), .key(.enter), .elapsed(7), .key(.char("d")), .key(.char("D")), .key(.char("f")),
                .elapsed(1.5), .key(.end), .key(.char("s")),
            ]
        func run() -> [[String]] {
            var m = Fixture.replay()
            var frames: [[String]] = [Fixture.frame(m)]
            for msg in script {
                _ = Model.update(&m, msg)
                frames.append(Fixture.frame(m))
            }
            return frames
        }
        let a = run()
        let b = run()
        #expect(a == b)
        #expect(Set(a.map { $0.joined() }).count > 10, "the script moves the replay")
    }

    @Test func everyReplayKeyIsInTheHelp() {
        let lines = HelpOverlay.lines(KeyMap.standard)
        let keys: [Key] = [.char(" "), .char("."), .char(","), .char("]"), .char("["), .char("}"), .char("{")]
        for key in keys + [.char("d"), .char("D"), .char(":"), .home, .end] {
            #expect(
                lines.contains { $0.keys?.split(separator: " ").contains(Substring(key.description)) == true },
                "\(key)")
        }
        #expect(lines.contains { $0.keys == "Home" && $0.text == "Go to the start of the day" })
    }
}
