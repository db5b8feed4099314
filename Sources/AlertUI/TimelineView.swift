import AlertCore

/// The replay strip: the selected place's level hour by hour across the day, the whole board's
/// changes per hour as a histogram, and an hour axis with the cursor's hour marked.
///
/// Levels are drawn with their glyphs and the histogram with block heights, so it reads without colour.
enum TimelineView {
    /// Rows the strip takes: title, place, histogram, axis.
    static let height = 4
    static let labelWidth = 11
    static let blocks: [String] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    static func draw(_ model: Model, theme: Theme, in rect: Rect, into buffer: inout CellBuffer) {
        guard let r = model.replay, rect.height >= height, rect.width > labelWidth + 24 else { return }
        let place = model.selectedPlaceState
        var title = TextPieces("Day ", r.day.iso, " by UTC hour · ")
        if let p = place {
            title.append(p.city)
            if let c = p.country {
                title.append(" ")
                title.append(c)
            }
        } else {
            title.append("no place selected")
        }
        buffer.titleBar(title, in: rect, focused: false)
        let cw = min(4, (rect.width - labelWidth - 1) / 24)
        let x0 = rect.x + labelWidth
        let y = rect.y + 1
        let hour = Int((r.time.seconds - r.dayStart) / 3600)

        buffer.put(
            place?.city ?? "—", at: Point(x: rect.x + 1, y: y), role: .logCity, maxWidth: labelWidth - 2)
        if let p = place {
            let line = model.machine.timeline(of: p.key, day: r.day, cursor: r.time)
            for (h, level) in line.hours.enumerated() {
                let glyph = theme.look(level).glyph
                let text = String(repeating: glyph, count: max(1, cw - 1))
                buffer.put(text, at: Point(x: x0 + h * cw, y: y), role: .level(level), maxWidth: cw)
            }
        }

        buffer.put("changes", at: Point(x: rect.x + 1, y: y + 1), role: .dim, maxWidth: labelWidth - 2)
        let counts = model.machine.changesPerHour(day: r.day)
        let top = counts.max() ?? 0
        for (h, c) in counts.enumerated() where c > 0 {
            let b = blocks[min(7, max(0, (c * 8 + top - 1) / top - 1))]
            buffer.put(
                String(repeating: b, count: max(1, cw - 1)), at: Point(x: x0 + h * cw, y: y + 1), role: .text,
                maxWidth: cw)
        }

        buffer.put("UTC hour", at: Point(x: rect.x + 1, y: y + 2), role: .dim, maxWidth: labelWidth - 2)
        let step = cw >= 2 ? 3 : 6
        // Labels that would run into the cursor's hour give way to it.
        for h in stride(from: 0, to: 24, by: step) where h == hour || abs(h - hour) * cw > 2 {
            buffer.put(Format.pad2(h), at: Point(x: x0 + h * cw, y: y + 2), role: .dim, maxWidth: 2)
        }
        buffer.put(Format.pad2(hour), at: Point(x: x0 + hour * cw, y: y + 2), role: .selection, maxWidth: 2)
    }
}
