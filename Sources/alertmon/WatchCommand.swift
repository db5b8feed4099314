import AlertCore
import AlertStore
import ArgumentParser
import Follow
import Foundation

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

    @OptionGroup var storeOptions: StoreOptions

    func validate() throws {
        if paths.isEmpty { throw ValidationError("give at least one folder or file to follow, or - for stdin") }
        if let r = reported, Timestamp(iso: r) == nil {
            throw ValidationError("--reported must be an ISO date like 2016-07-18, not \(r)")
        }
        if let c = onChange, ChangeHook(command: c) == nil {
            throw ValidationError("--on-change needs a command (quotes must be balanced)")
        }
        if hookTimeout <= 0 { throw ValidationError("--hook-timeout must be more than 0 seconds") }
    }

    func run() throws {
        for p in paths where p != "-" && !FileManager.default.fileExists(atPath: p) {
            throw CLIError("\(p): no such file or folder", code: 1)
        }
        let store = try storeOptions.open()
        let feed = LiveFeed(paths: paths, store: store, reported: reported.flatMap { Timestamp(iso: $0) })
        try runPlain(store: store, feed: feed)
    }

    /// The plain mode: one line per applied change on stdout, notes on stderr.
    private func runPlain(store: any AlertStoring, feed: LiveFeed) throws {
        var printer = ChangePrinter(machine: StateMachine(try store.allTransitions()))
        let hooks = onChange.flatMap { ChangeHook(command: $0, timeout: hookTimeout) }.map { hook in
            HookQueue(hook: hook) { Console.note("alertmon watch: \($0)") }
        }
        let ringBell = bell && isatty(1) == 1
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
