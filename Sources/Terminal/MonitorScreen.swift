import AlertUI

/// What the run loop needs of a screen beyond drawing: input, the bell and colour set-up.
public protocol MonitorScreen: TerminalBackend {
    /// Waits up to `timeoutMilliseconds` (0: only what is queued) for input; nil when none came.
    func read(timeoutMilliseconds: Int32) -> InputEvent?
    /// Rings the terminal bell.
    func bell()
    /// Makes the theme's colours available; the loop repaints afterwards.
    func apply(theme: Theme)
}

extension CursesScreen: MonitorScreen {}
