import AlertUI

/// Keeps the last frame shown and sends a backend only the cells that changed.
///
/// A size change or `invalidate()` (resize, Ctrl-L, a theme switch) clears the screen and
/// repaints every cell; an unchanged frame writes nothing at all.
public struct FramePresenter {
    /// The frame on screen; nil after `invalidate()`.
    public private(set) var last: CellBuffer?

    public init() {}

    /// Forgets what is on screen: the next frame is painted in full.
    public mutating func invalidate() { last = nil }

    /// Shows `frame`; returns the number of runs written (0 when nothing changed).
    @discardableResult
    public mutating func present(_ frame: CellBuffer, on backend: some TerminalBackend) -> Int {
        let runs: [CellRun]
        if let last, last.size == frame.size {
            runs = CellBuffer.diff(last, frame)
            if runs.isEmpty && last.cursor == frame.cursor { return 0 }
        } else {
            backend.clear()
            runs = CellBuffer.diff(CellBuffer(size: Size(width: 0, height: 0)), frame)
        }
        for run in runs { backend.draw(run) }
        backend.setCursor(frame.cursor)
        backend.flush()
        last = frame
        return runs.count
    }
}
