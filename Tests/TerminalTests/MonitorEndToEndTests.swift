import Foundation
import Glibc
import Testing

/// The real monitor in a real terminal (tmux): start, filter, help, resize, quit and signals.
@Suite(
    .serialized,
    .enabled(if: TmuxSession.executable != nil, "tmux is not on PATH; `make deps` installs it"))
struct MonitorEndToEndTests {
    /// A temp directory with a store holding the fixture day, for one test.
    struct Scratch {
        let dir: URL
        let store: String
        let binary: String

        init() throws {
            binary = try AlertmonBinary.path()
            dir = FileManager.default.temporaryDirectory.appendingPathComponent(
                "alertmon-e2e-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            store = dir.appendingPathComponent("alerts.sqlite").path
            let fixture = AlertmonBinary.packageRoot.appendingPathComponent(
                "Tests/Fixtures/monitor-fixture.jsonl"
            ).path
            let r = try Spawn.run([binary, "import", "--store", store, fixture])
            guard r.status == 0 else { throw SpawnError(message: "import failed: \(r.output)") }
        }

        /// What every launched binary gets: UTF-8, no interactive backtracer, private state and config.
        var environment: [String: String] {
            [
                "LANG": "C.UTF-8", "SWIFT_BACKTRACE": "interactive=no", "XDG_STATE_HOME": dir.path,
                "XDG_CONFIG_HOME": dir.path, "HOME": dir.path,
            ]
        }

        /// Runs `shell` under sh with the binary as $0 and the store as $1; the pane stays alive after.
        func session(_ shell: String, width: Int = 120, height: Int = 40, extra: [String] = []) throws -> TmuxSession {
            try TmuxSession(
                width: width, height: height, environment: environment,
                command: ["sh", "-c", shell + "; exec sleep 600", binary, store] + extra)
        }

        func remove() { try? FileManager.default.removeItem(at: dir) }
    }

    /// The monitor, then its exit status and the tty modes it left behind.
    static let monitor = #""$0" --store "$1"; echo "EXIT=$?"; stty -a"#

    func expectRestored(_ tmux: TmuxSession, exit: Int) {
        let done = tmux.waitFor { $0.contains("EXIT=") && $0.contains("icanon") }
        #expect(done.ok, "the monitor did not exit: \(done.screen)")
        #expect(done.screen.contains("EXIT=\(exit)"))
        #expect(tmux.display("#{alternate_on}") == "0", "still on the alternate screen")
        #expect(tmux.display("#{cursor_flag}") == "1", "cursor left hidden")
        #expect(tmux.display("#{mouse_any_flag}") == "0", "mouse reporting left on")
        let modes = done.screen.split(whereSeparator: \.isWhitespace)
        #expect(
            modes.contains("echo") && modes.contains("icanon"), "tty modes not restored: \(done.screen)")
    }

    @Test func filtersHelpsResizesAndQuitsCleanly() throws {
        let s = try Scratch()
        defer { s.remove() }
        let tmux = try s.session(Self.monitor)
        defer { tmux.close() }

        let start = tmux.waitFor { $0.contains("Almaty") && $0.contains("Astana") }
        #expect(start.ok, "no board: \(start.screen)")
        #expect(start.screen.contains("● RED    Almaty"))
        #expect(tmux.display("#{alternate_on}") == "1")
        #expect(tmux.display("#{mouse_any_flag}") == "1", "mouse reporting is off")

        // Another process importing a new city: the live monitor shows it within a second or so.
        let extra = s.dir.appendingPathComponent("live.jsonl")
        try
            #"{"city":"Oral","country":"KZ","level":"orange","effective":"2024-05-03T10:00:00+05:00","source":"fixture/live"}"#
            .write(to: extra, atomically: true, encoding: .utf8)
        #expect(try Spawn.run([s.binary, "import", "--store", s.store, extra.path]).status == 0)
        let live = tmux.waitFor { $0.contains("▲ ORANGE Oral") }
        #expect(live.ok, "the imported city did not appear: \(live.screen)")

        // Off the selected row, Almaty's level is drawn in red (SGR 31 or bright 91).
        tmux.keys("Down")
        let red = tmux.waitFor(escapes: true) { screen in
            screen.split(separator: "\n").contains { line in
                line.contains("Almaty")
                    && (line.contains("\u{1B}[91m● RED") || line.contains("\u{1B}[31m● RED"))
            }
        }
        #expect(red.ok, "Almaty is not red: \(red.screen)")

        // A left click (X10 mouse report, as tmux-256color's kmous expects) selects Astana's row.
        let astana = try #require(
            tmux.capture().split(separator: "\n").firstIndex { $0.contains("Astana") })
        tmux.type(Self.x10Click(x: 10, y: astana))
        let clicked = tmux.waitFor(escapes: true) { screen in
            screen.split(separator: "\n").contains { $0.contains("Astana") && $0.contains("\u{1B}[46m") }
        }
        #expect(clicked.ok, "the click did not select Astana: \(clicked.screen)")

        tmux.type("/alm")
        let filtered = tmux.waitFor {
            $0.contains("/alm") && $0.contains("Almaty") && !$0.contains("Astana")
        }
        #expect(filtered.ok, "filter did not narrow the board: \(filtered.screen)")
        // Cyrillic arrives as one character; Backspace takes it away again.
        tmux.type("ж")
        #expect(tmux.waitFor { $0.contains("/almж") }.ok, "Cyrillic did not reach the filter")
        tmux.keys("BSpace")
        #expect(tmux.waitFor { $0.contains("/alm") && !$0.contains("/almж") }.ok, "Backspace did not delete")
        // Aliases from the gazetteer: the Russian and the historical name find Almaty too.
        for alias in ["Алматы", "Alma-Ata"] {
            tmux.keys("Escape")
            tmux.type("/" + alias)
            let found = tmux.waitFor {
                $0.contains("/" + alias) && $0.contains("● RED    Almaty") && !$0.contains("Astana")
            }
            #expect(found.ok, "\(alias) did not find Almaty: \(found.screen)")
        }
        tmux.keys("Escape")
        tmux.type("/alm")
        tmux.keys("Enter")

        tmux.type("?")
        let help = tmux.waitFor { $0.contains("Show every key") }
        #expect(help.ok, "no help overlay: \(help.screen)")
        tmux.keys("Escape")
        #expect(tmux.waitFor { !$0.contains("Show every key") }.ok)

        tmux.resize(width: 60, height: 15)
        let small = tmux.waitFor { screen in
            let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
            return screen.contains("alertmon") && screen.contains("Almaty")
                && lines.allSatisfy { $0.count <= 60 }
        }
        #expect(small.ok, "no repaint at 60×15: \(small.screen)")
        tmux.resize(width: 120, height: 40)
        let wide = tmux.waitFor {
            $0.contains("Board") && $0.split(separator: "\n").contains { $0.count > 100 }
        }
        #expect(wide.ok, "no repaint at 120×40: \(wide.screen)")

        tmux.type("q")
        expectRestored(tmux, exit: 0)
    }

    @Test func noMouseLeavesTheMouseToTheTerminal() throws {
        let s = try Scratch()
        defer { s.remove() }
        let tmux = try s.session(#""$0" --store "$1" --no-mouse; echo "EXIT=$?"; stty -a"#)
        defer { tmux.close() }
        #expect(tmux.waitFor { $0.contains("Almaty") }.ok)
        #expect(tmux.display("#{mouse_any_flag}") == "0")
        tmux.type("q")
        expectRestored(tmux, exit: 0)
    }

    @Test func demoReplaysTheSampleDayWithItsControls() throws {
        let s = try Scratch()
        defer { s.remove() }
        let tmux = try s.session(#""$0" demo; echo "EXIT=$?"; stty -a"#)
        defer { tmux.close() }
        let paused = tmux.waitFor { $0.contains("REPLAY ❚❚ ×60") && $0.contains("Astana") }
        #expect(paused.ok, "the demo did not open paused: \(paused.screen)")
        #expect(!paused.screen.contains("● RED    Almaty"))

        // Step event by event until Almaty turns red; its row in the log carries the marker.
        var red = (ok: false, screen: "")
        for _ in 0..<5 where !red.ok {
            tmux.type(".")
            red = tmux.waitFor(timeout: 3) { $0.contains("● RED    Almaty") }
        }
        #expect(red.ok, "stepping never reached Almaty's red alert: \(red.screen)")
        #expect(red.screen.contains("▶07-18 05:00 Almaty"), "the current event is not marked: \(red.screen)")

        tmux.type(",")
        let back = tmux.waitFor { !$0.contains("● RED    Almaty") && $0.contains("00:00:00") }
        #expect(back.ok, "stepping back did not undo the red alert: \(back.screen)")

        tmux.type(" ")
        #expect(tmux.waitFor { $0.contains("REPLAY ▶ ×60") }.ok, "Space did not start playing")
        tmux.type("]")
        #expect(tmux.waitFor { $0.contains("REPLAY ▶ ×120") }.ok, "] did not double the speed")

        tmux.type("q")
        expectRestored(tmux, exit: 0)
    }

    @Test func watchShowsAReportDroppedIntoTheFolder() throws {
        let s = try Scratch()
        defer { s.remove() }
        let inbox = s.dir.appendingPathComponent("inbox")
        try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true)
        let tmux = try s.session(#""$0" watch --store "$1" "$2"; echo "EXIT=$?"; stty -a"#, extra: [inbox.path])
        defer { tmux.close() }
        #expect(tmux.waitFor { $0.contains("LIVE") && $0.contains("Almaty") }.ok)
        #expect(!tmux.capture().contains("Taraz"))
        // Written elsewhere and moved in, as a finished report arrives.
        let staged = s.dir.appendingPathComponent("taraz.txt")
        try "TARAZ, January 26, 2022 — A red level of terrorist threat was declared in Taraz on Wednesday.\n"
            .write(to: staged, atomically: true, encoding: .utf8)
        try FileManager.default.moveItem(at: staged, to: inbox.appendingPathComponent("taraz.txt"))
        let red = tmux.waitFor(escapes: true) { screen in
            screen.split(separator: "\n").contains {
                $0.contains("RED") && $0.contains("Taraz") && $0.contains("\u{1B}[")
            }
        }
        #expect(red.ok, "Taraz never turned red: \(red.screen)")
        try FileManager.default.removeItem(at: inbox)
        #expect(tmux.waitFor { $0.contains("inbox") && ($0.contains("No such file") || $0.contains("removed")) }.ok)
        tmux.type("q")
        expectRestored(tmux, exit: 0)
    }

    /// SIGSEGV stands in for a crash: the crash handler restores the screen before the backtrace prints.
    @Test(arguments: [
        ("TERM", SIGTERM, 143), ("INT", SIGINT, 130), ("HUP", SIGHUP, 129), ("SEGV", SIGSEGV, 139),
    ])
    func aSignalRestoresTheTerminal(name: String, signal: Int32, status: Int) throws {
        let s = try Scratch()
        defer { s.remove() }
        let tmux = try s.session(Self.monitor)
        defer { tmux.close() }
        #expect(tmux.waitFor { $0.contains("Almaty") }.ok)
        let child = try #require(Self.childPID(of: tmux.panePID), "no monitor process under the pane")
        kill(child, signal)
        expectRestored(tmux, exit: status)
    }

    @Test(arguments: [
        (
            #"TERM=nosuchterm "$0" --store "$1"; echo "EXIT=$?""#,
            "TERM=nosuchterm is unknown to terminfo"
        ),
        (#"TERM=dumb "$0" --store "$1"; echo "EXIT=$?""#, "TERM=dumb"),
        (#"{ "$0" --store "$1"; echo "EXIT=$?" >&2; } | cat"#, "stdout is not a TTY"),
    ])
    func refusesWhatIsNoTerminal(shell: String, reason: String) throws {
        let s = try Scratch()
        defer { s.remove() }
        let tmux = try s.session(shell)
        defer { tmux.close() }
        let done = tmux.waitFor { $0.contains("EXIT=") }
        #expect(done.ok)
        #expect(done.screen.contains("EXIT=2"))
        let line = done.screen.split(separator: "\n").first {
            $0.hasPrefix("alertmon: the monitor needs a terminal")
        }
        #expect(line?.contains(reason) == true, "\(done.screen)")
        #expect(line?.hasSuffix("use `alertmon status` for text output") == true)
    }

    /// Press and release of button 1 at a 0-based cell, in the X10 mouse encoding.
    static func x10Click(x: Int, y: Int) -> String {
        let cx = Character(UnicodeScalar(UInt8(33 + x)))
        let cy = Character(UnicodeScalar(UInt8(33 + y)))
        return "\u{1B}[M \(cx)\(cy)\u{1B}[M#\(cx)\(cy)"
    }

    /// The first child of `pid` (the monitor under the wrapper shell).
    static func childPID(of pid: pid_t) -> pid_t? {
        let text = try? String(contentsOfFile: "/proc/\(pid)/task/\(pid)/children", encoding: .utf8)
        return text?.split(separator: " ").first.flatMap { pid_t($0) }
    }
}

/// Without a terminal on stdin the monitor says so and exits 2, tmux or not.
@Test func monitorRefusesAPipedStdin() throws {
    let binary = try AlertmonBinary.path()
    let r = try Spawn.run([binary, "--store", "/nonexistent/never-opened.sqlite"])
    #expect(r.status == 2)
    #expect(
        r.output
            == "alertmon: the monitor needs a terminal (stdin is not a TTY); use `alertmon status` for text output\n"
    )
}
