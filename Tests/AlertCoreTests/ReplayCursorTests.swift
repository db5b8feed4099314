import Testing

@testable import AlertCore

@Suite struct ReplayCursorTests {
    let day = CivilDate(year: 2016, month: 7, day: 18)

    func entry(_ hour: Int, _ minute: Int = 0, city: String = "Almaty", to: Level = .red) -> LogEntry {
        LogEntry(
            time: Timestamp(seconds: day.dayNumber * 86_400 + Int64(hour * 3600 + minute * 60)), city: city,
            country: "KZ", scope: .city, from: .normal, to: to, kind: .declared, sources: ["a"], evidence: [])
    }

    var cursor: ReplayCursor {
        ReplayCursor(day: day, events: [entry(9), entry(6), entry(9, city: "Astana"), entry(20, 30)], speed: 60)
    }

    func clock(_ c: ReplayCursor) -> Int64 { c.time.seconds - day.dayNumber * 86_400 }

    @Test func startsPausedAtMidnightWithEventsSortedAndKeptInTheDay() {
        let c = ReplayCursor(day: day, events: [entry(6), entry(30), entry(-1)])
        #expect(c.events.count == 1)
        #expect(clock(c) == 0)
        #expect(c.eventIndex == nil)
        #expect(!c.playing)
        #expect(cursor.events.map { $0.time.seconds - day.dayNumber * 86_400 } == [21_600, 32_400, 32_400, 73_800])
    }

    @Test func stepsForwardAndBackOneEventAtATime() {
        var c = cursor
        c.stepForward()
        #expect(c.eventIndex == 0)
        #expect(clock(c) == 6 * 3600)
        c.stepForward()
        c.stepForward()
        #expect(c.eventIndex == 2)
        #expect(c.currentEvent?.city == "Astana")
        c.stepForward()
        c.stepForward()  // stays on the last event
        #expect(c.eventIndex == 3)
        #expect(clock(c) == 20 * 3600 + 1800)
        for _ in 0..<3 { c.stepBack() }
        #expect(c.eventIndex == 0)
        c.stepBack()
        #expect(c.eventIndex == nil)
        #expect(clock(c) == 0)
    }

    @Test func seekingClampsToTheDayAndPicksTheLastEventAtOrBefore() {
        var c = cursor
        c.seek(to: Timestamp(seconds: day.dayNumber * 86_400 + 9 * 3600))
        #expect(c.eventIndex == 2)
        c.seek(to: Timestamp(seconds: day.dayNumber * 86_400 - 500))
        #expect(clock(c) == 0)
        #expect(c.eventIndex == nil)
        c.toEndOfDay()
        #expect(clock(c) == 86_399)
        #expect(c.eventIndex == 3)
        c.moveHours(-1)
        #expect(clock(c) == 86_399 - 3600)
        c.moveHours(+5)
        #expect(clock(c) == 86_399)
        c.toStartOfDay()
        #expect(clock(c) == 0)
    }

    @Test func speedDoublesAndHalvesWithinBounds() {
        var c = ReplayCursor(day: day, events: [], speed: 1)
        c.slower()
        #expect(c.speed == 1)
        for _ in 0..<20 { c.faster() }
        #expect(c.speed == 3600)
        c.slower()
        #expect(c.speed == 1800)
        c.setSpeed(0)
        #expect(c.speed == 1)
    }

    @Test func advanceMovesByElapsedTimesSpeedOnlyWhilePlaying() {
        var c = ReplayCursor(day: day, events: [entry(1)], speed: 60, maxGap: 0)
        c.advance(byReal: 10)
        #expect(clock(c) == 0)
        c.togglePlay()
        c.advance(byReal: 10)
        #expect(clock(c) == 600)
        c.advance(byReal: 0.5)
        c.advance(byReal: 0.5)
        #expect(clock(c) == 660)
        c.advance(byReal: 60)
        #expect(clock(c) == 4260)
        #expect(c.eventIndex == 0)
    }

    @Test func maxGapCapsTheRealWaitButTheClockStaysTrue() {
        // Events at 06:00 and 20:30; at 1× the wait from midnight would be six hours.
        var c = ReplayCursor(day: day, events: [entry(6), entry(20, 30)], speed: 1, maxGap: 10)
        c.togglePlay()
        c.advance(byReal: 5)
        #expect(clock(c) == 3 * 3600)  // half the gap in half of maxGap
        c.advance(byReal: 5)
        #expect(clock(c) == 6 * 3600)
        #expect(c.eventIndex == 0)
        c.advance(byReal: 10)
        #expect(clock(c) == 20 * 3600 + 1800)
        #expect(c.eventIndex == 1)
        // Short gaps are not stretched: the configured speed wins when it is faster.
        var fast = ReplayCursor(day: day, events: [entry(6), entry(6, 1)], speed: 3600, maxGap: 10)
        fast.seek(to: Timestamp(seconds: day.dayNumber * 86_400 + 6 * 3600))
        fast.togglePlay()
        fast.advance(byReal: 1.0 / 60)
        #expect(clock(fast) == 6 * 3600 + 60)
    }

    @Test func noRealWaitExceedsMaxGapAtAnySpeed() {
        for speed in [1, 2, 60, 3600] {
            var c = ReplayCursor(day: day, events: [entry(1), entry(2), entry(23)], speed: speed, maxGap: 4)
            c.togglePlay()
            var waited = 0.0
            var last = c.eventIndex
            while c.playing {
                c.advance(byReal: 0.25)
                waited += 0.25
                if c.eventIndex != last {
                    #expect(waited <= 4.25)
                    waited = 0
                    last = c.eventIndex
                }
            }
            #expect(waited <= 4.25)
            #expect(clock(c) == 86_399)
        }
    }

    @Test func playingStopsAtTheEndOfTheDayAndAnEmptyDayWorks() {
        var c = ReplayCursor(day: day, events: [], speed: 3600, maxGap: 0)
        c.stepForward()
        c.stepBack()
        #expect(c.eventIndex == nil)
        c.togglePlay()
        c.advance(byReal: 30)
        #expect(clock(c) == 86_399)
        #expect(!c.playing)
    }

    @Test func theSameInputsGiveTheSameStates() {
        func run() -> [ReplayCursor] {
            var c = cursor
            var states: [ReplayCursor] = []
            c.togglePlay()
            for k in 0..<200 {
                switch k % 7 {
                case 0: c.advance(byReal: 0.37)
                case 1: c.stepForward()
                case 2: c.faster()
                case 3: c.advance(byReal: 1.1)
                case 4: c.stepBack()
                case 5: c.moveHours(1)
                default: c.advance(byReal: 0.05)
                }
                states.append(c)
            }
            return states
        }
        #expect(run() == run())
    }

    @Test func neighbouringDaysWithEvents() {
        let days = [
            CivilDate(year: 2016, month: 7, day: 1), CivilDate(year: 2016, month: 7, day: 18),
            CivilDate(year: 2016, month: 8, day: 2),
        ]
        #expect(ReplayCursor.neighbour(of: day, in: days, forward: true) == days[2])
        #expect(ReplayCursor.neighbour(of: day, in: days, forward: false) == days[0])
        #expect(ReplayCursor.neighbour(of: days[2], in: days, forward: true) == nil)
        // From a day without events.
        let empty = CivilDate(year: 2016, month: 7, day: 10)
        #expect(ReplayCursor.neighbour(of: empty, in: days, forward: true) == days[1])
        var c = cursor
        c.faster()
        c.togglePlay()
        let moved = c.moved(to: empty, events: [])
        #expect(moved.speed == 120)
        #expect(moved.playing)
        #expect(moved.events.isEmpty)
        #expect(moved.time == Timestamp(year: 2016, month: 7, day: 10))
    }
}

@Suite struct JumpTargetTests {
    let clock = Timestamp(seconds: Timestamp(year: 2016, month: 7, day: 18).seconds + 10 * 3600)

    func jump(_ s: String) -> Timestamp? { try? JumpTarget.parse(s, clock: clock).get() }

    @Test func timesOfDayAndDates() {
        #expect(jump("14:05") == Timestamp(iso: "2016-07-18T14:05Z"))
        #expect(jump(" 00:00:30 ") == Timestamp(iso: "2016-07-18T00:00:30Z"))
        #expect(jump("2016-07-19 14:05") == Timestamp(iso: "2016-07-19T14:05Z"))
        #expect(jump("2016-07-01") == Timestamp(year: 2016, month: 7, day: 1))
    }

    @Test func relativeToTheReplayClock() {
        #expect(jump("-15m") == clock.adding(seconds: -900))
        #expect(jump("+1h") == clock.adding(seconds: 3600))
        #expect(jump("+30s") == clock.adding(seconds: 30))
        #expect(jump("-2h30m") == clock.adding(seconds: -9000))
        #expect(jump("+1d") == clock.adding(seconds: 86_400))
    }

    @Test(arguments: [
        "", "noon", "25:00", "14:60", "14", "+", "-15", "+1x", "+h", "+1h1h", "2016-02-30", "1:2:3:4", "+1h-",
    ])
    func badTextGivesAClearMessage(_ s: String) throws {
        guard case .failure(let e) = JumpTarget.parse(s, clock: clock) else {
            Issue.record("accepted \"\(s)\"")
            return
        }
        #expect(!e.message.isEmpty)
        #expect(!e.message.contains("\n"))
    }
}

@Suite struct TimelineTests {
    let day = CivilDate(year: 2016, month: 7, day: 2)

    @Test func hourlyMaximumOfAPlace() {
        let sm = StateMachine([
            tr(.yellow, at(1)), tr(.red, at(2, 6, 30)), tr(.orange, at(2, 7, 15)),
            tr(.orange, at(2, 9), kind: .lifted), tr(.yellow, at(2, 23, 59), until: at(3, 5)),
        ])
        let t = sm.timeline(of: almaty, day: day, cursor: at(2, 8))
        var expected = [Level](repeating: .normal, count: 24)
        for h in 0..<6 { expected[h] = .yellow }
        expected[6] = .red
        expected[7] = .red
        expected[8] = .orange
        expected[23] = .yellow
        #expect(t.hours == expected)
        #expect(t.atCursor == .orange)
        #expect(
            sm.timeline(of: astana, day: day, cursor: at(2, 8))
                == PlaceTimeline(hours: Array(repeating: .normal, count: 24), atCursor: .normal))
    }

    @Test func levelAtAnInstantOfAHistory() {
        let h = [LevelChange(time: at(2), level: .yellow), LevelChange(time: at(2, 5), level: .red)]
        #expect(Timeline.level(at: at(1), in: h) == .normal)
        #expect(Timeline.level(at: at(2, 4, 59), in: h) == .yellow)
        #expect(Timeline.level(at: at(2, 5), in: h) == .red)
    }

    @Test func changesPerHourForTheBoard() {
        let sm = StateMachine([
            tr(.yellow, at(2)), tr(.red, at(2), city: "Astana"), tr(.red, at(2, 13, 59)), tr(.normal, at(2, 14)),
            tr(.red, at(3), city: "Aktobe"),
        ])
        var expected = [Int](repeating: 0, count: 24)
        expected[0] = 2
        expected[13] = 1
        expected[14] = 1
        #expect(sm.changesPerHour(day: day) == expected)
        #expect(Timeline.changesPerHour(sm.log, day: day) == expected)
    }
}
