import AlertCore

/// A full frame as a flat grid of cells, drawn by widgets and diffed by the terminal backend.
public struct CellBuffer: Sendable, Hashable {
    public private(set) var size: Size
    /// Row-major cells, `size.width * size.height` of them.
    public private(set) var cells: [Cell]
    /// Where the (hidden) cursor should rest for screen readers: the selected row or the prompt.
    public var cursor: Point?

    public init(size: Size, role: Role = .text) {
        self.size = size
        self.cells = Array(repeating: .blank(role), count: size.width * size.height)
        self.cursor = nil
    }

    /// Blanks every cell, resizing when needed, keeping the storage when the size is unchanged.
    public mutating func reset(size newSize: Size, role: Role = .text) {
        cursor = nil
        if newSize == size {
            for i in cells.indices { cells[i] = .blank(role) }
        } else {
            size = newSize
            cells = Array(repeating: .blank(role), count: newSize.width * newSize.height)
        }
    }

    /// The cell at (x, y); nil outside the buffer.
    public subscript(x: Int, y: Int) -> Cell? {
        guard x >= 0, y >= 0, x < size.width, y < size.height else { return nil }
        return cells[y * size.width + x]
    }

    /// Whole area as a rectangle.
    public var area: Rect { Rect(x: 0, y: 0, width: size.width, height: size.height) }

    /// Stores one cell, repairing any wide character it cuts in half.
    mutating func set(_ cell: Cell, x: Int, y: Int) {
        guard x >= 0, y >= 0, x < size.width, y < size.height else { return }
        let i = y * size.width + x
        let old = cells[i]
        if old.width == 0, x > 0, cells[i - 1].width == 2 {
            cells[i - 1] = .blank(cells[i - 1].role)
        }
        if old.width == 2, x + 1 < size.width, cell.width != 2 {
            cells[i + 1] = .blank(cells[i + 1].role)
        }
        cells[i] = cell
    }

    /// Paints `role` over a rectangle without changing text.
    public mutating func paint(_ rect: Rect, role: Role) {
        for y in max(0, rect.y)..<min(size.height, rect.maxY) {
            for x in max(0, rect.x)..<min(size.width, rect.maxX) { cells[y * size.width + x].role = role }
        }
    }

    /// Blanks a rectangle with a role.
    public mutating func fill(_ rect: Rect, role: Role = .text, with grapheme: String = " ") {
        let g = CharWidth.of(grapheme) == 1 ? grapheme : " "
        for y in max(0, rect.y)..<min(size.height, rect.maxY) {
            for x in max(0, rect.x)..<min(size.width, rect.maxX) {
                set(Cell(grapheme: g, width: 1, role: role), x: x, y: y)
            }
        }
    }

    /// Writes sanitised text from `at` within `maxWidth` columns (and the buffer's edge).
    ///
    /// Text is cut by grapheme; when it does not fit it ends in "…"; a wide character is never
    /// split (its place is padded). Returns the number of columns written.
    @discardableResult
    public mutating func put(_ text: String, at p: Point, role: Role, maxWidth: Int = .max) -> Int {
        guard let (x, budget) = span(at: p, maxWidth: maxWidth) else { return 0 }
        let clean = Sanitizer.clean(text)
        guard let total = TextWidth.ofASCII(clean) else {
            return putGraphemes(clean, x: x, y: p.y, budget: budget, role: role)
        }
        let fits = total <= budget
        var used = 0
        _ = write(clean, x: x, y: p.y, room: fits ? budget : budget - 1, role: role, used: &used)
        return finish(fits: fits, x: x, y: p.y, budget: budget, role: role, used: used)
    }

    /// `put` for clean text beyond ASCII, in one pass: graphemes go in while they leave the last column
    /// free; the one that would take it goes in only when everything after it fits too (measured from
    /// there, not from the start), else the text is cut there.
    private mutating func putGraphemes(_ clean: String, x: Int, y: Int, budget: Int, role: Role) -> Int {
        var used = 0
        var room = budget - 1
        var graphemes = clean.makeIterator()
        while let c = graphemes.next() {
            let (w, lone) = TextWidth.measure(c)
            if w == 0 { continue }
            if used + w > room {
                var total = used + w
                var rest = graphemes
                while total <= budget, let d = rest.next() { total += TextWidth.of(d) }
                guard room < budget, total <= budget else {
                    return finish(fits: false, x: x, y: y, budget: budget, role: role, used: used)
                }
                room = budget
            }
            setGrapheme(c, width: w, lone: lone, x: x + used, y: y, role: role)
            used += w
        }
        return used
    }

    /// Stores grapheme `c` of `width` columns (a lone mark on a dotted circle), with its continuation cell.
    private mutating func setGrapheme(_ c: Character, width w: Int, lone: Bool, x: Int, y: Int, role: Role) {
        // A mark with nothing to sit on is shown on a dotted circle rather than vanishing.
        let g = lone ? "◌" + String(c) : String(c)
        set(Cell(grapheme: g, width: UInt8(w), role: role), x: x, y: y)
        if w == 2 { set(.continuation(role), x: x + 1, y: y) }
    }

    /// Writes pieces exactly as `put` writes their concatenation, without building it.
    @discardableResult
    mutating func put(_ text: TextPieces, at p: Point, role: Role, maxWidth: Int = .max) -> Int {
        guard let (x, budget) = span(at: p, maxWidth: maxWidth) else { return 0 }
        let clean = text.cleaned
        if clean.mergesAcrossPieces { return put(clean.joined, at: p, role: role, maxWidth: maxWidth) }
        var total = 0
        for i in 0..<clean.count { total += TextWidth.of(clean[i]) }
        let fits = total <= budget
        let room = fits ? budget : budget - 1
        var used = 0
        for i in 0..<clean.count {
            guard write(clean[i], x: x, y: p.y, room: room, role: role, used: &used) else { break }
        }
        return finish(fits: fits, x: x, y: p.y, budget: budget, role: role, used: used)
    }

    /// Where text put at `p` starts and how many columns it may take; nil when none.
    private func span(at p: Point, maxWidth: Int) -> (x: Int, budget: Int)? {
        guard p.y >= 0, p.y < size.height, p.x < size.width else { return nil }
        var x = p.x
        var budget = min(maxWidth, size.width - p.x)
        if x < 0 {
            budget += x
            x = 0
        }
        return budget > 0 ? (x, budget) : nil
    }

    /// Writes clean text's graphemes from column `x + used` while they fit in `room`; false once one did not.
    private mutating func write(_ clean: String, x: Int, y: Int, room: Int, role: Role, used: inout Int) -> Bool {
        if let done = writeASCII(clean, x: x, y: y, room: room, role: role, used: &used) { return done }
        for c in clean {
            let (w, lone) = TextWidth.measure(c)
            if w == 0 { continue }
            if used + w > room {
                return false
            }
            setGrapheme(c, width: w, lone: lone, x: x + used, y: y, role: role)
            used += w
        }
        return true
    }

    /// `write` for printable ASCII (most of a frame): a byte per cell, without breaking graphemes;
    /// nil when the text holds anything else.
    private mutating func writeASCII(
        _ clean: String, x: Int, y: Int, room: Int, role: Role, used: inout Int
    ) -> Bool? {
        clean.utf8.withContiguousStorageIfAvailable { bytes -> Bool? in
            for b in bytes where b < 0x20 || b >= 0x7F { return nil }
            let graphemes = asciiGraphemes
            for b in bytes {
                if used + 1 > room { return false }
                set(Cell(grapheme: graphemes[Int(b)], width: 1, role: role), x: x + used, y: y)
                used += 1
            }
            return true
        } ?? nil
    }

    /// Ends text that did not fit: pads the column a cut wide character would have taken, then "…".
    private mutating func finish(fits: Bool, x: Int, y: Int, budget: Int, role: Role, used: Int) -> Int {
        guard !fits else { return used }
        var used = used
        while used < budget - 1 {
            set(.blank(role), x: x + used, y: y)
            used += 1
        }
        set(Cell(grapheme: "…", width: 1, role: role), x: x + used, y: y)
        return used + 1
    }

    /// Each row as plain text (continuation cells contribute nothing).
    public var textRows: [String] {
        (0..<size.height).map { y in
            var s = ""
            for x in 0..<size.width { s += cells[y * size.width + x].grapheme }
            return s
        }
    }

    /// Each row as role letters, one per cell (see `Role.letter`).
    public var roleRows: [String] {
        (0..<size.height).map { y in
            String((0..<size.width).map { cells[y * size.width + $0].role.letter })
        }
    }
}

/// One-character strings for the ASCII scalars, so an ASCII cell's grapheme is looked up, not built.
private let asciiGraphemes: [String] = (0..<128).map { String(Unicode.Scalar(UInt8($0))) }

/// Width of text after sanitising, the way `CellBuffer.put` measures it.
public enum TextWidth {
    /// Columns `s` takes on screen (lone marks count 1 as they are drawn on a dotted circle).
    public static func of(_ s: String) -> Int {
        if let w = ofASCII(s) { return w }
        var w = 0
        for c in s { w += of(c) }
        return w
    }

    /// Columns one grapheme takes as `put` draws it: a lone mark 1 (on a dotted circle), a control or
    /// format character none.
    static func of(_ c: Character) -> Int { measure(c).width }

    /// `of` for one grapheme, and whether it is a lone mark (drawn on a dotted circle).
    static func measure(_ c: Character) -> (width: Int, lone: Bool) {
        let cw = CharWidth.of(c)
        if cw > 0 { return (cw, false) }
        let mark = c.unicodeScalars.contains(where: {
            CharWidth.isZeroWidth($0) && $0.properties.generalCategory != .format
        })
        return mark ? (1, true) : (0, false)
    }

    /// `of` for all-ASCII text, byte by byte (controls take no column; CR LF, one grapheme, none
    /// either); nil when `s` holds other scalars.
    static func ofASCII(_ s: String) -> Int? {
        s.utf8.withContiguousStorageIfAvailable { bytes -> Int? in
            var w = 0
            for b in bytes {
                if b >= 0x80 { return nil }
                if b >= 0x20 && b != 0x7F { w += 1 }
            }
            return w
        } ?? nil
    }

    /// The longest prefix of `s` (by grapheme) that fits in `width` columns, without an ellipsis.
    public static func prefix(_ s: String, width: Int) -> Substring {
        var used = 0
        var end = s.startIndex
        for i in s.indices {
            let w = of(String(s[i]))
            if used + w > width { return s[..<i] }
            used += w
            end = s.index(after: i)
        }
        return s[..<end]
    }
}
