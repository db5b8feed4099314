import AlertCore

/// The log's columns at a width.
struct LogColumns: Equatable {
    var time = 11
    var place = 0
    var change = 0
    var kind = 8
    var source = 0
    var wideChange = true

    init(width: Int, labelWidth: Int) {
        change = 2 * (2 + labelWidth) + 3
        func fixed() -> Int { [time, change, kind].filter { $0 > 0 }.reduce(0) { $0 + $1 + 1 } }
        // Place and source share what is left; source only when the place keeps 14 columns.
        if fixed() + 14 + 1 + 12 > width {
            source = 0
        } else {
            source = (width - fixed() - 1) * 2 / 5
        }
        if fixed() + 10 > width {
            wideChange = false
            change = 3 + labelWidth + 1
        }
        if fixed() + 10 > width { kind = 0 }
        if fixed() + 8 > width { time = 5 }
        place = max(1, width - fixed() - (source > 0 ? source + 1 : 0))
    }
}

enum LogView {
    static func draw(_ model: Model, theme: Theme, in rect: Rect, into buffer: inout CellBuffer) {
        guard rect.height > 0, rect.width > 0 else { return }
        let focused = model.focus == .log
        let order = model.clock == .live ? "newest first" : "oldest first"
        buffer.titleBar("Log · \(model.logRows.count) changes · \(order)", in: rect, focused: focused)
        let body = rect.splitTop(1).1
        guard body.height > 0 else { return }
        if model.logRows.isEmpty {
            let msg = model.machine.log.isEmpty ? "No changes yet." : "No change matches the filter."
            buffer.put(msg, at: Point(x: body.x + 1, y: body.y), role: .dim, maxWidth: body.width - 1)
            return
        }
        let labelWidth = Level.allCases.map { TextWidth.of(theme.look($0).label) }.max() ?? 6
        let cols = LogColumns(width: body.width - 1, labelWidth: labelWidth)
        let shown = model.logRows.count
        let top = Layout.scroll(
            top: model.logTop, selected: model.logSel, count: shown, visible: body.height)
        let end = min(shown, top + body.height)
        for r in top..<end {
            let e = model.machine.log[model.logRows[r]]
            let y = body.y + r - top
            var x = body.x + 1
            let time =
                cols.time == 5
                ? Format.hhmm(e.time, model.zoneOffset) : Format.short(e.time, model.zoneOffset)
            x = buffer.column(time, x: x, y: y, width: cols.time, role: .logTime)
            x = buffer.column(e.city, x: x, y: y, width: cols.place, role: .logCity)
            if cols.change > 0 {
                let from = theme.look(e.from)
                let to = theme.look(e.to)
                var cx = x
                if cols.wideChange {
                    buffer.put(
                        from.glyph + " " + from.label, at: Point(x: cx, y: y), role: .level(e.from),
                        maxWidth: 2 + labelWidth)
                    cx += 2 + labelWidth
                    cx += buffer.put(" → ", at: Point(x: cx, y: y), role: .dim)
                } else {
                    cx += buffer.put(from.glyph, at: Point(x: cx, y: y), role: .level(e.from))
                    cx += buffer.put("→", at: Point(x: cx, y: y), role: .dim)
                }
                buffer.put(
                    to.glyph + " " + to.label, at: Point(x: cx, y: y), role: .level(e.to),
                    maxWidth: x + cols.change - cx)
                x += cols.change + 1
            }
            x = buffer.column(e.kind.rawValue, x: x, y: y, width: cols.kind, role: .logKind)
            if cols.source > 0 {
                buffer.column(e.sources.first ?? "", x: x, y: y, width: cols.source, role: .dim)
            }
            if r == model.logSel && focused {
                buffer.paint(Rect(x: body.x, y: y, width: body.width, height: 1), role: .selection)
                buffer.cursor = Point(x: body.x, y: y)
            }
        }
    }
}
