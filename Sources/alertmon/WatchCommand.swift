import AlertCore
import AlertStore
import AlertUI
import ArgumentParser
import Follow
import Foundation
import Synchronization
import Terminal

/// `alertmon watch`: follow folders, JSON Lines files and stdin; store what arrives and show it.
struct WatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Follow folders (recursively), JSON Lines files and - (stdin), storing and showing each change.",
        discussion: """
            A report file is read once it is complete (closed after writing, moved into place, or its size has \
            settled); a JSON Lines file is tailed, complete lines only; stdin takes one report or record per \
            blank-line-separated block. With --plain, each applied change is one line on stdout.
            """)

    @Argument(help: "Folders, files, or - for standard input.", completion: .file())
    var paths: [String]

    @Flag(name: .long, help: "Print one line per applied change instead of opening the monitor.")
    var plain = false

    @OptionGroup var live: LiveOptions

    @OptionGroup var storeOptions: StoreOptions

    @OptionGroup var screen: ScreenOptions

    func validate() throws {
        if paths.isEmpty { throw ValidationError("give at least one folder or file to follow, or - for stdin") }
        try live.check()
        if !plain && paths.contains("-") {
            throw ValidationError("following standard input needs --plain (the monitor reads keys from the terminal)")
        }
    }

    func run() throws {
        if plain {
            try Self.checkPaths(paths)
            let store = try storeOptions.open()
            try runPlain(store: store, feed: LiveFeed(paths: paths, store: store, reported: live.reportedTime))
        } else {
            try Self.runMonitor(
                paths: paths, storeOptions: storeOptions, theme: screen.theme, mouse: screen.mouse, live: live)
        }
    }

    static func checkPaths(_ paths: [String]) throws {
        for p in paths where p != "-" && !FileManager.default.fileExists(atPath: p) {
            throw CLIError("\(p): no such file or folder", code: 1)
        }
    }

    /// The monitor in LIVE mode, fed by the follower through its inbox within a frame of a file completing.
    static func runMonitor(
        paths: [String], storeOptions: StoreOptions, theme: String?, mouse: Bool, live: LiveOptions
    ) throws {
        let env = ProcessInfo.processInfo.environment
        try Monitor.preflight(environment: env)
        try checkPaths(paths)
        let store = try storeOptions.open()
        let window = LiveWindow(
            try store.loadWindow(from: Monitor.windowStart(TimeParsing.now(), store: store)))
        // The hook's own fold (below) needs the whole history: it reports every change an arrival causes.
        let machine = live.hook == nil ? StateMachine() : try store.loadHistory()
        let feed = LiveFeed(paths: paths, store: store, reported: live.reportedTime)
        let inbox = Inbox()
        let hooks = live.hook.map { hook in HookQueue(hook: hook) { inbox.post([.note($0)]) } }
        var loopHooks = try Monitor.storeHooks(store, now: { TimeParsing.now() }, window: window)
        loopHooks.inbox = {
            inbox.take().map { msg in
                guard case .transitions(let ts) = msg, let all = try? window.history.completing(ts, from: store)
                else { return msg }
                return .transitions(all)
            }
        }
        feed.follower.start()
        Thread.detachNewThread { [hooks] in
            // The hook needs the applied changes, so this side keeps its own fold only when there is one.
            var printer = hooks.map { _ in ChangePrinter(machine: machine) }
            while !inbox.isClosed {
                let batch = feed.process(feed.follower.next(timeout: 0.2))
                var msgs: [Msg] = batch.groups.map { .transitions($0) }
                msgs += batch.notes.map { .note($0) }
                if let p = batch.problems { msgs.append(.followStatus(p)) }
                if !msgs.isEmpty { inbox.post(msgs) }
                if let hooks, printer != nil {
                    for e in batch.groups.flatMap({ printer!.apply($0) }) + printer!.expiries(upTo: TimeParsing.now()) {
                        hooks.run(LogText.object(e).json)
                    }
                }
            }
        }
        let status = try Monitor.run(
            machine: window.history.machine, now: TimeParsing.now(), clock: .live, theme: theme, mouse: mouse,
            environment: env, hooks: loopHooks,
            start: Monitor.Start(bellOnRaise: live.bell, logFloor: window.history.start))
        inbox.close()
        feed.follower.stop()
        if status != 0 { throw ExitCode(status) }
    }

    /// The plain mode: one line per applied change on stdout, notes on stderr.
    private func runPlain(store: any AlertStoring, feed: LiveFeed) throws {
        var printer = ChangePrinter(machine: try store.loadHistory())
        let hooks = live.hook.map { hook in HookQueue(hook: hook) { Console.note("alertmon watch: \($0)") } }
        let ringBell = live.bell && isatty(1) == 1
        let onlyStdin = paths.allSatisfy { $0 == "-" }
        feed.follower.start()
        var done = false
        while !done {
            let events = feed.follower.next(timeout: 0.25)
            if onlyStdin, events.contains(.endOfInput(source: "-")) { done = true }
            let batch = feed.process(events)
            for n in batch.notes { Console.note("alertmon watch: \(n)") }
            var out = ""
            let applied = batch.groups.flatMap { printer.apply($0) }
            for e in applied + printer.expiries(upTo: TimeParsing.now()) {
                out += LogText.line(e) + "\n"
                hooks?.run(LogText.object(e).json)
                if ringBell, e.to > e.from, e.kind != .expired { out += "\u{7}" }
            }
            if !out.isEmpty { FileHandle.standardOutput.write(Data(out.utf8)) }
        }
        feed.follower.stop()
        hooks?.drain()
    }
}

/// Keeps the fold for `watch --plain` and says which changes each arrival applied.
struct ChangePrinter {
    private(set) var machine: StateMachine
    /// Expiries up to this instant have been printed.
    private var expiredThrough: Timestamp

    init(machine: StateMachine, now: Timestamp = TimeParsing.now()) {
        self.machine = machine
        self.expiredThrough = now
    }

    /// Inserts arrivals; returns the log entries they caused (late ones included), in time order.
    mutating func apply(_ ts: [Transition]) -> [LogEntry] {
        guard let earliest = ts.map(\.effective).min() else { return [] }
        let keys = Set(ts.map(\.naturalKey))
        guard machine.insert(ts) > 0 else { return [] }
        return machine.changes(from: earliest, to: Timestamp(seconds: Int64.max / 2)).filter {
            $0.transitionKey.map(keys.contains) ?? false
        }
    }

    /// Expiries that fell due since the last call, up to `now`.
    mutating func expiries(upTo now: Timestamp) -> [LogEntry] {
        guard now > expiredThrough else { return [] }
        let from = expiredThrough.adding(seconds: 1)
        expiredThrough = now
        return machine.changes(from: from, to: now).filter { $0.kind == .expired }
    }
}

/// `--bell`, `--on-change`, `--hook-timeout` and `--reported`, shared by `watch` and `monitor --follow`.
struct LiveOptions: ParsableArguments {
    @Flag(name: .long, help: "Ring the terminal bell when a level is raised.")
    var bell = false

    @Option(
        name: .customLong("on-change"),
        help: ArgumentHelp(
            "Run this command (no shell) for each applied change, with the change as JSON on its stdin.",
            valueName: "command"))
    var onChange: String?

    @Option(name: .customLong("hook-timeout"), help: "Seconds before a hook is killed.")
    var hookTimeout: Double = 5

    @Option(name: .long, help: "Publication date for reports without a dateline (YYYY-MM-DD or ISO date-time).")
    var reported: String?

    func check() throws {
        if let r = reported, Timestamp(iso: r) == nil {
            throw ValidationError("--reported must be an ISO date like 2016-07-18, not \(r)")
        }
        if let c = onChange, ChangeHook(command: c) == nil {
            throw ValidationError("--on-change needs a command (quotes must be balanced)")
        }
        if hookTimeout <= 0 { throw ValidationError("--hook-timeout must be more than 0 seconds") }
    }

    var reportedTime: Timestamp? { reported.flatMap { Timestamp(iso: $0) } }
    var hook: ChangeHook? { onChange.flatMap { ChangeHook(command: $0, timeout: hookTimeout) } }
}

/// Messages from the follower thread to the monitor's loop.
final class Inbox: Sendable {
    private let state = Mutex<(msgs: [Msg], closed: Bool)>(([], false))

    func post(_ m: [Msg]) { state.withLock { $0.msgs += m } }

    func take() -> [Msg] {
        state.withLock { s in
            defer { s.msgs.removeAll() }
            return s.msgs
        }
    }

    func close() { state.withLock { $0.closed = true } }
    var isClosed: Bool { state.withLock { $0.closed } }
}
