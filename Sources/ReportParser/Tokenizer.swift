/// One token of a sentence.
struct Token: Sendable, Hashable {
    enum Kind: Sendable, Hashable { case word, number, punct, url }
    var kind: Kind
    /// The token as written.
    var text: String
    /// Folded form for lexicon matching.
    var folded: String
    /// Position in the sentence string.
    var range: Range<String.Index>
    /// Starts with an upper-case letter.
    var capitalized: Bool
    /// Whitespace came right before it.
    var spaced: Bool
}

/// Splits a sentence into words, numbers, punctuation and URLs by scanning scalars once.
enum Tokenizer {
    static func isWordScalar(_ u: Unicode.Scalar) -> Bool {
        if u.value < 0x80 { return (u.value | 0x20) >= 0x61 && (u.value | 0x20) <= 0x7A }
        return u.properties.isAlphabetic || u.properties.generalCategory == .nonspacingMark
            || u.properties.generalCategory == .spacingMark
    }

    static func isDigit(_ u: Unicode.Scalar) -> Bool { u.value >= 0x30 && u.value <= 0x39 }

    /// Tokens of `s`.
    static func tokens(_ s: String) -> [Token] {
        var out: [Token] = []
        let scalars = s.unicodeScalars
        var i = scalars.startIndex
        var spaced = true
        while i < scalars.endIndex {
            let u = scalars[i]
            if u.value == 0x20 || u.value < 0x20 || (u.value >= 0x80 && u.properties.isWhitespace) {
                spaced = true
                i = scalars.index(after: i)
                continue
            }
            let start = i
            var kind = Token.Kind.punct
            if isURLStart(scalars, i) {
                kind = .url
                while i < scalars.endIndex, scalars[i].value > 0x20,
                    !(scalars[i].value >= 0x80 && scalars[i].properties.isWhitespace)
                { i = scalars.index(after: i) }
            } else if isDigit(u) {
                kind = .number
                i = scalars.index(after: i)
                while i < scalars.endIndex {
                    let c = scalars[i]
                    if isDigit(c) {
                        i = scalars.index(after: i)
                    } else if c == "." || c == ":" || c == "/" || c == "-" {
                        let n = scalars.index(after: i)
                        if n < scalars.endIndex, isDigit(scalars[n]) { i = n } else { break }
                    } else {
                        break
                    }
                }
            } else if isWordScalar(u) {
                kind = .word
                i = scalars.index(after: i)
                while i < scalars.endIndex {
                    let c = scalars[i]
                    if isWordScalar(c) || isDigit(c) {
                        i = scalars.index(after: i)
                    } else if c == "-" || c == "\u{2010}" || c == "\u{2011}"
                        || c == "." && isAbbrevDot(scalars, start, i)
                    {
                        let n = scalars.index(after: i)
                        if n < scalars.endIndex, isWordScalar(scalars[n]) { i = n } else { break }
                    } else {
                        break
                    }
                }
            } else {
                i = scalars.index(after: i)
            }
            let range = start..<i
            let text = String(s[range])
            let first = scalars[start]
            out.append(
                Token(
                    kind: kind, text: text, folded: kind == .word ? Fold.token(text) : text, range: range,
                    capitalized: first.value < 0x80
                        ? (first.value >= 0x41 && first.value <= 0x5A) : first.properties.isUppercase,
                    spaced: spaced))
            spaced = false
        }
        return out
    }

    /// Raw words of a lexicon phrase: whitespace-separated, a trailing `*` kept.
    static func words(_ s: String) -> [String] {
        var out: [String] = []
        for t in tokens(s) {
            if t.text == "*", let last = out.last, !t.spaced {
                out[out.count - 1] = last + "*"
            } else {
                out.append(t.text)
            }
        }
        return out
    }

    private static func isURLStart(_ s: String.UnicodeScalarView, _ i: String.Index) -> Bool {
        let c = s[i].value | 0x20
        guard c == 0x68 || c == 0x77 else { return false }  // only "http…" and "www." start a URL
        let rest = s[i...].prefix(8)
        let t = String(String.UnicodeScalarView(rest)).lowercased()
        return t.hasPrefix("http://") || t.hasPrefix("https://") || t.hasPrefix("www.")
    }

    /// "U.S" style: single letters joined by dots.
    private static func isAbbrevDot(
        _ s: String.UnicodeScalarView, _ start: String.Index, _ dot: String.Index
    ) -> Bool {
        s.distance(from: start, to: dot) == 1
    }
}
