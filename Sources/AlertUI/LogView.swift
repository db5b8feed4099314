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
        // Room for "declared late" when the pane is wide.
        if width >= 70 { kind = 13 }
        func fixed() -> Int { BoardColumns.span(time) + BoardColumns.span(change) + BoardColumns.span(kind) }
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
    static func draw(_ model: Model, theme: Theme, layout: Layout, into buffer: inout CellBuffer) {
        let rect = layout.log
        guard rect.height > 0, rect.width > 0 else { return }
        let focused = model.focus == .log
        var title = TextPieces("Log · ", String(model.logRows.count))
        title.append(model.logRows.count == 1 ? " change · " : " changes · ")
        if let r = model.replay {
            title.append(r.day.iso)
            title.append(" · ")
        } else if let floor = model.logFloor {
            // The window the monitor loaded: entries before it are not shown.
            title.append("since ")
            title.append(CivilDate(day: floor.utcDay).iso)
            title.append(" · ")
        }
        title.append("oldest first")
        buffer.titleBar(title, in: rect, focused: focused)
        let body = layout.logRowsRect(model)
        drawNotes(model, in: layout.logBody, rows: layout.noteRows(model), into: &buffer)
        guard body.height > 0 else { return }
        let labelWidth = theme.labelWidth
        let cols = LogColumns(width: body.width - 1, labelWidth: labelWidth)
        if !layout.logHeader.isEmpty {
            let y = layout.logHeader.y
            var x = body.x + 1
            x = buffer.column("TIME", x: x, y: y, width: cols.time, role: .dim)
            x = buffer.column("PLACE", x: x, y: y, width: cols.place, role: .dim)
            x = buffer.column("CHANGE", x: x, y: y, width: cols.change, role: .dim)
            x = buffer.column("KIND", x: x, y: y, width: cols.kind, role: .dim)
            buffer.column("SOURCE", x: x, y: y, width: cols.source, role: .dim)
        }
        if model.logRows.isEmpty {
            let msg: String
            if let r = model.replay {
                msg =
                    r.events.isEmpty
                    ? "No changes on \(r.day.iso) (d / D go to days with events)." : "No change matches the filter."
            } else {
                let filtered = !model.query.terms.isEmpty || model.levelFilter != .all
                if filtered {
                    msg = "No change matches the filter."
                } else if let floor = model.logFloor {
                    msg = "No changes since \(CivilDate(day: floor.utcDay).iso)."
                } else {
                    msg = "No changes yet."
                }
            }
            buffer.put(msg, at: Point(x: body.x + 1, y: body.y), role: .dim, maxWidth: body.width - 1)
            return
        }
        let shown = model.logRows.count
        let top = Layout.scroll(
            top: model.logTop, selected: model.logSel, count: shown, visible: body.height)
        let end = min(shown, top + body.height)
        let current = model.replay.map { $0.eventIndex ?? -1 }
        for r in top..<end {
            let i = model.logRows[r]
            let e = model.logLine(i)
            let y = body.y + r - top
            // Replay: the current event is marked, later ones are still to come (dim).
            let ahead = current.map { i > $0 } ?? false
            let marked = current == i
            let arrived = current == nil && model.lineArrived(i)
            var x = body.x + 1
            if marked {
                buffer.put("▶", at: Point(x: body.x, y: y), role: .highlight)
            } else if arrived {
                buffer.put("▸", at: Point(x: body.x, y: y), role: .highlight)
            }
            let time =
                cols.time == 5
                ? Format.hhmm(e.time, model.zoneOffset) : Format.short(e.time, model.zoneOffset)
            x = buffer.column(time, x: x, y: y, width: cols.time, role: marked ? .highlight : ahead ? .dim : .logTime)
            x = buffer.column(
                e.city, x: x, y: y, width: cols.place, role: marked || arrived ? .highlight : ahead ? .dim : .logCity)
            if cols.change > 0 {
                let from = theme.look(e.from)
                let to = theme.look(e.to)
                var cx = x
                if cols.wideChange {
                    buffer.put(
                        from.labelled, at: Point(x: cx, y: y),
                        role: ahead ? .dim : .level(e.from),
                        maxWidth: 2 + labelWidth)
                    cx += 2 + labelWidth
                    cx += buffer.put(" → ", at: Point(x: cx, y: y), role: .dim)
                } else {
                    cx += buffer.put(from.glyph, at: Point(x: cx, y: y), role: ahead ? .dim : .level(e.from))
                    cx += buffer.put("→", at: Point(x: cx, y: y), role: .dim)
                }
                buffer.put(
                    to.labelled, at: Point(x: cx, y: y), role: ahead ? .dim : .level(e.to),
                    maxWidth: x + cols.change - cx)
                x += cols.change + 1
            }
            if cols.kind > 0 {
                // A late report is tagged; where "declared late" does not fit, the tag takes the column.
                let wide = TextWidth.of(e.kind.rawValue) + 5 <= cols.kind
                if !e.late || wide {
                    buffer.put(
                        e.kind.rawValue, at: Point(x: x, y: y), role: ahead ? .dim : .logKind, maxWidth: cols.kind)
                }
                if e.late {
                    let at = wide ? x + TextWidth.of(e.kind.rawValue) + 1 : x
                    buffer.put("late", at: Point(x: at, y: y), role: .warning, maxWidth: x + cols.kind - at)
                }
                x += cols.kind + 1
            }
            if cols.source > 0 {
                buffer.column(e.source, x: x, y: y, width: cols.source, role: .dim)
            }
            if r == model.logSel && focused {
                buffer.paint(Rect(x: body.x, y: y, width: body.width, height: 1), role: .selection)
                buffer.cursor = Point(x: body.x, y: y)
            }
        }
    }

    /// The newest system notes at the foot of the log pane, with the time each was noted.
    static func drawNotes(_ model: Model, in body: Rect, rows: Int, into buffer: inout CellBuffer) {
        guard rows > 0 else { return }
        for (k, note) in model.notes.suffix(rows).enumerated() {
            let y = body.maxY - rows + k
            let text = TextPieces(Format.clockParts(note.time, model.zoneOffset).time, " note: ", note.text)
            buffer.put(text, at: Point(x: body.x + 1, y: y), role: .dim, maxWidth: body.width - 1)
        }
    }
}
