import Gazetteer

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
        var bytes = s
        return bytes.withUTF8 { byteTokens(s, $0) }
    }

    /// `scalarTokens` by a scan over UTF-8, classifying scalars by table and building ASCII words'
    /// folded forms straight from their bytes.
    static func byteTokens(_ s: String, _ buf: UnsafeBufferPointer<UInt8>) -> [Token] {
        var out: [Token] = []
        let n = buf.count
        let utf8 = s.utf8
        var i = 0
        var spaced = true
        @inline(__always) func scalar(_ k: Int) -> (UInt32, Int) { SimpleScalars.decode(buf, k) }
        @inline(__always) func isSpace(_ v: UInt32) -> Bool {
            if v <= 0x20 { return true }
            if v < 0x80 { return false }
            let f = SimpleScalars.flags(v)
            return f != 0 ? f & SimpleScalars.whitespace != 0 : Unicode.Scalar(v)!.properties.isWhitespace
        }
        @inline(__always) func isWord(_ v: UInt32) -> Bool {
            if v < 0x80 { return (v | 0x20) >= 0x61 && (v | 0x20) <= 0x7A }
            let f = SimpleScalars.flags(v)
            return f != 0 ? f & SimpleScalars.alphabetic != 0 : isWordScalar(Unicode.Scalar(v)!)
        }
        @inline(__always) func isDigitV(_ v: UInt32) -> Bool { v >= 0x30 && v <= 0x39 }
        func urlStart(_ k: Int) -> Bool {
            let c = buf[k] | 0x20
            guard c == 0x68 || c == 0x77 else { return false }
            func has(_ p: StaticString) -> Bool {
                let len = p.utf8CodeUnitCount
                guard k + len <= n else { return false }
                let pb = p.utf8Start
                for q in 0..<len {
                    var b = buf[k + q]
                    if b >= 0x41 && b <= 0x5A { b |= 0x20 }
                    if b != pb[q] { return false }
                }
                return true
            }
            guard has("http://") || has("https://") || has("www.") else { return false }
            // a mark glued to the prefix's last Character spoils it: non-ASCII nearby asks the scalar path
            for q in k..<min(n, k + 12) where buf[q] >= 0x80 {
                return isURLStart(s.unicodeScalars, utf8.index(utf8.startIndex, offsetBy: k))
            }
            return true
        }
        while i < n {
            let (u, ulen) = scalar(i)
            if isSpace(u) {
                spaced = true
                i += ulen
                continue
            }
            let start = i
            var kind = Token.Kind.punct
            var ascii = u < 0x80
            if urlStart(i) {
                kind = .url
                while i < n {
                    let (c, l) = scalar(i)
                    if c <= 0x20 || (c >= 0x80 && isSpace(c)) { break }
                    if c >= 0x80 { ascii = false }
                    i += l
                }
            } else if isDigitV(u) {
                kind = .number
                i += 1
                while i < n {
                    let c = buf[i]
                    if c >= 0x30 && c <= 0x39 {
                        i += 1
                    } else if c == 0x2E || c == 0x3A || c == 0x2F || c == 0x2D {
                        if i + 1 < n, buf[i + 1] >= 0x30 && buf[i + 1] <= 0x39 { i += 1 } else { break }
                    } else {
                        break
                    }
                }
            } else if isWord(u) {
                kind = .word
                i += ulen
                var scalars = 1
                while i < n {
                    let (c, l) = scalar(i)
                    if isWord(c) || isDigitV(c) {
                        if c >= 0x80 { ascii = false }
                        i += l
                        scalars += 1
                    } else if c == 0x2D || c == 0x2010 || c == 0x2011 || (c == 0x2E && scalars == 1) {
                        if i + l < n, isWord(scalar(i + l).0) {
                            if c >= 0x80 { ascii = false }
                            i += l
                            scalars += 1
                        } else {
                            break
                        }
                    } else {
                        break
                    }
                }
            } else {
                i += ulen
            }
            let range = utf8.index(utf8.startIndex, offsetBy: start)..<utf8.index(utf8.startIndex, offsetBy: i)
            let word = UnsafeBufferPointer(rebasing: buf[start..<i])
            let text = String(decoding: word, as: UTF8.self)
            let folded: String
            if kind != .word {
                folded = text
            } else if ascii {
                folded = String(unsafeUninitializedCapacity: word.count) { out in
                    for (q, b) in word.enumerated() { out[q] = b >= 0x41 && b <= 0x5A ? b | 0x20 : b }
                    return word.count
                }
            } else {
                folded = Fold.token(text)
            }
            let capitalized: Bool
            if u < 0x80 {
                capitalized = u >= 0x41 && u <= 0x5A
            } else {
                let f = SimpleScalars.flags(u)
                capitalized = f != 0 ? f & SimpleScalars.scalarUpper != 0 : Unicode.Scalar(u)!.properties.isUppercase
            }
            out.append(
                Token(kind: kind, text: text, folded: folded, range: range, capitalized: capitalized, spaced: spaced))
            spaced = false
        }
        return out
    }

    /// Tokens of `s`, by a scan over its scalars (the reference for `byteTokens`).
    static func scalarTokens(_ s: String) -> [Token] {
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
