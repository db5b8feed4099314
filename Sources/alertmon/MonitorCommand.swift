import AlertCore
import AlertStore
import AlertUI
import ArgumentParser
import Foundation
import Terminal

/// `alertmon` / `alertmon monitor`: the full-screen board and event log on the store.
struct MonitorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "monitor",
        abstract: "Show the board and event log full screen, refreshing once a second (the default).")

    @OptionGroup var storeOptions: StoreOptions

    @OptionGroup var screen: ScreenOptions

    @Option(
        help: ArgumentHelp(
            "Show the board at this time, standing still, instead of live.", valueName: "time"),
        transform: TimeParsing.timestamp)
    var at: Timestamp?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Follow this folder or JSON Lines file while the monitor is open (as `alertmon watch`).",
            valueName: "path"),
        completion: .file())
    var follow: [String] = []

    /// `--bell`, `--on-change`… for `--follow`.
    @OptionGroup(title: "With --follow") var live: LiveOptions

    func validate() throws {
        try live.check()
        if follow.contains("-") {
            throw ValidationError("--follow takes folders or files; for stdin use `watch --plain -`")
        }
    }

    func run() throws {
        if !follow.isEmpty {
            try WatchCommand.runMonitor(
                paths: follow, storeOptions: storeOptions, theme: screen.theme, mouse: screen.mouse, live: live)
            return
        }
        let env = ProcessInfo.processInfo.environment
        try Monitor.preflight(environment: env)
        let store = try storeOptions.open()
        let now = at ?? TimeParsing.now()
        let window = LiveWindow(try store.loadWindow(from: Monitor.windowStart(now, store: store)))
        let hooks = try Monitor.storeHooks(
            store, now: at == nil ? { TimeParsing.now() } : { nil }, window: window)
        let status = try Monitor.run(
            machine: window.history.machine, now: now, clock: at == nil ? .live : .replay,
            theme: screen.theme, mouse: screen.mouse, environment: env, hooks: hooks,
            start: Monitor.Start(logFloor: window.history.start))
        if status != 0 { throw ExitCode(status) }
    }
}

/// Opening the monitor, shared by `monitor` and `demo`.
enum Monitor {
    /// Exits with the one-line reason (status 2) when this is no terminal to draw on.
    static func preflight(environment: [String: String]) throws {
        if let failure = Preflight.check(environment: environment) {
            Console.note(failure.description)
            throw ExitCode(2)
        }
    }

    /// Whether the monitor can draw here (`demo` falls back to text otherwise: pipes, TERM=dumb).
    static var canOpen: Bool {
        Preflight.check(environment: ProcessInfo.processInfo.environment) == nil
    }

    /// How many of the newest transitions the live log shows at least, however long ago they were.
    static let logDepth = 500

    /// Where the live monitor's window starts: a UTC midnight two days before `now`, or earlier, so that the
    /// log holds at least the newest `logDepth` transitions (a store of past reports still opens on its latest
    /// activity). Each place is loaded from its last calm instant before it, so the board and the log from
    /// then on are exact.
    static func windowStart(_ now: Timestamp, store: any AlertStoring) throws -> Timestamp {
        var t = now.seconds - 2 * 86_400
        if let recent = try store.effective(newest: logDepth, atOrBefore: now) {
            t = min(t, recent)
        }
        return Timestamp(seconds: Timestamp(seconds: t).utcDay * 86_400)
    }

    /// The loop's links to the store: reload on `r`, and rows other processes add, checked once a second.
    /// Arrivals reaching a seeded place at or before its seed bring the place's whole history along.
    static func storeHooks(
        _ store: any AlertStoring, now: @escaping () -> Timestamp?, window: LiveWindow
    ) throws -> MonitorLoop<CursesScreen>.Hooks {
        var marker = try store.marker()
        let env = ProcessInfo.processInfo.environment
        let start = window.history.start
        return MonitorLoop<CursesScreen>.Hooks(
            now: now,
            reload: {
                marker = try store.marker()
                if let start {
                    window.history = try store.loadWindow(from: start)
                    return window.history.machine
                }
                return try store.loadHistory()
            },
            poll: {
                guard try store.marker() != marker else { return [] }
                let (fresh, next) = try store.changes(since: marker)
                marker = next
                return try window.history.completing(fresh, from: store)
            },
            loadTheme: { Monitor.loadTheme($0, environment: env) })
    }

    /// What a monitor opens on besides the data: a replay of a day, the days with events, a filter.
    struct Start {
        var replay: ReplayCursor?
        var days: [CivilDate]?
        var filter: String = ""
        /// A first line for the status area (how to start a replay).
        var hint: String?
        /// Ring the bell when arriving transitions raise a level (`--bell`).
        var bellOnRaise = false
        /// The live log starts here (the machine holds a window of the history).
        var logFloor: Timestamp?
    }

    /// Runs the monitor until `q` or a signal; returns the exit status (0, or 128 + signal).
    static func run(
        machine: StateMachine, now: Timestamp, clock: ClockMode, theme themeOption: String?,
        mouse: Bool,
        environment env: [String: String], hooks: MonitorLoop<CursesScreen>.Hooks, start: Start = Start()
    ) throws -> Int32 {
        TerminalLocale.configure()
        let names = themeNames(requested: themeOption, environment: env)
        let (theme, themeMessage) = hooks.loadTheme(names[0])
        let zone = TimeZone.current.secondsFromGMT(for: Date(timeIntervalSince1970: Double(now.seconds)))
        var model = Model(
            machine: machine, now: now, zoneLabel: zoneLabel(offset: zone), zoneOffset: Int32(zone),
            clock: clock, themeNames: names, matcher: AliasMatcher.make(), replay: start.replay, days: start.days,
            filter: start.filter)
        model.bellOnRaise = start.bellOnRaise
        model.hint = start.hint
        if let floor = start.logFloor { model.logFloor = floor }
        let noColor = !(env["NO_COLOR"] ?? "").isEmpty
        let screen = CursesScreen(
            options: .init(
                mouse: mouse, noColor: noColor, stderrLog: StderrCapture.defaultPath(environment: env)))
        do {
            try screen.start(theme: theme)
        } catch let failure as PreflightFailure {
            Console.note(failure.description)
            throw ExitCode(2)
        }
        var loop = MonitorLoop(model: model, theme: theme, screen: screen, hooks: hooks)
        if let themeMessage { loop.send(.status(themeMessage)) }
        let exit = loop.run()
        screen.stop()
        if let themeMessage { Console.error(themeMessage) }
        return exit.status
    }

    /// The theme search: `--theme` path or name, `$XDG_CONFIG_HOME/alertmon/themes`, the bundled `Themes/`.
    static func themeLoader(environment env: [String: String]) -> ThemeLoader {
        var config = env["XDG_CONFIG_HOME"].flatMap { $0.hasPrefix("/") ? $0 : nil }
        if config == nil, let home = env["HOME"], !home.isEmpty { config = home + "/.config" }
        return ThemeLoader(
            bundledDirectory: DataPaths.dataDirectory(environment: env).map { $0 + "/Themes" },
            configHome: config, noColor: !(env["NO_COLOR"] ?? "").isEmpty)
    }

    /// The themes `t` cycles through, the requested one first.
    static func themeNames(requested: String?, environment env: [String: String]) -> [String] {
        var names = themeLoader(environment: env).availableNames()
        if let r = requested, !r.isEmpty {
            names.removeAll { $0 == r }
            names.insert(r, at: 0)
        }
        return names
    }

    /// Loads a theme by name or path; a broken or unknown theme falls back with a message.
    static func loadTheme(_ name: String, environment env: [String: String]) -> (
        theme: Theme, message: String?
    ) {
        themeLoader(environment: env).load(name)
    }

    /// "UTC" or "+06:00" for the header.
    static func zoneLabel(offset: Int) -> String {
        if offset == 0 { return "UTC" }
        let sign = offset < 0 ? "-" : "+"
        let m = abs(offset) / 60
        return String(format: "%@%02d:%02d", sign, m / 60, m % 60)
    }
}

extension Monitor {
    /// The monitor replaying the bundled sample day from a temporary store, paused at its start.
    static func demo() throws {
        let env = ProcessInfo.processInfo.environment
        try preflight(environment: env)
        let status = try DemoText.withSampleStore { store in
            try Replay.open(
                store: store, day: DemoText.sampleDay, options: ReplayOptions(), environment: env)
        }
        if status != 0 { throw ExitCode(status) }
    }
}

/// The live monitor's window of the history, shared by the loop's hooks (all on the loop's thread).
final class LiveWindow {
    var history: WindowedHistory
    init(_ history: WindowedHistory) { self.history = history }
}
