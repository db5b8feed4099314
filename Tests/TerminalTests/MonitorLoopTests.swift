import AlertCore
import AlertUI
import Testing

@testable import Terminal

@Suite struct MonitorLoopTests {
    static let day = Timestamp(iso: "2024-05-02T12:00:00Z")!

    static func transition(_ city: String, _ level: Level, _ iso: String) -> Transition {
        Transition(city: city, country: "KZ", level: level, effective: Timestamp(iso: iso)!, source: "test")
    }

    static let machine = StateMachine([
        transition("Almaty", .red, "2024-05-02T04:15:00Z"),
        transition("Astana", .yellow, "2024-05-02T05:00:00Z"),
    ])

    static func key(_ c: Character) -> ScriptedScreen.Step { .event(.key(.char(c))) }

    /// A loop on the two-city board with a clock that stands still unless `ticking`.
    func makeLoop(
        _ screen: ScriptedScreen, ticking: Bool = false, reload: @escaping () -> StateMachine = { machine },
        themes: [String] = ["default", "mono"], replay: ReplayCursor? = nil, inbox: (() -> [Msg])? = nil
    ) -> MonitorLoop<ScriptedScreen> {
        let clock = screen.clock
        var hooks = MonitorLoop<ScriptedScreen>.Hooks(
            now: ticking ? { Timestamp(seconds: Int64(clock.seconds)) } : { nil },
            reload: reload, poll: { [] },
            loadTheme: { name in
                name == "mono" ? (.builtInMono, nil) : (.builtInDefault, "theme \(name) stands in for default")
            })
        hooks.pendingSignal = { [unowned screen] in screen.pendingSignal }
        hooks.wallSeconds = { clock.seconds }
        hooks.monotonicSeconds = { clock.seconds }
        if let inbox { hooks.inbox = inbox }
        let model = Model(
            machine: Self.machine, now: Self.day, clock: ticking ? .live : .replay, themeNames: themes, replay: replay)
        return MonitorLoop(model: model, theme: .builtInDefault, screen: screen, hooks: hooks)
    }

    @Test func aBurstOfKeysCostsOneFrame() {
        let screen = ScriptedScreen(
            width: 100, height: 30, clock: FakeClock(),
            script: [
                .idle(milliseconds: 500), Self.key("/"), Self.key("a"), Self.key("l"), Self.key("m"),
                .idle(milliseconds: 500), .event(.key(.enter)), Self.key("q"),
            ])
        var loop = makeLoop(screen)
        #expect(loop.run() == .quit)
        #expect(screen.term.flushes == 2)
        #expect(loop.model.filterText == "alm")
        #expect(screen.term.rows.contains { $0.contains("Almaty") })
        #expect(!screen.term.rows.contains { $0.contains("Astana") })
    }

    @Test func aResizeRepaintsEveryCell() {
        let screen = ScriptedScreen(
            width: 100, height: 30, clock: FakeClock(),
            script: [.idle(milliseconds: 300), .resize(width: 60, height: 15), .idle(milliseconds: 300), Self.key("q")])
        var loop = makeLoop(screen)
        #expect(loop.run() == .quit)
        #expect(screen.term.clears == 2)
        #expect(screen.term.rows.count == 15)
        let frame = render(loop.model, size: Size(width: 60, height: 15), theme: .builtInDefault)
        #expect(screen.term.cellsSinceClear == frame.cells.filter { !$0.isContinuation }.count)
        #expect(screen.term.rows == frame.textRows)
    }

    @Test func anIdleLiveMonitorRewritesOnlyTheClock() {
        let screen = ScriptedScreen(
            width: 100, height: 30, clock: FakeClock(), script: [.idle(milliseconds: 300), .idle(milliseconds: 4000)])
        var loop = makeLoop(screen, ticking: true)
        screen.appendQuitAfterIdle()
        _ = screen.term.takeWrittenCells()
        #expect(loop.run() == .quit)
        let frames = screen.term.flushes
        let cells = screen.term.takeWrittenCells()
        #expect(frames >= 4, "the clock did not tick")
        // The first frame paints 3000 cells; each later second changes a digit or two of the clock.
        #expect(cells - 3000 <= (frames - 1) * 8)
        #expect(screen.term.clears == 1)
    }

    @Test func switchingThemesAppliesItAndRepaintsAll() {
        let screen = ScriptedScreen(
            width: 100, height: 30, clock: FakeClock(),
            script: [.idle(milliseconds: 300), Self.key("t"), .idle(milliseconds: 300), Self.key("q")])
        var loop = makeLoop(screen)
        #expect(loop.run() == .quit)
        #expect(screen.appliedThemes == ["mono"])
        #expect(loop.theme.name == "mono")
        #expect(loop.model.themeName == "mono")
        #expect(screen.term.clears == 2)
    }

    @Test func aThemeMessageReachesTheStatusLine() {
        let screen = ScriptedScreen(
            width: 100, height: 30, clock: FakeClock(),
            script: [.idle(milliseconds: 300), Self.key("t"), .idle(milliseconds: 300), Self.key("q")])
        var loop = makeLoop(screen, themes: ["default", "sepia"])
        #expect(loop.run() == .quit)
        #expect(loop.model.status == "theme sepia stands in for default")
    }

    @Test func reloadReplacesTheData() {
        let screen = ScriptedScreen(
            width: 100, height: 30, clock: FakeClock(),
            script: [.idle(milliseconds: 300), Self.key("r"), .idle(milliseconds: 300), Self.key("q")])
        var more = Self.machine
        _ = more.insert([Self.transition("Oral", .orange, "2024-05-02T06:00:00Z")])
        var loop = makeLoop(screen, reload: { more })
        #expect(loop.run() == .quit)
        #expect(loop.model.machine.transitions.count == 3)
        #expect(screen.term.rows.contains { $0.contains("Oral") })
    }

    @Test func aTerminationSignalEndsTheLoopWithItsStatus() {
        let screen = ScriptedScreen(
            width: 100, height: 30, clock: FakeClock(), script: [.idle(milliseconds: 300), .signal(15)])
        var loop = makeLoop(screen)
        let exit = loop.run()
        #expect(exit == .signal(15))
        #expect(exit.status == 143)
    }

    @Test func anUnboundKeyRingsTheBell() {
        let screen = ScriptedScreen(
            width: 100, height: 30, clock: FakeClock(),
            script: [.idle(milliseconds: 300), .event(.key(.function(9))), Self.key("q")])
        var loop = makeLoop(screen)
        #expect(loop.run() == .quit)
        #expect(screen.bells == 1)
    }

    @Test func theInboxIsTakenEveryTurnAndItsMessagesShowPromptly() {
        let screen = ScriptedScreen(
            width: 100, height: 30, clock: FakeClock(),
            script: [.idle(milliseconds: 300), .idle(milliseconds: 1000)])
        screen.appendQuitAfterIdle()
        let clock = screen.clock
        final class Box {
            var calls = 0
            var delivered = false
        }
        let box = Box()
        let start = clock.seconds
        var loop = makeLoop(
            screen,
            inbox: {
                box.calls += 1
                guard !box.delivered && clock.seconds - start >= 0.5 else { return [] }
                box.delivered = true
                return [
                    .transitions([Self.transition("Oral", .orange, "2024-05-02T06:00:00Z")]),
                    .followStatus(["inbox/: folder was removed — retrying"]),
                    .note("hook failed: notify-send: exit 1"),
                ]
            })
        #expect(loop.run() == .quit)
        // One call per turn: with an inbox the loop never waits more than 50 ms, so 1.3 s is 26+ turns.
        #expect(box.calls == screen.reads)
        #expect(box.calls >= 26)
        #expect(screen.longestWait <= MonitorLoop<ScriptedScreen>.inboxWait)
        #expect(loop.model.places.contains { $0.city == "Oral" })
        #expect(screen.term.rows.contains { $0.contains("Oral") })
        #expect(screen.term.rows[1].contains("inbox/: folder was removed"))
        #expect(screen.term.rows.contains { $0.contains("note: hook failed") })
    }

    @Test func withoutAnInboxTheLoopWaitsLonger() {
        let screen = ScriptedScreen(
            width: 100, height: 30, clock: FakeClock(), script: [.idle(milliseconds: 300), .idle(milliseconds: 1000)])
        screen.appendQuitAfterIdle()
        var loop = makeLoop(screen)
        #expect(loop.run() == .quit)
        #expect(screen.longestWait > MonitorLoop<ScriptedScreen>.inboxWait)
    }

    @Test func aPlayingReplayRunsOnTheLoopsElapsedTime() {
        let screen = ScriptedScreen(
            width: 100, height: 30, clock: FakeClock(),
            script: [.idle(milliseconds: 300), Self.key(" "), .idle(milliseconds: 2000), Self.key(" "), Self.key("q")])
        let day = CivilDate(year: 2024, month: 5, day: 2)
        let start = Timestamp(seconds: day.dayNumber * 86_400)
        let cursor = ReplayCursor(
            day: day, events: Self.machine.changes(from: start, to: start.adding(seconds: 86_399)))
        var loop = makeLoop(screen, replay: cursor)
        #expect(loop.run() == .quit)
        let r = loop.model.replay!
        #expect(!r.playing)
        // Midnight to 04:15 is compressed into the 10 s gap limit: 2 s of play is a fifth of it.
        let moved = r.time.seconds - start.seconds
        #expect(moved >= 2 * 1530 - 200 && moved <= 2 * 1530 + 200, "moved \(moved) s")
        // The last frame drawn was while it played (the pause and quit came in one burst).
        #expect(screen.term.rows[0].contains("REPLAY ▶ ×60"))
    }
}

extension ScriptedScreen {
    /// Ends a script that only waits.
    func appendQuitAfterIdle() { append(.event(.key(.char("q")))) }
}
