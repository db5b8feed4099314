/// Character facts for the scalars news text is made of, looked up in a table instead of the
/// Unicode property tables.
///
/// A scalar is "simple" when it always forms a grapheme cluster of its own next to any other simple
/// scalar: no combining marks, joiners, Hangul or regional indicators. In text made only of simple
/// scalars each `Character` is one scalar, so a scan over scalars with these flags gives exactly
/// what a scan over Characters gives; anything else takes the Character path.
public enum SimpleScalars {
    /// `Character.isLetter`.
    public static let letter: UInt8 = 1
    /// `Character.isNumber`.
    public static let number: UInt8 = 2
    /// `Character.isUppercase`.
    public static let upper: UInt8 = 4
    /// `Character.isWhitespace`.
    public static let whitespace: UInt8 = 8
    /// `Unicode.Scalar.Properties.isAlphabetic`.
    public static let alphabetic: UInt8 = 16
    /// `Unicode.Scalar.Properties.isUppercase`.
    public static let scalarUpper: UInt8 = 32
    /// `Unicode.Scalar.Properties.numericType != nil`.
    public static let numeric: UInt8 = 64
    /// Set on every simple scalar's entry.
    public static let simple: UInt8 = 128

    /// Blocks covered: Latin, Greek, Cyrillic, Latin Extended Additional, punctuation, currency, letterlike.
    private static let blocks: [(lo: UInt32, hi: UInt32)] = [
        (0, 0x530), (0x1E00, 0x1F00), (0x2000, 0x2150),
    ]

    @usableFromInline
    static let table: [UInt8] = {
        var t: [UInt8] = []
        for (lo, hi) in blocks {
            for v in lo..<hi {
                guard let u = Unicode.Scalar(v), isSimple(v) else {
                    t.append(0)
                    continue
                }
                // Character's properties of a one-scalar Character are its scalar's (stdlib
                // CharacterProperties.swift), but for isUppercase, which also asks the case
                // mappings: only cased scalars or ones a case mapping changes need that slow check.
                let p = u.properties
                var f = simple
                if p.isAlphabetic { f |= letter | alphabetic }
                if p.numericType != nil { f |= number | numeric }
                if p.isWhitespace { f |= whitespace }
                if p.isUppercase {
                    f |= upper
                } else if p.isAlphabetic || p.isCased {
                    // Character.isUppercase: unchanged by upper-casing, and cased (or changed by lower-casing)
                    let me = String(Character(u))
                    let upperFixed = p.uppercaseMapping == me
                    if upperFixed && (p.isCased || p.lowercaseMapping != me) { f |= upper }
                }
                if p.isUppercase { f |= scalarUpper }
                t.append(f)
            }
        }
        return t
    }()

    /// Combining marks (0300–036F, 0483–0489, 20D0–20FF) and the joiners (200C, 200D) glue to a neighbour.
    private static func isSimple(_ v: UInt32) -> Bool {
        !((0x300...0x36F).contains(v) || (0x483...0x489).contains(v) || (0x20D0...0x20FF).contains(v)
            || v == 0x200C || v == 0x200D)
    }

    /// The flags of scalar `v`, or 0 when it is not simple.
    @inlinable
    public static func flags(_ v: UInt32) -> UInt8 {
        if v < 0x530 { return table[Int(v)] }
        if v >= 0x1E00 && v < 0x1F00 { return table[Int(v - 0x1E00 + 0x530)] }
        if v >= 0x2000 && v < 0x2150 { return table[Int(v - 0x2000 + 0x630)] }
        return 0
    }

    /// Decodes the scalar starting at `i` of valid UTF-8: its value and byte length.
    @inlinable
    public static func decode(_ buf: UnsafeBufferPointer<UInt8>, _ i: Int) -> (UInt32, Int) {
        let b0 = UInt32(buf[i])
        if b0 < 0x80 { return (b0, 1) }
        if b0 < 0xE0 { return ((b0 & 0x1F) << 6 | UInt32(buf[i + 1] & 0x3F), 2) }
        if b0 < 0xF0 {
            return ((b0 & 0x0F) << 12 | UInt32(buf[i + 1] & 0x3F) << 6 | UInt32(buf[i + 2] & 0x3F), 3)
        }
        return (
            (b0 & 0x07) << 18 | UInt32(buf[i + 1] & 0x3F) << 12 | UInt32(buf[i + 2] & 0x3F) << 6
                | UInt32(buf[i + 3] & 0x3F), 4
        )
    }
}
