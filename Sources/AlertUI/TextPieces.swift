import AlertCore

/// Up to twelve strings drawn as one text, so a frame never builds the concatenation.
///
/// Joining strings longer than 15 UTF-8 bytes allocates; the pieces (literals, numbers, names
/// the model already holds) do not. `CellBuffer.put` measures, cuts and writes them as it would
/// their concatenation.
struct TextPieces {
    static let capacity = 12
    private var parts:
        (String, String, String, String, String, String, String, String, String, String, String, String) =
            ("", "", "", "", "", "", "", "", "", "", "", "")
    /// How many pieces are held (empty strings are not kept).
    private(set) var count = 0

    init() {}

    init(
        _ a: String, _ b: String = "", _ c: String = "", _ d: String = "", _ e: String = "", _ f: String = "",
        _ g: String = "", _ h: String = ""
    ) {
        append(a)
        append(b)
        append(c)
        append(d)
        append(e)
        append(f)
        append(g)
        append(h)
    }

    /// Adds a piece at the end; past the capacity it is joined to the last one.
    mutating func append(_ s: String) {
        guard !s.isEmpty else { return }
        if count == Self.capacity {
            self[count - 1] += s
            return
        }
        count += 1
        self[count - 1] = s
    }

    subscript(i: Int) -> String {
        get {
            switch i {
            case 0: parts.0
            case 1: parts.1
            case 2: parts.2
            case 3: parts.3
            case 4: parts.4
            case 5: parts.5
            case 6: parts.6
            case 7: parts.7
            case 8: parts.8
            case 9: parts.9
            case 10: parts.10
            default: parts.11
            }
        }
        set {
            switch i {
            case 0: parts.0 = newValue
            case 1: parts.1 = newValue
            case 2: parts.2 = newValue
            case 3: parts.3 = newValue
            case 4: parts.4 = newValue
            case 5: parts.5 = newValue
            case 6: parts.6 = newValue
            case 7: parts.7 = newValue
            case 8: parts.8 = newValue
            case 9: parts.9 = newValue
            case 10: parts.10 = newValue
            default: parts.11 = newValue
            }
        }
    }

    /// The pieces joined (allocates past 15 bytes: for the rare text whose pieces merge).
    var joined: String {
        var s = ""
        for i in 0..<count { s += self[i] }
        return s
    }

    /// Each piece sanitised (clean pieces are kept as they are, and the whole without a copy).
    var cleaned: TextPieces {
        var out: TextPieces?
        for i in 0..<count where !Sanitizer.isClean(self[i]) {
            if out == nil { out = self }
            out![i] = Sanitizer.clean(self[i])
        }
        return out ?? self
    }

    /// True when two neighbouring pieces would form one grapheme where they meet (a combining mark
    /// or joiner opening a piece), so drawing them apart would differ from drawing their concatenation.
    var mergesAcrossPieces: Bool {
        guard count > 1 else { return false }
        for i in 1..<count where Self.mayMerge(self[i - 1], self[i]) {
            let a = self[i - 1]
            let last = a.last!
            var pair = String(last)
            pair.append(self[i].first!)
            if pair.count != 2 || pair.first! != last { return true }
        }
        return false
    }

    /// False when `a` then `b` surely break between them: `b` opens with an ASCII scalar and `a` ends
    /// with one that is not a prefix (Prepend) character, the only kind that joins what follows.
    private static func mayMerge(_ a: String, _ b: String) -> Bool {
        // CR LF, the one ASCII pair that joins, never survives sanitising.
        guard b.utf8.first! < 0x80 else { return true }
        if a.utf8.last! < 0x80 { return false }
        // Prepend characters lie in U+0600–U+0DFF and past the Basic Multilingual Plane.
        let v = a.unicodeScalars.last!.value
        return (0x600..<0xE00).contains(v) || v >= 0x10000
    }
}

extension TextWidth {
    /// Columns the pieces' concatenation takes (see `of(_:)`).
    static func of(_ t: TextPieces) -> Int {
        if t.mergesAcrossPieces { return of(t.joined) }
        var w = 0
        for i in 0..<t.count { w += of(t[i]) }
        return w
    }
}
