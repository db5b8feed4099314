import AlertCore

/// The board's columns at a width; less important ones are dropped first.
struct BoardColumns: Equatable {
    var level = 0
    var place = 0
    var country = 2
    var age = 6
    var since = 11
    var until = 11
    var sources = 3

    init(width: Int, labelWidth: Int) {
        level = 2 + labelWidth
        func total() -> Int {
            Self.span(level) + Self.span(country) + Self.span(age) + Self.span(since) + Self.span(until)
                + Self.span(sources) + 10
        }
        if total() > width { since = 0 }
        if total() > width { until = 0 }
        if total() > width { sources = 0 }
        if total() > width { country = 0 }
        if total() > width { age = 0 }
        if total() > width { level = 2 }
        place = max(1, width - (total() - 10) - 1)
    }

    /// Columns a column of `width` takes with its gap; a dropped one (0) takes none.
    static func span(_ width: Int) -> Int { width > 0 ? width + 1 : 0 }
}

extension Theme {
    /// The widest level label's columns, which the level columns are sized for.
    var labelWidth: Int {
        var w = 0
        for i in looks.indices { w = max(w, TextWidth.of(looks[i].label)) }
        return w
    }
}

enum BoardView {
    static func draw(_ model: Model, theme: Theme, layout: Layout, into buffer: inout CellBuffer) {
        let rect = layout.board
        guard rect.height > 0, rect.width > 0 else { return }
        let focused = model.focus == .board
        let total = model.board.count
        let shown = model.boardRows.count
        var title = TextPieces("Board · ")
        if shown != total {
            title.append(String(shown))
            title.append(" of ")
        }
        title.append(String(total))
        title.append(total == 1 ? " place · by " : " places · by ")
        title.append(model.order.rawValue)
        buffer.titleBar(title, in: rect, focused: focused)
        let body = layout.boardBody
        guard body.height > 0 else { return }
        let cols = BoardColumns(width: body.width - 1, labelWidth: theme.labelWidth)
        if !layout.boardHeader.isEmpty {
            let y = layout.boardHeader.y
            var x = body.x + 1
            x = buffer.column("LEVEL", x: x, y: y, width: cols.level, role: .dim)
            x = buffer.column("PLACE", x: x, y: y, width: cols.place, role: .dim)
            x = buffer.column("CC", x: x, y: y, width: cols.country, role: .dim)
            x = buffer.column("AGE", x: x, y: y, width: cols.age, role: .dim, right: true)
            x = buffer.column("SINCE", x: x, y: y, width: cols.since, role: .dim)
            x = buffer.column("UNTIL", x: x, y: y, width: cols.until, role: .dim)
            buffer.column("SRC", x: x, y: y, width: cols.sources, role: .dim, right: true)
        }
        if model.boardRows.isEmpty {
            let msg =
                model.board.isEmpty ? "No places yet." : "No place matches the filter (Esc clears)."
            buffer.put(msg, at: Point(x: body.x + 1, y: body.y), role: .dim, maxWidth: body.width - 1)
            return
        }
        let top = Layout.scroll(
            top: model.boardTop, selected: model.boardSel, count: shown, visible: body.height)
        let end = min(shown, top + body.height)
        for r in top..<end {
            let entry = model.board[model.boardRows[r]]
            let p = model.machine.row(entry)
            let y = body.y + r - top
            let selected = r == model.boardSel && focused
            let arrived = model.placeArrived(entry.place)
            let look = theme.look(p.level)
            var x = body.x + 1
            if arrived { buffer.put("▸", at: Point(x: body.x, y: y), role: .highlight) }
            let lvl = cols.level > 2 ? look.labelled : look.glyph
            x = buffer.column(lvl, x: x, y: y, width: cols.level, role: .level(p.level))
            x = buffer.column(p.city, x: x, y: y, width: cols.place, role: arrived ? .highlight : .text)
            x = buffer.column(p.country ?? "", x: x, y: y, width: cols.country, role: .dim)
            x = buffer.column(
                Format.compact(model.now.seconds - p.since.seconds), x: x, y: y, width: cols.age, role: .text,
                right: true)
            x = buffer.column(
                Format.short(p.since, model.zoneOffset), x: x, y: y, width: cols.since, role: .logTime)
            x = buffer.column(
                p.until.map { Format.short($0, model.zoneOffset) } ?? "—", x: x, y: y, width: cols.until,
                role: .dim)
            x = buffer.column(
                String(p.sourceCount), x: x, y: y, width: cols.sources, role: .dim, right: true)
            if selected {
                buffer.paint(Rect(x: body.x, y: y, width: body.width, height: 1), role: .selection)
                buffer.cursor = Point(x: body.x, y: y)
            }
        }
    }
}
