import CNcurses
import Glibc

/// Why the monitor cannot start on this terminal, as one line for stderr.
public struct PreflightFailure: Error, Sendable, Equatable, CustomStringConvertible {
    /// The specific cause ("stdout is not a TTY").
    public let reason: String

    public init(reason: String) { self.reason = reason }

    public var description: String {
        "alertmon: the monitor needs a terminal (\(reason)); use `alertmon status` for text output"
    }
}

/// Checks, before curses starts, that the monitor can draw here; `initscr` would exit on a bad TERM.
public enum Preflight {
    /// Decides from already-gathered facts; `capabilities` answers whether TERM's terminfo loads
    /// and has cursor addressing and clear (nil when the entry cannot be loaded).
    public static func evaluate(
        stdinIsTTY: Bool, stdoutIsTTY: Bool, term: String?,
        capabilities: (String) -> (cup: Bool, clear: Bool)?
    ) -> PreflightFailure? {
        if !stdinIsTTY { return PreflightFailure(reason: "stdin is not a TTY") }
        if !stdoutIsTTY { return PreflightFailure(reason: "stdout is not a TTY") }
        guard let term, !term.isEmpty else { return PreflightFailure(reason: "TERM is not set") }
        if term == "dumb" { return PreflightFailure(reason: "TERM=dumb cannot move the cursor") }
        guard let caps = capabilities(term) else {
            return PreflightFailure(reason: "TERM=\(term) is unknown to terminfo")
        }
        if !caps.cup || !caps.clear {
            return PreflightFailure(reason: "TERM=\(term) cannot move the cursor or clear the screen")
        }
        return nil
    }

    /// Checks the real process: file descriptors 0 and 1 and `$TERM` through terminfo.
    public static func check(environment: [String: String]) -> PreflightFailure? {
        evaluate(
            stdinIsTTY: isatty(0) == 1, stdoutIsTTY: isatty(1) == 1, term: environment["TERM"],
            capabilities: terminfoCapabilities)
    }

    /// Loads TERM's terminfo entry without touching the screen; nil when it does not exist.
    static func terminfoCapabilities(_ term: String) -> (cup: Bool, clear: Bool)? {
        var err: Int32 = 0
        guard setupterm(term, 1, &err) == CN_OK else { return nil }
        return (hasString("cup"), hasString("clear"))
    }

    private static func hasString(_ cap: String) -> Bool {
        guard let p = tigetstr(cap) else { return false }
        // terminfo answers (char *)-1 when the name is not a string capability.
        return Int(bitPattern: p) != -1
    }
}
