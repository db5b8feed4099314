import Gazetteer

/// A sentence or a line fragment of a report, with the layout facts the parser needs.
struct Sentence: Sendable {
    var text: Substring
    /// Line number (0-based) where it starts.
    var line: Int
    /// Index of its paragraph (blank lines separate paragraphs).
    var paragraph: Int
    /// The whole line is short and has no sentence punctuation: a headline, caption or menu item.
    var titleLike: Bool
    /// Starts with a list bullet ("•", "-", "1.").
    var bullet: Bool
    /// Ends with ":" (introduces a list).
    var endsWithColon: Bool
}

/// Splits text into lines and sentences in one linear pass over the bytes.
enum SentenceSplitter {
    static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "st", "gen", "gov", "sen", "rep", "col", "lt", "sgt", "prof", "jan",
        "feb", "mar", "apr", "jun", "jul",
        "aug", "sep", "sept", "oct", "nov", "dec", "no", "vs", "etc", "inc", "ltd", "co", "corp", "u.s",
        "u.k", "a.m", "p.m", "approx",
        "г", "гг", "ул", "т.е", "т.к", "им", "пр", "обл", "тыс", "млн", "млрд", "руб", "см", "р",
    ]
    /// The first two bytes of each ASCII abbreviation (a one-byte one pairs with 0), and the longest one's bytes.
    static let asciiAbbreviationStarts: Set<UInt16> = Set(
        abbreviations.filter { $0.utf8.allSatisfy { $0 < 0x80 } }.map { w in
            let u = Array(w.utf8)
            return UInt16(u[0]) << 8 | (u.count > 1 ? UInt16(u[1]) : 0)
        })
    static let asciiAbbreviationBytes =
        abbreviations.filter { $0.utf8.allSatisfy { $0 < 0x80 } }.map(\.utf8.count)
        .max() ?? 0
    /// Longest sentence kept whole; longer runs are cut at a space so work stays linear.
    static let maxSentenceBytes = 4000

    static func split(_ text: String) -> [Sentence] {
        if let out = text.utf8.withContiguousStorageIfAvailable({ split(text, $0) }) { return out }
        var native = text
        native.makeContiguousUTF8()
        return native.utf8.withContiguousStorageIfAvailable { split(native, $0) } ?? []
    }

    /// The scan over the UTF-8 of `text` (its contiguous storage `buf`), by byte offsets: string
    /// indices are made only where a sentence starts or ends.
    private static func split(_ text: String, _ buf: UnsafeBufferPointer<UInt8>) -> [Sentence] {
        var out: [Sentence] = []
        let n = buf.count
        var lineNo = 0
        var paragraph = 0
        var lineStart = 0
        var blankRun = false
        while lineStart < n {
            var lineEnd = lineStart
            while lineEnd < n && buf[lineEnd] != 0x0A { lineEnd += 1 }
            let (lo, hi) = trimmed(text, buf, lineStart, lineEnd)
            if lo == hi {
                if !blankRun { paragraph += 1 }
                blankRun = true
            } else {
                blankRun = false
                splitLine(text, buf, lo, hi, line: lineNo, paragraph: paragraph, into: &out)
            }
            lineNo += 1
            lineStart = lineEnd < n ? lineEnd + 1 : n
        }
        return out
    }

    /// The byte bounds of `text[lo..<hi].trimmingSpaces()`. A printable ASCII byte at either end
    /// is a Character of its own there that is not a space, so only other ends need the Character path.
    private static func trimmed(_ text: String, _ buf: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int) -> (Int, Int) {
        if lo == hi { return (lo, hi) }
        if buf[lo] > 0x20 && buf[lo] < 0x7F && buf[hi - 1] > 0x20 && buf[hi - 1] < 0x7F { return (lo, hi) }
        let t = text[index(text, lo)..<index(text, hi)].trimmingSpaces()
        let u = text.utf8
        return (u.distance(from: u.startIndex, to: t.startIndex), u.distance(from: u.startIndex, to: t.endIndex))
    }

    @inline(__always)
    private static func index(_ text: String, _ offset: Int) -> String.Index {
        text.utf8.index(text.utf8.startIndex, offsetBy: offset)
    }

    private static func splitLine(
        _ text: String, _ buf: UnsafeBufferPointer<UInt8>, _ lineLo: Int, _ lineHi: Int, line lineNo: Int,
        paragraph: Int, into out: inout [Sentence]
    ) {
        // An ASCII byte next to ASCII bytes (other than CR LF) is a Character of its own, so most
        // lines are judged by their end bytes; the rest by Characters.
        func ascii(_ k: Int) -> Bool { k < lineLo || k >= lineHi || buf[k] < 0x80 }
        func alone(_ k: Int) -> Bool {
            k >= lineLo && k < lineHi && ascii(k) && ascii(k - 1) && ascii(k + 1)
                && !(k > lineLo && buf[k - 1] == 0x0D && buf[k] == 0x0A)
                && !(k + 1 < lineHi && buf[k] == 0x0D && buf[k + 1] == 0x0A)
        }
        var line: Substring { text[index(text, lineLo)..<index(text, lineHi)] }
        let hasFinal: Bool
        let colon: Bool
        if alone(lineHi - 1) {
            let b = buf[lineHi - 1]
            hasFinal = b == 0x2E || b == 0x21 || b == 0x3F || b == 0x22 || b == 0x29
            colon = b == 0x3A
        } else {
            let last = line.last
            hasFinal =
                last == "." || last == "!" || last == "?" || last == "…" || last == "\"" || last == "”"
                || last == "»" || last == ")"
            colon = last == ":"
        }
        let bullet: Bool
        if alone(lineLo) && buf[lineLo] != 0x2D {
            bullet = buf[lineLo] == 0x2A
        } else {
            let first = line.first
            bullet =
                first == "•" || first == "·" || first == "*" || first == "–" || first == "—"
                || (first == "-" && line.dropFirst().first == " ")
        }
        let titleLike = !hasFinal && !colon && !bullet && lineHi - lineLo < 300
        var start = lineLo
        var i = lineLo
        var sentences: [(Int, Int)] = []
        while i < lineHi {
            let b = buf[i]
            if b == 0x2E || b == 0x21 || b == 0x3F {
                var j = i + 1
                // closing quotes/brackets stay with the sentence
                while j < lineHi, buf[j] == 0x22 || buf[j] == 0x29 || buf[j] == 0x27 { j += 1 }
                var k = j
                while k < lineHi, buf[k] == 0x20 || buf[k] == 0x09 { k += 1 }
                if k > j, k < lineHi, startsSentence(text, buf, k, lineHi),
                    !(b == 0x2E && isAbbreviation(text, buf, start, i)),
                    // only a digit right before the dot can make an ordinal day
                    !(b == 0x2E && i > start && buf[i - 1] >= 0x30 && buf[i - 1] <= 0x39
                        && isOrdinalDay(
                            text[index(text, start)..<index(text, i)],
                            before: text[index(text, k)..<index(text, lineHi)]))
                {
                    sentences.append((start, j))
                    start = k
                    i = k
                    continue
                }
            }
            if i - start > maxSentenceBytes && (b == 0x20 || b == 0x09) {
                sentences.append((start, i))
                start = i + 1
            }
            i += 1
        }
        if start < lineHi { sentences.append((start, lineHi)) }
        for (n, (lo, hi)) in sentences.enumerated() {
            let (tlo, thi) = trimmed(text, buf, lo, hi)
            if tlo == thi { continue }
            out.append(
                Sentence(
                    text: text[index(text, tlo)..<index(text, thi)], line: lineNo, paragraph: paragraph,
                    titleLike: titleLike, bullet: bullet && n == 0, endsWithColon: colon && n == sentences.count - 1))
        }
    }

    /// `startsSentence(text[k..<hi])`, read from the byte when it is ASCII.
    @inline(__always)
    private static func startsSentence(_ text: String, _ buf: UnsafeBufferPointer<UInt8>, _ k: Int, _ hi: Int) -> Bool {
        let b = buf[k]
        if b < 0x80 {
            return (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39) || b == 0x22 || b == 0x28 || b == 0x27
        }
        return startsSentence(text[index(text, k)..<index(text, hi)])
    }

    private static func startsSentence(_ s: Substring) -> Bool {
        guard let c = s.unicodeScalars.first else { return false }
        return c.properties.isUppercase || c == "\"" || c == "“" || c == "«" || c == "(" || c == "‘"
            || c == "'"
            || (c.value >= 0x30 && c.value <= 0x39)
    }

    /// German months, for "31. Januar 2018": the dot of an ordinal day does not end a sentence.
    static let germanMonths: Set<String> = [
        "januar", "jänner", "februar", "märz", "april", "mai", "juni", "juli", "august", "september",
        "oktober", "november", "dezember",
    ]

    private static func isOrdinalDay(_ before: Substring, before next: Substring) -> Bool {
        let digits = before.reversed().prefix { $0.isASCII && $0.isNumber }
        guard (1...2).contains(digits.count) else { return false }
        let word = next.prefix { $0.isLetter }
        return germanMonths.contains(word.lowercased())
    }

    /// `isAbbreviation(text[lo..<hi])` by bytes when the last word and the scalar before it are simple
    /// scalars, so Characters there are scalars and a separator byte is a separator Character.
    private static func isAbbreviation(_ text: String, _ buf: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int) -> Bool
    {
        var p = hi
        while p > lo, buf[p - 1] != 0x20 && buf[p - 1] != 0x28 && buf[p - 1] != 0x22 { p -= 1 }
        var slow = false
        if p - 1 > lo {
            var q = p - 2
            while q > lo, buf[q] & 0xC0 == 0x80 { q -= 1 }
            slow = SimpleScalars.flags(SimpleScalars.decode(buf, q).0) == 0
        }
        var k = p
        var count = 0
        var firstFlags: UInt8 = 0
        while !slow && k < hi {
            let (v, len) = SimpleScalars.decode(buf, k)
            let f = SimpleScalars.flags(v)
            if f == 0 { slow = true }
            if count == 0 { firstFlags = f }
            count += 1
            k += len
        }
        if slow { return isAbbreviation(text[index(text, lo)..<index(text, hi)]) }
        if count == 1 && firstFlags & SimpleScalars.letter != 0 { return true }
        // an ASCII word keeps its length when lower-cased and folds only A–Z: most are ruled out by length and first two bytes
        if hi - p > 0, buf[p..<hi].allSatisfy({ $0 < 0x80 }) {
            if hi - p > asciiAbbreviationBytes { return false }
            let a = UInt16(buf[p] >= 0x41 && buf[p] <= 0x5A ? buf[p] | 0x20 : buf[p])
            let c = hi - p > 1 ? UInt16(buf[p + 1] >= 0x41 && buf[p + 1] <= 0x5A ? buf[p + 1] | 0x20 : buf[p + 1]) : 0
            if !asciiAbbreviationStarts.contains(a << 8 | c) { return false }
        }
        // the longest abbreviation has 8 bytes, and lower-casing shrinks a scalar by at most 2
        if hi - p > 24 { return false }
        return abbreviations.contains(
            String(decoding: UnsafeBufferPointer(rebasing: buf[p..<hi]), as: UTF8.self).lowercased())
    }

    private static func isAbbreviation(_ before: Substring) -> Bool {
        var word = Substring("")
        if let sp = before.lastIndex(where: { $0 == " " || $0 == "(" || $0 == "\"" }) {
            word = before[before.index(after: sp)...]
        } else {
            word = before
        }
        if word.count == 1, word.first!.isLetter { return true }  // an initial: "J. Smith"
        return abbreviations.contains(word.lowercased())
    }
}

extension Substring {
    func trimmingSpaces() -> Substring {
        var s = self
        while let f = s.first, f.isWhitespace || f == "\u{FEFF}" { s = s.dropFirst() }
        while let l = s.last, l.isWhitespace { s = s.dropLast() }
        return s
    }
}
