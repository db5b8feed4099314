import AlertCore

enum HeaderView {
    /// Levels most severe first, walked by index: `allCases` and array iteration allocate in an unoptimised
    /// build, where the allocation test runs.
    static let descending: [Level] = Level.allCases.reversed()

    static func draw(_ model: Model, theme: Theme, in rect: Rect, into buffer: inout CellBuffer) {
        guard rect.height >= 2 else { return }
        buffer.fill(Rect(x: rect.x, y: rect.y, width: rect.width, height: 1), role: .header)
        let y = rect.y
        let w = rect.width
        let wide = w >= 70
        let clock: TextPieces
        if wide {
            let c = Format.clockParts(model.now, model.zoneOffset)
            clock = TextPieces(c.date, " ", c.time, " ", model.zoneLabel)
        } else {
            clock = TextPieces(Format.hhmm(model.now, model.zoneOffset), " ", model.zoneLabel)
        }
        var x = rect.x + 1
        x += buffer.put(model.title, at: Point(x: x, y: y), role: .header, maxWidth: w - 1) + 2
        x += buffer.put(clock, at: Point(x: x, y: y), role: .header, maxWidth: rect.maxX - x) + 2
        x +=
            buffer.put(model.clock.label, at: Point(x: x, y: y), role: .title, maxWidth: rect.maxX - x)
            + 1
        if let r = model.replay {
            let state = TextPieces(r.playing ? "▶" : "❚❚", " ×", String(r.speed))
            x += buffer.put(state, at: Point(x: x, y: y), role: .title, maxWidth: rect.maxX - x) + 1
        }
        if model.unseen > 0 && !model.following {
            x +=
                buffer.put(
                    TextPieces(String(model.unseen), " new (End)"), at: Point(x: x, y: y), role: .highlight,
                    maxWidth: rect.maxX - x) + 1
        }
        x += 1
        // Counts, most severe first, with labels when they fit.
        var full = 0
        for i in descending.indices {
            let l = descending[i]
            let look = theme.look(l)
            full +=
                TextWidth.of(look.glyph) + 1 + String(model.counts[l.rawValue]).count + 1
                + TextWidth.of(look.label) + 2
        }
        let labelled = x + full <= rect.maxX
        for i in descending.indices where x < rect.maxX {
            let l = descending[i]
            let look = theme.look(l)
            let n = String(model.counts[l.rawValue])
            let text = labelled ? TextPieces(look.glyph, " ", n, " ", look.label) : TextPieces(look.glyph, n)
            x +=
                buffer.put(text, at: Point(x: x, y: y), role: .level(l), maxWidth: rect.maxX - x)
                + (labelled ? 2 : 1)
        }

        // Second row: the frozen banner, the jump prompt, or the filters (always visible while
        // active), problems following paths and the status message.
        let y2 = rect.y + 1
        var x2 = rect.x + 1
        if model.frozen {
            let banner = TextPieces(" PAUSED — p to resume, ", String(model.arrivedWhileFrozen), " new arrived ")
            buffer.put(banner, at: Point(x: x2, y: y2), role: .highlight, maxWidth: rect.maxX - x2)
            return
        }
        if model.jumping {
            x2 += buffer.put(jumpPrompt(model), at: Point(x: x2, y: y2), role: .dim, maxWidth: rect.maxX - x2)
            x2 += buffer.put(model.jumpText, at: Point(x: x2, y: y2), role: .filter, maxWidth: rect.maxX - x2 - 1)
            buffer.put("▏", at: Point(x: x2, y: y2), role: .filter, maxWidth: rect.maxX - x2)
            if let s = model.status { status(s, after: x2 + 2, in: rect, into: &buffer) }
            return
        }
        if model.filtering || !model.filterText.isEmpty {
            x2 += buffer.put(
                model.filtering ? "Filter: /" : "Filter: ", at: Point(x: x2, y: y2), role: .dim,
                maxWidth: rect.maxX - x2)
            x2 += buffer.put(
                model.filterText, at: Point(x: x2, y: y2), role: .filter, maxWidth: rect.maxX - x2 - 1)
            if model.filtering {
                x2 += buffer.put("▏", at: Point(x: x2, y: y2), role: .filter, maxWidth: rect.maxX - x2)
            }
            x2 += 2
        } else {
            x2 +=
                buffer.put("Filter: none", at: Point(x: x2, y: y2), role: .dim, maxWidth: rect.maxX - x2)
                + 2
        }
        if x2 < rect.maxX {
            x2 += buffer.put("Level: ", at: Point(x: x2, y: y2), role: .dim, maxWidth: rect.maxX - x2)
            x2 +=
                buffer.put(
                    model.levelFilter.rawValue, at: Point(x: x2, y: y2),
                    role: model.levelFilter == .all ? .text : .filter,
                    maxWidth: rect.maxX - x2) + 2
        }
        if x2 < rect.maxX {
            x2 += buffer.put("Sort: ", at: Point(x: x2, y: y2), role: .dim, maxWidth: rect.maxX - x2)
            x2 +=
                buffer.put(
                    model.order.rawValue, at: Point(x: x2, y: y2), role: .text, maxWidth: rect.maxX - x2) + 2
        }
        if let first = model.followStatus.first, x2 < rect.maxX - 4 {
            var text = TextPieces("! ", first)
            if model.followStatus.count > 1 {
                text.append(" (+")
                text.append(String(model.followStatus.count - 1))
                text.append(" more)")
            }
            x2 +=
                buffer.put(text, at: Point(x: x2, y: y2), role: .warning, maxWidth: rect.maxX - x2)
                + 2
        }
        if let s = model.status {
            status(s, after: x2, in: rect, into: &buffer)
        } else if let h = model.hint {
            status(h, after: x2, in: rect, role: .keyText, into: &buffer)
        }
    }

    /// The status message, right-aligned on the second row after column `x`.
    static func status(
        _ s: String, after x: Int, in rect: Rect, role: Role = .warning, into buffer: inout CellBuffer
    ) {
        guard x < rect.maxX - 4 else { return }
        let sw = min(TextWidth.of(s), rect.maxX - x - 1)
        buffer.put(s, at: Point(x: rect.maxX - sw - 1, y: rect.y + 1), role: role, maxWidth: sw)
    }

    /// The `:` prompt's lead-in, saying what a relative time counts from.
    static func jumpPrompt(_ model: Model) -> TextPieces {
        TextPieces(
            "Jump to (HH:MM, date, or -15m/+1h from ", Format.hhmm(model.now, model.zoneOffset), " replay time): ")
    }

    /// Where the cursor rests while typing a filter: just after the query.
    static func promptCursor(_ model: Model, in rect: Rect) -> Point {
        if model.jumping {
            let x = rect.x + 1 + TextWidth.of(jumpPrompt(model)) + TextWidth.of(Sanitizer.clean(model.jumpText))
            return Point(x: min(x, rect.maxX - 1), y: rect.y + 1)
        }
        let x = rect.x + 1 + TextWidth.of("Filter: /") + TextWidth.of(Sanitizer.clean(model.filterText))
        return Point(x: min(x, rect.maxX - 1), y: rect.y + 1)
    }
}
