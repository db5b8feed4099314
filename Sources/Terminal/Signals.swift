import Glibc
import Synchronization

/// Turns SIGINT, SIGTERM and SIGHUP into a flag the run loop polls, so the terminal is restored
/// by ordinary code rather than inside a signal handler.
public enum SignalWatch {
    /// The signals that end the monitor with exit status 128 + signal.
    public static let terminating: [Int32] = [SIGINT, SIGTERM, SIGHUP]

    private static let pending = Atomic<Int32>(0)

    /// Unblocks the signals the monitor depends on and installs the flag-setting handlers.
    /// Must run before `newterm`: ncurses only hooks signals that are still at their default.
    public static func install() {
        _ = pending.load(ordering: .relaxed)  // initialise the static before any handler can run
        // A process launched from a dispatch worker thread inherits these blocked.
        var set = sigset_t()
        sigemptyset(&set)
        for s in terminating + [SIGWINCH] { sigaddset(&set, s) }
        sigprocmask(SIG_UNBLOCK, &set, nil)
        for s in terminating {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { SignalWatch.pending.store($0, ordering: .relaxed) }
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0
            sigaction(s, &action, nil)
        }
    }

    /// The signal received since the last call, if any.
    public static func take() -> Int32? {
        let s = pending.exchange(0, ordering: .relaxed)
        return s == 0 ? nil : s
    }
}
