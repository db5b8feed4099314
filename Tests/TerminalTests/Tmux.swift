import Foundation
import Glibc

/// A private tmux server with one session running a command: a real terminal for end-to-end tests.
final class TmuxSession {
    static let executable = Spawn.which("tmux")
    /// The one session on each private server.
    static let session = "alertmon"

    let name: String
    let dir: URL
    private let tmux: String
    private var serverPID: pid_t = 0

    /// Starts the server and a `width`×`height` session running `command` (argv, no shell).
    init(width: Int, height: Int, environment: [String: String], command: [String]) throws {
        guard let tmux = Self.executable else { throw SpawnError(message: "tmux not found") }
        self.tmux = tmux
        name = "alertmon-test-\(getpid())-\(UUID().uuidString.prefix(8))"
        dir = FileManager.default.temporaryDirectory.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let conf = dir.appendingPathComponent("tmux.conf")
        try """
        set -s exit-empty off
        set -g remain-on-exit on
        set -g default-terminal tmux-256color
        set -g status off
        set -g history-limit 200

        """.write(to: conf, atomically: true, encoding: .utf8)
        var args = ["new-session", "-d", "-s", Self.session, "-x", "\(width)", "-y", "\(height)"]
        for (k, v) in environment.sorted(by: { $0.key < $1.key }) { args += ["-e", "\(k)=\(v)"] }
        args.append("--")
        args += command
        let r = try Spawn.run(
            [tmux, "-L", name, "-f", conf.path] + args, environment: Self.clientEnvironment(dir))
        guard r.status == 0 else { throw SpawnError(message: "tmux new-session failed: \(r.output)") }
        serverPID = pid_t(display("#{pid}")) ?? 0
    }

    /// A small, predictable environment for the tmux client and server.
    private static func clientEnvironment(_ dir: URL) -> [String: String] {
        let env = ProcessInfo.processInfo.environment
        return [
            "PATH": env["PATH"] ?? "/usr/bin:/bin", "HOME": env["HOME"] ?? dir.path, "LANG": "C.UTF-8",
            "TMUX_TMPDIR": dir.path,
        ]
    }

    @discardableResult
    func run(_ args: [String]) throws -> Spawn.Result {
        try Spawn.run([tmux, "-L", name] + args, environment: Self.clientEnvironment(dir))
    }

    /// The pane's text (`escapes` adds SGR sequences for colours and attributes).
    func capture(escapes: Bool = false) -> String {
        (try? run(["capture-pane", "-p"] + (escapes ? ["-e"] : []) + ["-t", Self.session]))?.output
            ?? ""
    }

    /// Expands a tmux format for the pane (`#{alternate_on}`, `#{cursor_flag}`).
    func display(_ format: String) -> String {
        ((try? run(["display-message", "-p", "-t", Self.session, format]))?.output ?? "")
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Polls the pane every 50 ms until `predicate` holds; returns the last capture and whether it held.
    @discardableResult
    func waitFor(timeout: Double = 20, escapes: Bool = false, _ predicate: (String) -> Bool) -> (
        ok: Bool, screen: String
    ) {
        let deadline = Date().addingTimeInterval(timeout)
        var screen = capture(escapes: escapes)
        while !predicate(screen) {
            if Date() > deadline { return (false, screen) }
            usleep(50_000)
            screen = capture(escapes: escapes)
        }
        return (true, screen)
    }

    /// Sends tmux key names (`Down`, `F1`, `C-c`).
    func keys(_ names: String...) {
        _ = try? run(["send-keys", "-t", Self.session] + names)
    }

    /// Sends text literally (`-l`), so `/alm` or Cyrillic arrive as typed characters.
    func type(_ text: String) {
        _ = try? run(["send-keys", "-t", Self.session, "-l", text])
    }

    func resize(width: Int, height: Int) {
        _ = try? run(["resize-window", "-t", Self.session, "-x", "\(width)", "-y", "\(height)"])
    }

    /// Sends a signal to the pane's process (the wrapper shell's child is found by the caller).
    var panePID: pid_t { pid_t(display("#{pane_pid}")) ?? 0 }

    /// Stops the server (by pid as well: its SIGTERM may be blocked) and removes the temp files.
    func close() {
        _ = try? run(["kill-server"])
        if serverPID > 0 { kill(serverPID, SIGKILL) }
        try? FileManager.default.removeItem(at: dir)
    }

    deinit { close() }
}

/// The alertmon executable under test: built next to the test bundle, or built on demand.
enum AlertmonBinary {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static func path() throws -> String {
        let me = URL(
            fileURLWithPath: (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
                ?? "")
        let sibling = me.deletingLastPathComponent().appendingPathComponent("alertmon").path
        if access(sibling, X_OK) == 0 { return sibling }
        let debug = packageRoot.appendingPathComponent(".build/debug/alertmon").path
        if access(debug, X_OK) == 0 { return debug }
        guard let swift = Spawn.which("swift") else {
            throw SpawnError(message: "alertmon is not built and swift is missing")
        }
        // A scratch path of its own: the running `swift test` may hold the lock on .build.
        let scratch = packageRoot.appendingPathComponent(".build-e2e")
        let built = scratch.appendingPathComponent("debug/alertmon").path
        let r = try Spawn.run([
            "/bin/sh", "-c", "cd \"$0\" && \"$1\" build --product alertmon --scratch-path \"$2\"",
            packageRoot.path, swift, scratch.path,
        ])
        guard r.status == 0, access(built, X_OK) == 0 else {
            throw SpawnError(message: "building alertmon failed: \(r.output)")
        }
        return built
    }
}
