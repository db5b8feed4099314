import AlertCore

/// Draws the full frame for `model` at `size` (pure: same inputs, same cells).
public func render(_ model: Model, size: Size, theme: Theme) -> CellBuffer {
    var buffer = CellBuffer(size: size)
    render(model, size: size, theme: theme, into: &buffer)
    return buffer
}

/// Draws the full frame into `buffer`, reusing its storage when the size is unchanged.
public func render(_ model: Model, size: Size, theme: Theme, into buffer: inout CellBuffer) {
    buffer.reset(size: size)
    guard size.width > 0, size.height > 0 else { return }
    if Layout.isTooSmall(size) {
        TooSmallView.draw(size: size, model: model, into: &buffer)
        return
    }
    let layout = model.layout(size)
    HeaderView.draw(model, theme: theme, in: layout.header, into: &buffer)
    BoardView.draw(model, theme: theme, layout: layout, into: &buffer)
    LogView.draw(model, theme: theme, layout: layout, into: &buffer)
    if !layout.timeline.isEmpty { TimelineView.draw(model, theme: theme, in: layout.timeline, into: &buffer) }
    if !layout.separator.isEmpty { buffer.fill(layout.separator, role: .border, with: "│") }
    FooterView.draw(model, in: layout.footer, into: &buffer)
    if model.showingDetails {
        DetailsOverlay.draw(model, theme: theme, in: layout.overlay, into: &buffer)
    } else if model.showingHelp {
        HelpOverlay.draw(model, in: layout.overlay, into: &buffer)
    }
    if model.filtering || model.jumping {
        buffer.cursor = HeaderView.promptCursor(model, in: layout.header)
    }
}

/// Writes `text` in a column of `width`, left or right aligned; returns the column after it plus a gap.
extension CellBuffer {
    @discardableResult
    mutating func column(_ text: String, x: Int, y: Int, width: Int, role: Role, right: Bool = false)
        -> Int
    {
        guard width > 0 else { return x }
        let at = right ? x + max(0, width - TextWidth.of(text)) : x
        put(text, at: Point(x: at, y: y), role: role, maxWidth: width - (at - x))
        return x + width + 1
    }

    /// `column` for text in pieces.
    @discardableResult
    mutating func column(_ text: TextPieces, x: Int, y: Int, width: Int, role: Role, right: Bool = false) -> Int {
        guard width > 0 else { return x }
        let at = right ? x + max(0, width - TextWidth.of(text)) : x
        put(text, at: Point(x: at, y: y), role: role, maxWidth: width - (at - x))
        return x + width + 1
    }

    /// A pane title: "─ Title ───…" across `rect`'s top row.
    mutating func titleBar(_ title: TextPieces, in rect: Rect, focused: Bool) {
        guard !rect.isEmpty else { return }
        fill(Rect(x: rect.x, y: rect.y, width: rect.width, height: 1), role: .border, with: "─")
        var text = TextPieces(" ")
        for i in 0..<title.count { text.append(title[i]) }
        text.append(" ")
        put(text, at: Point(x: rect.x + 1, y: rect.y), role: focused ? .title : .dim, maxWidth: rect.width - 2)
    }
}

enum TooSmallView {
    static func draw(size: Size, model: Model, into buffer: inout CellBuffer) {
        let need = Layout.minimum
        let text =
            "terminal too small: have \(size.width)×\(size.height), need \(need.width)×\(need.height) — q quits"
        let lines = Wrap.lines(text, width: size.width)
        let top = max(0, (size.height - lines.count) / 2)
        for (i, line) in lines.enumerated() where top + i < size.height {
            let x = max(0, (size.width - TextWidth.of(line)) / 2)
            buffer.put(line, at: Point(x: x, y: top + i), role: .warning, maxWidth: size.width - x)
        }
    }
}

enum FooterView {
    static func draw(_ model: Model, in rect: Rect, into buffer: inout CellBuffer) {
        guard !rect.isEmpty else { return }
        var end = rect.x
        let mode = model.mode
        let cut = FooterHints.walk(
            model.keyMap.bindings, where: { $0.isInFooter(of: mode) }, width: rect.width
        ) { h in
            buffer.put(h.binding.footerKeys, at: Point(x: rect.x + h.x, y: rect.y), role: .keyHint)
            buffer.put(
                h.binding.label, at: Point(x: rect.x + h.x + h.keyWidth + 1, y: rect.y), role: .keyText)
            end = rect.x + h.x + h.width
        }
        if cut { buffer.put("…", at: Point(x: min(end + 1, rect.maxX - 1), y: rect.y), role: .keyText) }
    }
}
