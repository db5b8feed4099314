import AlertCore

extension Gazetteer {
    /// Place names in running text, longest match first, each with its ranked candidates.
    ///
    /// Proper-noun discipline: a name must start with a capitalised word; one-word names on the
    /// stop list ("May") are skipped, and common words ("Police", "Nice") count only after
    /// "in", "at", "near", "from", "to"; names of three letters or fewer count only when
    /// written in capitals and then only as country aliases ("UK", "US").
    public func mentions(in text: String, countryContext: String? = nil) -> [Mention] {
        let tokens = Tokenizer.tokens(in: text)
        var out: [Mention] = []
        var i = 0
        while i < tokens.count {
            guard tokens[i].isCapitalised else {
                i += 1
                continue
            }
            var matched = false
            var j = min(tokens.count, i + Self.maxWords) - 1
            while j >= i {
                if j > i, !Tokenizer.joinable(tokens, from: i, to: j, in: text) {
                    j -= 1
                    continue
                }
                let range = tokens[i].range.lowerBound..<tokens[j].range.upperBound
                let afterLocative = i > 0 && Self.locatives.contains(text[tokens[i - 1].range].lowercased())
                if let places = candidates(
                    for: text[range], single: j == i, token: tokens[i], afterLocative: afterLocative, countryContext)
                {
                    out.append(Mention(range: range, text: String(text[range]), candidates: places))
                    i = j + 1
                    matched = true
                    break
                }
                j -= 1
            }
            if !matched { i += 1 }
        }
        return out
    }

    static let maxWords = 5
    /// Words after which a common word ("Nice", "Reading") is read as a place.
    static let locatives: Set<String> = ["in", "at", "near", "from", "to", "into", "outside", "в", "во", "из", "под"]
    /// A one-word Latin name that is only someone's alternate name must be this big to count.
    static let aliasOnlyPopulation = 100_000

    private func candidates(
        for span: Substring, single: Bool, token: Tokenizer.Token, afterLocative: Bool, _ countryContext: String?
    ) -> [Place]? {
        let key = Self.fold(String(span))
        if key.isEmpty { return nil }
        if single && file.stopWords.contains(key) { return nil }
        if single && !afterLocative && file.commonWords.contains(key) { return nil }
        let letters = key.unicodeScalars.filter { $0 != " " }.count
        let refs = refs(forFolded: key)
        if refs.isEmpty { return nil }
        var places = rank(refs, country: countryContext)
        if letters <= 3 {
            guard single, token.isAllCaps else { return nil }
            places = places.filter { $0.scope == .country }
        } else if single, !RussianForms.isCyrillic(key), !refs.contains(where: \.canonical) {
            places = places.filter { $0.scope != .city || $0.population >= Self.aliasOnlyPopulation }
        }
        return places.isEmpty ? nil : places
    }
}

/// Splits text into word tokens, keeping "Alma-Ata", "Ural'sk" and "U.S." whole.
enum Tokenizer {
    struct Token {
        let range: Range<String.Index>
        let isCapitalised: Bool
        let isAllCaps: Bool
    }

    static func tokens(in text: String) -> [Token] {
        var out: [Token] = []
        var i = text.startIndex
        while i < text.endIndex {
            guard text[i].isLetter else {
                i = text.index(after: i)
                continue
            }
            let start = i
            var end = text.index(after: i)
            while end < text.endIndex {
                let c = text[end]
                if c.isLetter || c.isNumber {
                    end = text.index(after: end)
                } else if inner.contains(c), text.index(after: end) < text.endIndex,
                    text[text.index(after: end)].isLetter
                {
                    // "U.S." keeps its dots; other words stop at a dot.
                    if c == ".", !(text[start..<end].count == 1 || text[start..<end].contains(".")) { break }
                    end = text.index(after: end)
                } else {
                    break
                }
            }
            if end < text.endIndex, text[end] == ".", text[start..<end].contains(".") {
                end = text.index(after: end)  // closing dot of "U.S."
            }
            let word = text[start..<end]
            let letters = word.filter(\.isLetter)
            let capitalised = letters.first?.isUppercase ?? false
            let allCaps = !letters.isEmpty && letters.allSatisfy(\.isUppercase)
            out.append(Token(range: start..<end, isCapitalised: capitalised, isAllCaps: allCaps))
            i = end
        }
        return out
    }

    private static let inner: Set<Character> = ["-", "'", "’", "ʼ", "."]

    /// Tokens i...j form one name only when separated by plain spaces or hyphens.
    static func joinable(_ tokens: [Token], from i: Int, to j: Int, in text: String) -> Bool {
        for k in i..<j {
            let gap = text[tokens[k].range.upperBound..<tokens[k + 1].range.lowerBound]
            if gap.isEmpty || gap.count > 2 || !gap.allSatisfy({ $0 == " " || $0 == "-" }) {
                return false
            }
        }
        return true
    }
}
