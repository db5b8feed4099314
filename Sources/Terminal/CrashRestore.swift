import Glibc

/// On a crash signal, puts the terminal back (raw escape writes and the saved termios), sends
/// stderr back to the real one with what was logged, then lets the previous handler (Swift's
/// backtracer) run. Everything the handler touches is prepared in advance: it only calls
/// async-signal-safe functions.
public enum CrashRestore {
    /// Synchronous crash signals; a Swift trap is SIGILL on x86-64.
    public static let signals: [Int32] = [SIGILL, SIGTRAP, SIGSEGV, SIGBUS, SIGABRT, SIGFPE]

    nonisolated(unsafe) private static var inputFD: Int32 = -1
    nonisolated(unsafe) private static var outputFD: Int32 = -1
    nonisolated(unsafe) private static var restore = UnsafeMutableBufferPointer<UInt8>.allocate(
        capacity: 0)
    nonisolated(unsafe) private static var savedTermios = UnsafeMutablePointer<termios>.allocate(
        capacity: 1)
    nonisolated(unsafe) private static var haveTermios = false
    nonisolated(unsafe) private static var previous = UnsafeMutablePointer<sigaction>.allocate(
        capacity: 65)
    nonisolated(unsafe) private static var installed = false
    nonisolated(unsafe) private static var stderrFD: Int32 = -1
    nonisolated(unsafe) private static var logFD: Int32 = -1

    /// Records the tty's current modes (call before curses changes them) and installs the handlers.
    /// `input` is the tty whose modes curses changes, `output` where its escape sequences go.
    public static func install(input: Int32, output: Int32) {
        inputFD = input
        outputFD = output
        haveTermios = tcgetattr(input, savedTermios) == 0
        guard !installed else { return }
        for s in signals {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { CrashRestore.handle($0) }
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0
            sigaction(s, &action, previous + Int(s))
        }
        installed = true
    }

    /// Sets the bytes that leave the alternate screen and show the cursor again.
    public static func setRestoreSequence(_ bytes: [UInt8]) {
        let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: bytes.count)
        _ = buffer.initialize(from: bytes)
        let old = restore
        restore = buffer
        old.deallocate()
    }

    /// Tells the handler where stderr really goes and where it is being logged meanwhile.
    public static func setStderr(saved: Int32, log: Int32) {
        stderrFD = saved
        logFD = log
    }

    /// Puts the previous handlers back (after a normal shutdown).
    public static func uninstall() {
        guard installed else { return }
        for s in signals { sigaction(s, previous + Int(s), nil) }
        installed = false
    }

    private static func handle(_ sig: Int32) {
        if outputFD >= 0, restore.count > 0 { _ = write(outputFD, restore.baseAddress, restore.count) }
        if inputFD >= 0, haveTermios { tcsetattr(inputFD, TCSANOW, savedTermios) }
        if stderrFD >= 0 {
            dup2(stderrFD, 2)
            if logFD >= 0 { replayLog() }
        }
        // Run the previous handler (Swift's backtracer) now, nested, by unblocking and re-raising.
        sigaction(sig, previous + Int(sig), nil)
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, sig)
        sigprocmask(SIG_UNBLOCK, &set, nil)
        raise(sig)
        // A handler that returns (as for a signal sent with kill, which does not fault again) must
        // not leave a half-restored process running: end it with the default action.
        var fallback = sigaction()
        sigemptyset(&fallback.sa_mask)
        sigaction(sig, &fallback, nil)
        raise(sig)
    }

    /// Copies the log to fd 2 with a stack buffer: no allocation inside a signal handler.
    private static func replayLog() {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 4096) { buf in
            var offset: off_t = 0
            while true {
                let n = pread(logFD, buf.baseAddress, buf.count, offset)
                if n <= 0 { break }
                _ = write(2, buf.baseAddress, n)
                offset += off_t(n)
            }
        }
    }
}
