import AlertUI

/// The few things a screen must do for `FramePresenter`; ncurses is one backend, a test fake another.
public protocol TerminalBackend: AnyObject {
    /// The screen size in cells.
    var size: Size { get }
    /// Writes a run of cells (lead cells only; a wide cell covers two columns) in its role's style.
    func draw(_ run: CellRun)
    /// Blanks the screen and forgets what is on it, so the next flush repaints everything.
    func clear()
    /// Rests the (hidden) cursor on a cell, so screen readers follow the selection.
    func setCursor(_ at: Point?)
    /// Sends everything drawn since the last flush to the terminal.
    func flush()
}
