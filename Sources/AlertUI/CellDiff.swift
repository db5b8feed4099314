/// A run of changed cells on one row that share a role: what a backend writes in one call.
public struct CellRun: Sendable, Hashable {
    public var origin: Point
    /// The lead cells of the run (continuations omitted); their widths sum to `width`.
    public var cells: [Cell]
    public var role: Role

    public init(origin: Point, cells: [Cell], role: Role) {
        self.origin = origin
        self.cells = cells
        self.role = role
    }

    /// Columns the run covers.
    public var width: Int { cells.reduce(0) { $0 + Int($1.width) } }
    /// The run's text.
    public var text: String { cells.reduce(into: "") { $0 += $1.grapheme } }
}

extension CellBuffer {
    /// The cells of `new` that differ from `old`, grouped into same-role runs per row.
    ///
    /// A size change (or an `old` of another size) yields every cell, forcing a full repaint.
    /// A wide cell is emitted whole when either of its halves changed.
    public static func diff(_ old: CellBuffer, _ new: CellBuffer) -> [CellRun] {
        let w = new.size.width
        let full = old.size != new.size
        var runs: [CellRun] = []
        for y in 0..<new.size.height {
            var current: CellRun?
            // Where the current run ends (its origin plus its width), kept so a run never re-sums its cells.
            var end = 0
            var x = 0
            while x < w {
                let i = y * w + x
                let n = new.cells[i]
                if n.width == 0 {
                    x += 1
                    continue
                }
                var changed = full || n != old.cells[i]
                if !changed, n.width == 2, x + 1 < w { changed = new.cells[i + 1] != old.cells[i + 1] }
                if changed {
                    if current != nil, current!.role == n.role, end == x {
                        current!.cells.append(n)
                    } else {
                        if let r = current { runs.append(r) }
                        current = CellRun(origin: Point(x: x, y: y), cells: [n], role: n.role)
                    }
                    end = x + Int(n.width)
                }
                x += max(1, Int(n.width))
            }
            if let r = current { runs.append(r) }
        }
        return runs
    }
}
