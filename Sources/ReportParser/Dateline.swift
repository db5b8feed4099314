import AlertCore

/// What the top of a report says about itself: when it was published and from where.
struct Dateline: Sendable {
    /// Publication day.
    var date: CivilDate?
    /// The dateline city as written ("ASTANA", "Тараз").
    var placeText: String?
    /// Index of the sentence that holds the dateline; sentences before it are headlines.
    var sentence: Int?
    /// In that sentence, the UTF-8 offset where the body starts (after "—").
    var bodyStart: Int?
}

/// Finds the dateline or byline among the first lines of a report.
struct DatelineFinder: Sendable {
    let finder: DateFinder
    static let bylineWords: Set<String> = [
        "by", "published", "posted", "updated", "blog", "опубликовано", "обновлено", "press", "release",
    ]
    static let dashes: Set<String> = ["—", "–", "-", "--", "|", "·"]

    func find(in sentences: [Sentence]) -> Dateline {
        var result = Dateline()
        let firstLine = sentences.first?.line ?? 0
        for (si, s) in sentences.enumerated() where s.line - firstLine < 10 {
            let text = String(s.text)
            let toks = Tokenizer.tokens(text)
            let words = finder.vocab.words(toks)
            let dates = finder.dates(in: words, tokens: toks)
            for d in dates {
                guard case .day(let year, let month, let day) = d.value, let year, d.start <= 12 else {
                    continue
                }
                let before = toks[0..<d.start]
                let byline = before.first.map { Self.bylineWords.contains($0.folded) } ?? false
                // "Paris, le 14 octobre", "Tengrinews.kz, 6 May": a short article or a domain part may sit in a dateline
                let shaped = before.indices.allSatisfy { k in
                    let t = toks[k]
                    return t.kind == .punct || t.capitalized || t.kind == .number
                        || Self.bylineWords.contains(t.folded)
                        || (k == d.start - 1 && t.text.count <= 3)
                        || (!t.spaced && k > 0 && toks[k - 1].text == ".")
                }
                guard shaped || byline else { continue }
                result.date = CivilDate(year: year, month: month, day: day)
                result.sentence = si
                if !byline, let first = before.first, first.kind == .word, first.capitalized {
                    let placeToks = before.prefix { $0.kind == .word || $0.text == "-" }
                    if let a = placeToks.first, let b = placeToks.last {
                        result.placeText = String(text[a.range.lowerBound..<b.range.upperBound])
                    }
                }
                // the body starts after a dash that follows the date (and an optional time)
                var j = d.end
                while j < toks.count, toks[j].kind == .number || [",", "(", ")"].contains(toks[j].text) {
                    j += 1
                }
                if j < toks.count, Self.dashes.contains(toks[j].text) {
                    result.bodyStart = text.utf8.distance(from: text.startIndex, to: toks[j].range.upperBound)
                } else {
                    result.bodyStart = text.utf8.distance(
                        from: text.startIndex, to: j < toks.count ? toks[j].range.lowerBound : text.endIndex)
                }
                if result.placeText == nil, before.isEmpty, si > 0 {
                    result.placeText = cityBeforeDate(sentences[si - 1], line: s.line)
                }
                if result.placeText == nil { result.placeText = leadingCapsPlace(in: sentences, after: si) }
                return result
            }
        }
        result.placeText = leadingCapsPlace(in: sentences, after: -1)
        return result
    }

    /// "Atyrau. March 28. INTERFAX": the city is a sentence of its own on the date's line.
    private func cityBeforeDate(_ prev: Sentence, line: Int) -> String? {
        guard prev.line == line else { return nil }
        let str = String(prev.text)
        let toks = Tokenizer.tokens(str)
        guard let last = toks.last, last.text == ".", toks.count >= 2, toks.count <= 4 else { return nil }
        let words = toks.dropLast()
        guard words.allSatisfy({ ($0.kind == .word && $0.capitalized) || $0.text == "-" }),
            let a = words.first, let b = words.last
        else { return nil }
        return String(str[a.range.lowerBound..<b.range.upperBound])
    }

    /// "STOCKHOLM — The Swedish…": an upper-case place word before a dash opening the body.
    private func leadingCapsPlace(in sentences: [Sentence], after si: Int) -> String? {
        for s in sentences.dropFirst(si + 1).prefix(4) {
            let str = String(s.text)
            let toks = Tokenizer.tokens(str)
            var k = 0
            while k < toks.count, toks[k].kind == .word, toks[k].text == toks[k].text.uppercased(),
                toks[k].text.count > 1
            { k += 1 }
            if k > 0, k < toks.count, Self.dashes.contains(toks[k].text) || toks[k].text == "," {
                return String(str[toks[0].range.lowerBound..<toks[k - 1].range.upperBound])
            }
        }
        return nil
    }
}
