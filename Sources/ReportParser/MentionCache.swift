import Gazetteer

/// Gazetteer mentions of a sentence, read stretch by stretch and remembered for the report.
///
/// A place name never spans punctuation other than a list's commas, so each stretch between such marks can be read
/// alone, and a stretch that recurs ("was introduced in Almaty from") is read once. Stretches
/// without a capital letter cannot hold a name and are not read at all.
final class MentionCache {
    private struct Found {
        var lower: Int
        var upper: Int
        var text: String
        var candidates: [Place]
    }

    /// A part of a stretch with the report's country: the bytes `country \u{1} part`.
    private struct Key: Hashable {
        var bytes: [UInt8]
        func hash(into h: inout Hasher) { bytes.withUnsafeBytes { h.combine(bytes: $0) } }
    }

    private var memo: [Key: [Found]] = [:]
    /// Single name lookups, for stretches not seen before.
    private let lookups = LookupMemo()
    /// Entries kept before the memo starts over, so a long feed cannot grow it without bound.
    static let capacity = 200_000
    /// The gazetteer's words that make a common word a place ("in Nice"): a stretch keeps the one before it.
    static let locatives: Set<String> = ["in", "at", "near", "from", "to", "into", "outside", "в", "во", "из", "под"]

    /// The same mentions `gazetteer.mentions(in: text, countryContext: country)` finds.
    func mentions(in text: String, gazetteer: Gazetteer, country: String?) -> [Mention] {
        var native = text
        return native.withUTF8 { scan(text, $0, gazetteer: gazetteer, country: country) }
    }

    /// The scan over `text`'s UTF-8 (`buf`), by byte offsets; string indices are made only for the mentions.
    private func scan(_ text: String, _ buf: UnsafeBufferPointer<UInt8>, gazetteer: Gazetteer, country: String?)
        -> [Mention]
    {
        var out: [Mention] = []
        let n = buf.count
        var i = 0
        var previousWord: Range<Int>?
        while i < n {
            // skip to a stretch
            while i < n {
                let (v, len) = SimpleScalars.decode(buf, i)
                if !Self.isBreak(v) { break }
                i += len
            }
            guard i < n else { break }
            let start = i
            var capital = false
            var wordStart: Int?
            var lastWord: Range<Int>?
            while i < n {
                let (v, len) = SimpleScalars.decode(buf, i)
                if Self.isBreak(v) { break }
                if Self.isLetter(v) {
                    if wordStart == nil { wordStart = i }
                    if !capital, Self.isUpper(v) { capital = true }
                } else if let w = wordStart, v == 0x20 || v == 0x2D {
                    lastWord = w..<i
                    wordStart = nil
                }
                i += len
            }
            let end = i
            defer { previousWord = wordStart.map { $0..<end } ?? lastWord }
            guard capital else { continue }
            var from = start
            // a locative lower-cases to at most 7 bytes, and lower-casing shrinks a scalar by at most 2 bytes of 3
            if let p = previousWord, p.count <= 24,
                Self.locatives.contains(
                    String(decoding: UnsafeBufferPointer(rebasing: buf[p]), as: UTF8.self).lowercased())
            {
                from = p.lowerBound
            }
            for piece in Self.pieces(buf, from, end) {
                var keyBytes = Array((country ?? "").utf8)
                keyBytes.append(1)
                keyBytes.append(contentsOf: UnsafeBufferPointer(rebasing: buf[piece]))
                let key = Key(bytes: keyBytes)
                let found: [Found]
                if let f = memo[key] {
                    found = f
                } else {
                    let s = String(decoding: UnsafeBufferPointer(rebasing: buf[piece]), as: UTF8.self)
                    found = gazetteer.mentions(in: s, countryContext: country, memo: lookups).map {
                        Found(
                            lower: s.utf8.distance(from: s.startIndex, to: $0.range.lowerBound),
                            upper: s.utf8.distance(from: s.startIndex, to: $0.range.upperBound), text: $0.text,
                            candidates: $0.candidates)
                    }
                    if memo.count >= Self.capacity { memo.removeAll(keepingCapacity: true) }
                    memo[key] = found
                }
                for f in found {
                    let lo = piece.lowerBound + f.lower
                    if lo < start { continue }  // the locative itself is context, not a name
                    let hi = piece.lowerBound + f.upper
                    let u = text.utf8
                    out.append(
                        Mention(
                            range: u.index(u.startIndex, offsetBy: lo)..<u.index(u.startIndex, offsetBy: hi),
                            text: f.text, candidates: f.candidates))
                }
            }
        }
        return out
    }

    @inline(__always)
    private static func isLetter(_ v: UInt32) -> Bool {
        if v < 0x80 { return (v | 0x20) >= 0x61 && (v | 0x20) <= 0x7A }
        let f = SimpleScalars.flags(v)
        return f != 0 ? f & SimpleScalars.alphabetic != 0 : Unicode.Scalar(v)?.properties.isAlphabetic ?? false
    }

    @inline(__always)
    private static func isUpper(_ v: UInt32) -> Bool {
        if v < 0x80 { return v >= 0x41 && v <= 0x5A }
        let f = SimpleScalars.flags(v)
        return f != 0 ? f & SimpleScalars.scalarUpper != 0 : Unicode.Scalar(v)?.properties.isUppercase ?? false
    }

    /// The bytes `lo..<hi` of a stretch cut where the gazetteer's reading cannot carry over, so the
    /// parts that recur ("was introduced") are remembered apart from the names that do not.
    ///
    /// A cut goes before a lower-case word that follows four other lower-case words, all of them
    /// separated by single spaces: a name the gazetteer reads spans at most five words starting at a
    /// capital (and a list of regions cannot cross two lower-case words), so no name crosses the cut,
    /// and the word after the cut keeps the word before it (a locative) in its own part. Those words
    /// are plain a–z or а–я, so the cut sits between Characters and the tokens are the same either
    /// side. Parts without a capital letter are left out: no name starts there.
    static func pieces(_ buf: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var pieceStart = lo
        var pieceCapital = false
        var plainRun = 0
        var wordStart = lo
        var plain = true
        var capital = false
        var i = lo
        while true {
            if i == hi || buf[i] == 0x20 {
                if plain && i > wordStart {
                    plainRun += 1
                    // a fifth plain word in a row opens a new part
                    if plainRun >= 5 {
                        if pieceCapital { out.append(pieceStart..<wordStart) }
                        pieceStart = wordStart
                        pieceCapital = false
                    }
                } else {
                    plainRun = 0
                    if capital { pieceCapital = true }
                }
                if i == hi { break }
                i += 1
                wordStart = i
                plain = true
                capital = false
                continue
            }
            let b = buf[i]
            if b >= 0x61 && b <= 0x7A {
                i += 1
                continue
            }
            if i + 1 < hi,
                (b == 0xD0 && buf[i + 1] >= 0xB0 && buf[i + 1] <= 0xBF)
                    || (b == 0xD1 && ((buf[i + 1] >= 0x80 && buf[i + 1] <= 0x8F) || buf[i + 1] == 0x91))
            {
                i += 2
                continue
            }
            plain = false
            let (v, len) = SimpleScalars.decode(buf, i)
            if !capital, isLetter(v), isUpper(v) { capital = true }
            i += len
        }
        if pieceCapital { out.append(pieceStart..<hi) }
        return out
    }

    /// Characters that end a stretch: none of them can sit inside a name or between its words.
    static func isBreak(_ v: UInt32) -> Bool {
        if v < 0x80 {
            let c = v | 0x20
            if c >= 0x61 && c <= 0x7A { return false }
            if v >= 0x30 && v <= 0x39 { return false }
            // Commas stay inside a stretch: the gazetteer reads lists that share one noun
            // ("в Акмолинской, Карагандинской и Костанайской областях") as a whole.
            return !(v == 0x20 || v == 0x2D || v == 0x27 || v == 0x2E || v == 0x2C)
        }
        guard let u = Unicode.Scalar(v) else { return true }
        return isBreak(u)
    }

    /// Characters that end a stretch: none of them can sit inside a name or between its words.
    static func isBreak(_ u: Unicode.Scalar) -> Bool {
        if u.value < 0x80 {
            let c = u.value | 0x20
            if c >= 0x61 && c <= 0x7A { return false }
            if u.value >= 0x30 && u.value <= 0x39 { return false }
            // Commas stay inside a stretch: the gazetteer reads lists that share one noun
            // ("в Акмолинской, Карагандинской и Костанайской областях") as a whole.
            return !(u == " " || u == "-" || u == "'" || u == "." || u == ",")
        }
        if u == "’" || u == "ʼ" { return false }
        // a simple scalar is never a mark: alphabetic or numeric decides
        let f = SimpleScalars.flags(u.value)
        if f != 0 { return f & (SimpleScalars.alphabetic | SimpleScalars.numeric) == 0 }
        let p = u.properties
        return
            !(p.isAlphabetic || p.numericType != nil || p.generalCategory == .nonspacingMark
            || p.generalCategory == .spacingMark)
    }
}
