import AlertUI

@testable import Terminal

/// A screen in memory that records what it was asked to write.
final class FakeTerminal: TerminalBackend {
    var size: Size
    /// Text per row, one entry per column ("" under the right half of a wide character).
    private(set) var screen: [[String]]
    private(set) var written: [CellRun] = []
    private(set) var clears = 0
    private(set) var flushes = 0
    private(set) var cursor: Point?
    /// Cells written since the last `clear()`.
    private(set) var cellsSinceClear = 0

    init(width: Int, height: Int) {
        size = Size(width: width, height: height)
        screen = Array(repeating: Array(repeating: " ", count: width), count: height)
    }

    func resize(width: Int, height: Int) {
        size = Size(width: width, height: height)
        screen = Array(repeating: Array(repeating: "?", count: width), count: height)
    }

    func draw(_ run: CellRun) {
        written.append(run)
        cellsSinceClear += run.cells.count
        var x = run.origin.x
        for c in run.cells {
            screen[run.origin.y][x] = c.grapheme
            if c.width == 2 { screen[run.origin.y][x + 1] = "" }
            x += Int(c.width)
        }
    }

    func clear() {
        clears += 1
        cellsSinceClear = 0
        screen = Array(repeating: Array(repeating: " ", count: size.width), count: size.height)
    }

    func setCursor(_ at: Point?) { cursor = at }
    func flush() { flushes += 1 }

    /// Cells written since the last call.
    func takeWrittenCells() -> Int {
        defer { written = [] }
        return written.reduce(0) { $0 + $1.cells.count }
    }

    var rows: [String] { screen.map { $0.joined() } }
}
