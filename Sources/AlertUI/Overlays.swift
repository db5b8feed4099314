import AlertCore

/// A line of overlay text with its role.
struct StyledLine: Equatable {
    var text: String
    var role: Role
    var indent: Int = 0
}

extension CellBuffer {
    /// A bordered box with a title, its inside blanked; returns the inside.
    mutating func box(_ rect: Rect, title: String) -> Rect {
        guard rect.width >= 2, rect.height >= 2 else {
            fill(rect)
            return rect
        }
        fill(rect)
        fill(Rect(x: rect.x, y: rect.y, width: rect.width, height: 1), role: .border, with: "─")
        fill(Rect(x: rect.x, y: rect.maxY - 1, width: rect.width, height: 1), role: .border, with: "─")
        fill(Rect(x: rect.x, y: rect.y, width: 1, height: rect.height), role: .border, with: "│")
        fill(Rect(x: rect.maxX - 1, y: rect.y, width: 1, height: rect.height), role: .border, with: "│")
        put("┌", at: Point(x: rect.x, y: rect.y), role: .border)
        put("┐", at: Point(x: rect.maxX - 1, y: rect.y), role: .border)
        put("└", at: Point(x: rect.x, y: rect.maxY - 1), role: .border)
        put("┘", at: Point(x: rect.maxX - 1, y: rect.maxY - 1), role: .border)
        put(
            " " + title + " ", at: Point(x: rect.x + 2, y: rect.y), role: .title, maxWidth: rect.width - 4
        )
        return Rect(x: rect.x + 2, y: rect.y + 1, width: rect.width - 4, height: rect.height - 2)
    }

    /// Styled lines wrapped into `rect` from line `top`; returns the wrapped line count.
    @discardableResult
    mutating func paragraph(_ lines: [StyledLine], in rect: Rect, top: Int) -> Int {
        var wrapped: [StyledLine] = []
        for l in lines {
            for (i, w) in Wrap.lines(l.text, width: rect.width - l.indent).enumerated() {
                wrapped.append(
                    StyledLine(text: w, role: l.role, indent: l.indent + (i > 0 && l.indent == 0 ? 2 : 0)))
            }
        }
        let start = max(0, min(top, wrapped.count - rect.height))
        for (i, l) in wrapped.dropFirst(start).prefix(rect.height).enumerated() {
            put(
                l.text, at: Point(x: rect.x + l.indent, y: rect.y + i), role: l.role,
                maxWidth: rect.width - l.indent)
        }
        return wrapped.count
    }
}

enum DetailsOverlay {
    static func draw(_ model: Model, theme: Theme, in rect: Rect, into buffer: inout CellBuffer) {
        let (title, lines) = content(model, theme: theme)
        let inside = buffer.box(rect, title: title)
        buffer.paragraph(lines, in: inside, top: model.detailsTop)
        buffer.cursor = Point(x: inside.x, y: inside.y)
    }

    static func place(_ p: PlaceState, country: String?) -> String {
        let c = country.map { " (\($0))" } ?? ""
        return p.city + c
    }

    /// The overlay's title and lines for the focused pane's selection.
    static func content(_ model: Model, theme: Theme) -> (String, [StyledLine]) {
        let z = model.zoneOffset
        func at(_ t: Timestamp) -> String {
            Format.long(t, z) + (t.precision == .day ? "" : " " + model.zoneLabel)
        }
        var lines: [StyledLine] = []
        if model.focus == .log, let e = model.selectedLogEntry {
            let f = theme.look(e.from)
            let t = theme.look(e.to)
            lines.append(
                StyledLine(text: "\(f.glyph) \(f.label) → \(t.glyph) \(t.label)", role: .level(e.to)))
            lines.append(
                StyledLine(
                    text: "Change: \(e.kind.rawValue)\(e.late ? " (late report)" : "")", role: .logKind))
            lines.append(
                StyledLine(
                    text: "Time: " + at(e.time) + " (" + Format.age(e.time, now: model.now)
                        + " ago)", role: .logTime))
            if let u = e.until {
                lines.append(StyledLine(text: "Until: " + at(u), role: .text))
            }
            lines.append(StyledLine(text: "Scope: \(e.scope.rawValue)", role: .dim))
            append(sources: e.sources, evidence: e.evidence, to: &lines)
            let c = e.country.map { " (\($0))" } ?? ""
            return ("Details: " + e.city + c, lines)
        }
        guard let p = model.selectedPlaceState else {
            return ("Details", [StyledLine(text: "Nothing selected.", role: .dim)])
        }
        let look = theme.look(p.level)
        var level = "\(look.glyph) \(look.label)"
        if let s = p.scheme { level += " · \(s)" + (p.schemeLevel.map { " \($0)" } ?? "") }
        lines.append(StyledLine(text: level, role: .level(p.level)))
        lines.append(
            StyledLine(
                text: "Since: " + at(p.since) + " ("
                    + Format.age(p.since, now: model.now) + " ago)", role: .logTime))
        let until =
            p.until.map { at($0) + " (" + Format.left($0, now: model.now) + ")" }
            ?? "not stated"
        lines.append(StyledLine(text: "Until: " + until, role: .text))
        lines.append(
            StyledLine(text: "Last change: " + at(p.lastChange), role: .dim))
        lines.append(StyledLine(text: "Scope: \(p.scope.rawValue)", role: .dim))
        append(sources: p.sources, evidence: p.evidence, to: &lines)
        return ("Details: " + place(p, country: p.country), lines)
    }

    static func append(sources: [String], evidence: [String], to lines: inout [StyledLine]) {
        lines.append(StyledLine(text: "", role: .text))
        lines.append(StyledLine(text: "Sources (\(sources.count)):", role: .title))
        for s in sources { lines.append(StyledLine(text: s, role: .text, indent: 2)) }
        lines.append(StyledLine(text: "", role: .text))
        lines.append(StyledLine(text: "Evidence:", role: .title))
        if evidence.isEmpty { lines.append(StyledLine(text: "none recorded", role: .dim, indent: 2)) }
        for e in evidence { lines.append(StyledLine(text: "“" + e + "”", role: .text, indent: 2)) }
    }
}

enum HelpOverlay {
    /// Sections shown, in order: each mode with its bindings.
    static let sections: [Mode] = [.live, .replay, .jumping, .filtering, .details, .help]

    /// Help rows: a section title (keys nil) or a binding's keys and help.
    static func lines(_ keyMap: KeyMap) -> [(keys: String?, text: String)] {
        var out: [(keys: String?, text: String)] = []
        var listed: Set<Binding> = []
        for mode in sections {
            // A binding shared with an earlier section is listed there only.
            let bs = keyMap.bindings(in: mode).filter { listed.insert($0).inserted }
            if bs.isEmpty { continue }
            if !out.isEmpty { out.append((nil, "")) }
            out.append((nil, mode.title))
            for b in bs { out.append((b.helpKeys, b.help)) }
        }
        return out
    }

    static func lineCount(_ keyMap: KeyMap) -> Int { lines(keyMap).count }

    static func draw(_ model: Model, in rect: Rect, into buffer: inout CellBuffer) {
        let inside = buffer.box(rect, title: "Keys (? or Esc closes)")
        let all = lines(model.keyMap)
        let keyWidth = min(14, inside.width / 3)
        let start = max(0, min(model.helpTop, all.count - inside.height))
        for (i, l) in all.dropFirst(start).prefix(inside.height).enumerated() {
            let y = inside.y + i
            guard let keys = l.keys else {
                buffer.put(l.text, at: Point(x: inside.x, y: y), role: .title, maxWidth: inside.width)
                continue
            }
            buffer.put(keys, at: Point(x: inside.x + 2, y: y), role: .keyHint, maxWidth: keyWidth - 1)
            buffer.put(
                l.text, at: Point(x: inside.x + 2 + keyWidth, y: y), role: .keyText,
                maxWidth: inside.width - 2 - keyWidth)
        }
    }
}
