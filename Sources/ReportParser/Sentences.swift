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
    /// Longest sentence kept whole; longer runs are cut at a space so work stays linear.
    static let maxSentenceBytes = 4000

    static func split(_ text: String) -> [Sentence] {
        var out: [Sentence] = []
        let u = text.utf8
        var lineNo = 0
        var paragraph = 0
        var lineStart = u.startIndex
        var i = u.startIndex
        var blankRun = false
        while lineStart < u.endIndex {
            // find end of line
            i = lineStart
            while i < u.endIndex && u[i] != 0x0A { i = u.index(after: i) }
            let lineEnd = i
            let line = text[lineStart..<lineEnd]
            let trimmed = line.trimmingSpaces()
            if trimmed.isEmpty {
                if !blankRun { paragraph += 1 }
                blankRun = true
            } else {
                blankRun = false
                splitLine(trimmed, line: lineNo, paragraph: paragraph, into: &out)
            }
            lineNo += 1
            lineStart = lineEnd < u.endIndex ? u.index(after: lineEnd) : u.endIndex
        }
        return out
    }

    private static func splitLine(
        _ line: Substring, line lineNo: Int, paragraph: Int, into out: inout [Sentence]
    ) {
        let u = line.utf8
        let last = line.last
        let hasFinal =
            last == "." || last == "!" || last == "?" || last == "…" || last == "\"" || last == "”"
            || last == "»" || last == ")"
        let colon = last == ":"
        let first = line.first
        let bullet =
            first == "•" || first == "·" || first == "*" || first == "–" || first == "—"
            || (first == "-" && line.dropFirst().first == " ")
        let titleLike = !hasFinal && !colon && !bullet && u.count < 300
        var start = u.startIndex
        var i = u.startIndex
        var sentences: [Substring] = []
        while i < u.endIndex {
            let b = u[i]
            if b == 0x2E || b == 0x21 || b == 0x3F {
                var j = u.index(after: i)
                // closing quotes/brackets stay with the sentence
                while j < u.endIndex, u[j] == 0x22 || u[j] == 0x29 || u[j] == 0x27 { j = u.index(after: j) }
                var k = j
                var spaces = 0
                while k < u.endIndex, u[k] == 0x20 || u[k] == 0x09 {
                    k = u.index(after: k)
                    spaces += 1
                }
                if spaces > 0, k < u.endIndex, startsSentence(line[k...]),
                    !(b == 0x2E && isAbbreviation(line[start..<i]))
                {
                    sentences.append(line[start..<j])
                    start = k
                    i = k
                    continue
                }
            }
            if u.distance(from: start, to: i) > maxSentenceBytes && (b == 0x20 || b == 0x09) {
                sentences.append(line[start..<i])
                start = u.index(after: i)
            }
            i = u.index(after: i)
        }
        if start < u.endIndex { sentences.append(line[start..<u.endIndex]) }
        for (n, s) in sentences.enumerated() {
            let t = s.trimmingSpaces()
            if t.isEmpty { continue }
            out.append(
                Sentence(
                    text: t, line: lineNo, paragraph: paragraph, titleLike: titleLike,
                    bullet: bullet && n == 0,
                    endsWithColon: colon && n == sentences.count - 1))
        }
    }

    private static func startsSentence(_ s: Substring) -> Bool {
        guard let c = s.unicodeScalars.first else { return false }
        return c.properties.isUppercase || c == "\"" || c == "“" || c == "«" || c == "(" || c == "‘"
            || c == "'"
            || (c.value >= 0x30 && c.value <= 0x39)
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
