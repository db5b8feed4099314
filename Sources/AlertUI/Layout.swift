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
    /// The replay timeline strip across the bottom (empty when not replaying or below 20 rows).
    public let timeline: Rect
    /// The timeline needs this many rows of screen.
    public static let timelineMinHeight = 20

    /// True when `size` is below the minimum.
    public static func isTooSmall(_ size: Size) -> Bool {
        size.width < minimum.width || size.height < minimum.height
    }

    public init(size: Size, timeline wantTimeline: Bool = false) {
        self.size = size
        guard !Layout.isTooSmall(size) else {
            header = .zero
            board = .zero
            log = .zero
            footer = .zero
            timeline = .zero
            stacked = true
            return
        }
        let all = Rect(x: 0, y: 0, width: size.width, height: size.height)
        let (h, rest) = all.splitTop(2)
        var (body, f) = rest.splitTop(rest.height - 1)
        header = h
        footer = f
        if wantTimeline && size.height >= Layout.timelineMinHeight {
            let (b, t) = body.splitTop(body.height - TimelineView.height)
            body = b
            timeline = t
        } else {
            timeline = .zero
        }
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

    /// A pane gets a column header row when it has this many rows or more.
    static let columnHeaderMinHeight = 5

    /// The board's column header row (empty when the pane is too short for one).
    public var boardHeader: Rect {
        board.height >= Layout.columnHeaderMinHeight ? board.splitTop(1).1.splitTop(1).0 : .zero
    }
    /// The board's rows below its title and column header.
    public var boardBody: Rect { board.splitTop(board.height >= Layout.columnHeaderMinHeight ? 2 : 1).1 }
    /// The log's column header row (empty when the pane is too short for one).
    public var logHeader: Rect {
        log.height >= Layout.columnHeaderMinHeight ? log.splitTop(1).1.splitTop(1).0 : .zero
    }
    /// The log's rows below its title and column header (entries and notes).
    public var logBody: Rect { log.splitTop(log.height >= Layout.columnHeaderMinHeight ? 2 : 1).1 }

    /// How many system notes the log pane shows below its entries.
    public func noteRows(_ model: Model) -> Int { min(model.notes.count, 3, logBody.height / 3) }
    /// The log's entry rows (the body less the notes at its foot).
    public func logRowsRect(_ model: Model) -> Rect { logBody.splitTop(logBody.height - noteRows(model)).0 }
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
        if model.showingHelp || model.showingDetails || model.jumping || Layout.isTooSmall(size) {
            return .nothing
        }
        if boardBody.contains(p) {
            let row = model.boardTop + p.y - boardBody.y
            return row < model.boardRows.count ? .boardRow(row) : .pane(.board)
        }
        if logRowsRect(model).contains(p) {
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
        let cut = walk(bindings, where: { _ in true }, width: width) { out.append($0) }
        return (out, cut)
    }

    /// Places the bindings `include` admits as `layout` does, handing each to `visit` instead of
    /// building an array (a frame allocates nothing); returns whether some did not fit.
    static func walk(
        _ bindings: [Binding], where include: (Binding) -> Bool, width: Int, _ visit: (Placed) -> Void
    ) -> Bool {
        // By index: iterating the array itself allocates per element in an unoptimised build, where the
        // allocation test runs.
        var left = 0
        for i in bindings.indices where include(bindings[i]) { left += 1 }
        var x = 1
        for i in bindings.indices where include(bindings[i]) {
            let b = bindings[i]
            left -= 1
            let kw = TextWidth.of(b.footerKeys)
            let w = kw + 1 + TextWidth.of(b.label)
            // Keep one column for the ellipsis unless this is the last hint.
            if x + w > width - (left == 0 ? 0 : 2) {
                return true
            }
            visit(Placed(binding: b, x: x, width: w, keyWidth: kw))
            x += w + 2
        }
        return false
    }
}
