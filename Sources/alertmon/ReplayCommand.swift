import AlertCore
import AlertStore
import AlertUI
import ArgumentParser
import Foundation
import ReportParser
import Terminal

/// `alertmon replay [DAY] [FILE...]`: the monitor replaying one UTC day, with play, step, speed and jump keys.
struct ReplayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Replay one UTC day full screen: play, pause, step, change speed, jump.",
        discussion: """
            With no argument the latest day with events in the store is replayed. Report files or JSON \
            Lines given as arguments are ingested into a temporary store first (yours is not touched), \
            and the latest day in them is replayed unless a DAY comes first. Keys: Space play/pause, \
            . and , step, ] and [ speed, } and { one hour, Home/End, d/D other days, : jump, ? help.
            """)

    @Argument(
        help: ArgumentHelp(
            "A UTC day (2016-07-18), and/or report files and JSON Lines to replay from a temporary store.",
            valueName: "day|file"))
    var inputs: [String] = []

    @Option(help: ArgumentHelp("Replay seconds per real second, 1 to 3600.", valueName: "n"))
    var speed: Int = 60

    @Option(
        help: ArgumentHelp(
            "Start at this time of the day (14:05, in the local zone) instead of midnight.", valueName: "time"))
    var from: String?

    @OptionGroup var cityOptions: CityOptions

    @Option(
        name: .customLong("max-gap"),
        help: ArgumentHelp(
            "The longest real wait between two events at any speed (10s, 1m; 0 turns it off).",
            valueName: "duration"))
    var maxGap: String = "10s"

    @OptionGroup var storeOptions: StoreOptions

    @OptionGroup var screen: ScreenOptions

    func validate() throws {
        guard (ReplayCursor.minSpeed...ReplayCursor.maxSpeed).contains(speed) else {
            throw ValidationError("--speed must be between 1 and 3600, not \(speed)")
        }
        guard Replay.seconds(maxGap) != nil else {
            throw ValidationError("--max-gap must be a duration like 10s, 1m or 0, not \"\(maxGap)\"")
        }
    }

    func run() throws {
        let env = ProcessInfo.processInfo.environment
        try Monitor.preflight(environment: env)
        var files = inputs
        var day: CivilDate?
        if let first = files.first, !FileManager.default.fileExists(atPath: first),
            let t = Timestamp(iso: first), t.precision == .day
        {
            day = CivilDate(day: t.utcDay)
            files.removeFirst()
        }
        if let bad = files.first(where: { !FileManager.default.fileExists(atPath: $0) }) {
            throw CLIError("\(bad): no such file (give a day like 2016-07-18, or report files)", code: 2)
        }
        let options = ReplayOptions(
            speed: speed, maxGap: Replay.seconds(maxGap) ?? 10, from: from,
            filter: cityOptions.cities.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: "|"),
            theme: screen.theme, mouse: screen.mouse)
        let status: Int32
        if files.isEmpty {
            status = try Replay.open(store: storeOptions.open(), day: day, options: options, environment: env)
        } else {
            status = try Replay.withTemporaryStore(files) { store in
                try Replay.open(store: store, day: day, options: options, environment: env)
            }
        }
        if status != 0 { throw ExitCode(status) }
    }
}

/// How a replay starts.
struct ReplayOptions {
    var speed = 60
    var maxGap = 10.0
    var from: String?
    var filter = ""
    var theme: String?
    var mouse = true
}

/// Opening the monitor on a replay, shared by `replay` and `demo`.
enum Replay {
    /// Seconds in "10s", "1m", "2h", "1.5s" or a bare number; nil when it is none of these.
    static func seconds(_ text: String) -> Double? {
        var s = text.trimmingCharacters(in: .whitespaces).lowercased()
        var scale = 1.0
        if let unit = s.last, let f = ["s": 1.0, "m": 60, "h": 3600][String(unit)] {
            scale = f
            s.removeLast()
        }
        guard let v = Double(s), v >= 0, v.isFinite else { return nil }
        return v * scale
    }

    /// Ingests report files (text, feeds, JSON Lines) into a throwaway store, runs `body`, deletes it.
    static func withTemporaryStore<T>(_ files: [String], _ body: (any AlertStoring) throws -> T) throws -> T {
        let dir = NSTemporaryDirectory() + "alertmon-replay-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let store = try SQLiteStore(path: dir + "/alerts.sqlite")
        let parser = ReportParser()
        var added = 0
        for file in files {
            let input: ReportInput
            do {
                input = try ReportInput.read(path: file)
            } catch {
                throw CLIError(error.description)
            }
            let result = parser.parse(input: input)
            for d in result.diagnostics { Console.note("alertmon replay: \(Sanitizer.clean(d))") }
            added += try store.append(result.transitions).added
        }
        guard added > 0 else {
            throw CLIError("no alert level changes found in \(files.joined(separator: ", ")); nothing to replay")
        }
        return try body(store)
    }

    /// Runs the monitor replaying `day` (default: the latest day with events) from `store`.
    static func open(
        store: any AlertStoring, day requested: CivilDate?, options: ReplayOptions, environment env: [String: String]
    ) throws -> Int32 {
        let machine = try store.loadHistory()
        let days = Array(Set(try store.daysWithEvents() + machine.eventDays)).sorted()
        guard let day = requested ?? machine.eventDays.last ?? days.last else {
            throw CLIError(
                "the store holds no events to replay; ingest or import reports first (or try `alertmon demo`)")
        }
        let start = Timestamp(seconds: day.dayNumber * 86_400)
        let events = machine.changes(from: start, to: start.adding(seconds: 86_399))
        var cursor = ReplayCursor(day: day, events: events, speed: options.speed, maxGap: options.maxGap)
        if let from = options.from {
            let zone = Int32(TimeZone.current.secondsFromGMT(for: Date(timeIntervalSince1970: Double(start.seconds))))
            switch JumpInput.resolve(from, clock: start, zoneOffset: zone) {
            case .failure(let e): throw CLIError("--from: \(e.message)", code: 2)
            case .success(let t):
                guard t.utcDay == day.dayNumber else {
                    throw CLIError("--from \(from) falls outside the replayed UTC day \(day.iso)", code: 2)
                }
                cursor.seek(to: t)
            }
        }
        let hint =
            events.isEmpty
            ? "no events on \(day.iso) — d / D go to days with events"
            : "Space plays · . steps to the next event · : jumps · ? shows every key"
        let hooks = MonitorLoop<CursesScreen>.Hooks(
            now: { nil },
            reload: { try store.loadHistory() },
            poll: { [] },
            loadTheme: { Monitor.loadTheme($0, environment: env) })
        return try Monitor.run(
            machine: machine, now: cursor.time, clock: .replay, theme: options.theme, mouse: options.mouse,
            environment: env, hooks: hooks,
            start: Monitor.Start(replay: cursor, days: days, filter: options.filter, hint: hint))
    }
}
