import Foundation
import Glibc

/// Sends fd 2 to a log file while curses owns the screen (text written there would vanish with
/// the alternate screen) and replays it to the real stderr afterwards.
public final class StderrCapture {
    /// The log file.
    public let path: String
    private let savedFD: Int32
    private let logFD: Int32
    private var finished = false

    /// `$XDG_STATE_HOME/alertmon/monitor.log` (default `~/.local/state`), or a temp file.
    public static func defaultPath(environment: [String: String]) -> String {
        let base: String
        if let s = environment["XDG_STATE_HOME"], s.hasPrefix("/") {
            base = s
        } else if let h = environment["HOME"], h.hasPrefix("/") {
            base = h + "/.local/state"
        } else {
            return NSTemporaryDirectory() + "alertmon-monitor-\(getpid()).log"
        }
        return base + "/alertmon/monitor.log"
    }

    /// Starts logging fd 2 to `path` (truncated); nil when the file cannot be opened.
    public init?(path: String) {
        let dir = (path as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let log = open(path, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard log >= 0 else { return nil }
        let saved = fcntl(2, F_DUPFD_CLOEXEC, 3)
        guard saved >= 0, dup2(log, 2) >= 0 else {
            close(log)
            if saved >= 0 { close(saved) }
            return nil
        }
        self.path = path
        self.savedFD = saved
        self.logFD = log
        CrashRestore.setStderr(saved: saved, log: log)
    }

    /// Restores fd 2 and writes whatever was logged to it; safe to call twice.
    public func finish() {
        guard !finished else { return }
        finished = true
        CrashRestore.setStderr(saved: -1, log: -1)
        dup2(savedFD, 2)
        close(savedFD)
        var offset: off_t = 0
        var buf = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = buf.withUnsafeMutableBytes { pread(logFD, $0.baseAddress, $0.count, offset) }
            if n <= 0 { break }
            _ = buf.withUnsafeBytes { write(2, $0.baseAddress, n) }
            offset += off_t(n)
        }
        close(logFD)
    }

    deinit { finish() }
}
