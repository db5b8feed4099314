/// Where each part of the screen goes at a size; render and mouse hit-testing share it.
public struct Layout: Sendable, Hashable {
    /// Below this the "terminal too small" screen is shown.
    public static let minimum = Size(width: 40, height: 10)
    /// At this width and above the panes sit side by side.
    public static let sideBySideWidth = 100

    public let size: Size
    public let header: Rect
    public let board: Rect
    public let log: Rect
    public let footer: Rect
    public let stacked: Bool

    /// True when `size` is below the minimum.
    public static func isTooSmall(_ size: Size) -> Bool {
        size.width < minimum.width || size.height < minimum.height
    }

    public init(size: Size) {
        self.size = size
        guard !Layout.isTooSmall(size) else {
            header = .zero
            board = .zero
            log = .zero
            footer = .zero
            stacked = true
            return
        }
        let all = Rect(x: 0, y: 0, width: size.width, height: size.height)
        let (h, rest) = all.splitTop(2)
        let (body, f) = rest.splitTop(rest.height - 1)
        header = h
        footer = f
        if size.width >= Layout.sideBySideWidth {
            stacked = false
            let (b, r) = body.splitLeft(body.width * 55 / 100)
            board = b
            log = Rect(x: r.x + 1, y: r.y, width: r.width - 1, height: r.height)
        } else {
            stacked = true
            let (b, l) = body.splitTop((body.height * 55 + 99) / 100)
            board = b
            log = l
        }
    }

    /// The board's rows below its title line.
    public var boardBody: Rect { board.splitTop(1).1 }
    /// The log's rows below its title line.
    public var logBody: Rect { log.splitTop(1).1 }
    /// The column between side-by-side panes (empty when stacked).
    public var separator: Rect {
        stacked ? .zero : Rect(x: board.maxX, y: board.y, width: 1, height: board.height)
    }

    /// The box of the help and details overlays.
    public var overlay: Rect {
        let all = Rect(x: 0, y: 0, width: size.width, height: size.height)
        let body = Rect(x: 0, y: header.maxY, width: size.width, height: footer.y - header.maxY)
        if size.width >= 60 && body.height >= 12 {
            return Rect(x: 2, y: body.y, width: body.width - 4, height: body.height)
        }
        return Layout.isTooSmall(size) ? all : body
    }

    /// The first row to show so that `selected` is visible in `visible` rows.
    public static func scroll(top: Int, selected: Int, count: Int, visible: Int) -> Int {
        guard visible > 0, count > visible else { return 0 }
        var t = top
        if selected < t { t = selected }
        if selected >= t + visible { t = selected - visible + 1 }
        return max(0, min(t, count - visible))
    }
}

/// What a mouse position points at.
public enum HitTarget: Sendable, Hashable {
    case nothing
    case pane(Pane)
    /// A row of the board, as an index into `Model.boardRows`.
    case boardRow(Int)
    /// A row of the log, as an index into `Model.logRows`.
    case logRow(Int)
    /// A footer hint.
    case action(Action)
}

extension Layout {
    /// The target under `p` for a model.
    public func target(at p: Point, in model: Model) -> HitTarget {
        if footer.contains(p) {
            for h in FooterHints.place(model.keyMap.footer(in: model.mode), width: footer.width)
            where p.x >= h.x && p.x < h.x + h.width {
                return .action(h.binding.action)
            }
            return .nothing
        }
        if model.showingHelp || model.showingDetails || Layout.isTooSmall(size) { return .nothing }
        if boardBody.contains(p) {
            let row = model.boardTop + p.y - boardBody.y
            return row < model.boardRows.count ? .boardRow(row) : .pane(.board)
        }
        if logBody.contains(p) {
            let row = model.logTop + p.y - logBody.y
            return row < model.logRows.count ? .logRow(row) : .pane(.log)
        }
        if board.contains(p) { return .pane(.board) }
        if log.contains(p) { return .pane(.log) }
        return .nothing
    }
}

/// The footer's hints placed on one line, cut before the width with "…".
public enum FooterHints {
    /// A hint and the columns it covers.
    public struct Placed: Sendable, Hashable {
        public var binding: Binding
        public var x: Int
        public var width: Int
        public var keyWidth: Int
    }

    /// Hints from the left, two spaces apart; `cut` tells whether some did not fit.
    public static func place(_ bindings: [Binding], width: Int) -> [Placed] {
        layout(bindings, width: width).hints
    }

    static func layout(_ bindings: [Binding], width: Int) -> (hints: [Placed], cut: Bool) {
        var out: [Placed] = []
        var x = 1
        for (i, b) in bindings.enumerated() {
            let kw = TextWidth.of(b.footerKeys)
            let w = kw + 1 + TextWidth.of(b.label)
            let last = i == bindings.count - 1
            // Keep one column for the ellipsis unless this is the last hint.
            if x + w > width - (last ? 0 : 2) {
                return (out, true)
            }
            out.append(Placed(binding: b, x: x, width: w, keyWidth: kw))
            x += w + 2
        }
        return (out, false)
    }
}
