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

    private var memo: [String: [Found]] = [:]
    /// Single name lookups, for stretches not seen before.
    private let lookups = LookupMemo()
    /// Entries kept before the memo starts over, so a long feed cannot grow it without bound.
    static let capacity = 20_000
    /// The gazetteer's words that make a common word a place ("in Nice"): a stretch keeps the one before it.
    static let locatives: Set<String> = ["in", "at", "near", "from", "to", "into", "outside", "в", "во", "из", "под"]

    /// The same mentions `gazetteer.mentions(in: text, countryContext: country)` finds.
    func mentions(in text: String, gazetteer: Gazetteer, country: String?) -> [Mention] {
        var out: [Mention] = []
        let scalars = text.unicodeScalars
        var i = scalars.startIndex
        var previousWord: Range<String.Index>?
        while i < scalars.endIndex {
            // skip to a stretch
            while i < scalars.endIndex, Self.isBreak(scalars[i]) { i = scalars.index(after: i) }
            guard i < scalars.endIndex else { break }
            let start = i
            var capital = false
            var wordStart: String.Index?
            var lastWord: Range<String.Index>?
            while i < scalars.endIndex, !Self.isBreak(scalars[i]) {
                let u = scalars[i]
                let f = SimpleScalars.flags(u.value)
                let letter =
                    u.value < 0x80
                    ? ((u.value | 0x20) >= 0x61 && (u.value | 0x20) <= 0x7A)
                    : f != 0 ? f & SimpleScalars.alphabetic != 0 : u.properties.isAlphabetic
                if letter {
                    if wordStart == nil { wordStart = i }
                    if !capital,
                        u.value < 0x80
                            ? (u.value >= 0x41 && u.value <= 0x5A)
                            : f != 0 ? f & SimpleScalars.scalarUpper != 0 : u.properties.isUppercase
                    {
                        capital = true
                    }
                } else if let w = wordStart, u.value == 0x20 || u.value == 0x2D {
                    lastWord = w..<i
                    wordStart = nil
                }
                i = scalars.index(after: i)
            }
            let end = i
            defer { previousWord = wordStart.map { $0..<end } ?? lastWord }
            guard capital else { continue }
            var from = start
            if let p = previousWord, Self.locatives.contains(text[p].lowercased()) { from = p.lowerBound }
            let span = text[from..<end]
            let key = (country ?? "") + "\u{1}" + span
            let found: [Found]
            if let f = memo[key] {
                found = f
            } else {
                let s = String(span)
                found = gazetteer.mentions(in: s, countryContext: country, memo: lookups).map {
                    Found(
                        lower: s.utf8.distance(from: s.startIndex, to: $0.range.lowerBound),
                        upper: s.utf8.distance(from: s.startIndex, to: $0.range.upperBound), text: $0.text,
                        candidates: $0.candidates)
                }
                if memo.count >= Self.capacity { memo.removeAll(keepingCapacity: true) }
                memo[key] = found
            }
            let base = text.utf8.distance(from: text.startIndex, to: from)
            for f in found {
                let lo = text.utf8.index(text.startIndex, offsetBy: base + f.lower)
                if lo < start { continue }  // the locative itself is context, not a name
                let hi = text.utf8.index(text.startIndex, offsetBy: base + f.upper)
                out.append(Mention(range: lo..<hi, text: f.text, candidates: f.candidates))
            }
        }
        return out
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
