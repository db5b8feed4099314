import AlertCore
import Foundation

extension Gazetteer {
    /// Place names in running text, longest match first, each with its ranked candidates.
    ///
    /// Proper-noun discipline: a name must start with a capitalised word; one-word names on the
    /// stop list ("May") are skipped, and common words ("Police", "Nice") count only after
    /// "in", "at", "near", "from", "to"; names of three letters or fewer count only when
    /// written in capitals and then only as country aliases ("UK", "US").
    public func mentions(in text: String, countryContext: String? = nil, memo: LookupMemo? = nil) -> [Mention] {
        let countryContext = countryContext?.uppercased()
        let tokens = Tokenizer.tokens(in: text)
        var out: [Mention] = []
        var i = 0
        while i < tokens.count {
            guard tokens[i].isCapitalised else {
                i += 1
                continue
            }
            if let (found, next) = coordinatedRegions(tokens, from: i, in: text, countryContext) {
                out += found
                i = next
                continue
            }
            var matched = false
            var j = min(tokens.count, i + Self.maxWords) - 1
            let afterLocative = i > 0 && Self.locatives.contains(text[tokens[i - 1].range].lowercased())
            while j >= i {
                if j > i, !Tokenizer.joinable(tokens, from: i, to: j, in: text) {
                    j -= 1
                    continue
                }
                let range = tokens[i].range.lowerBound..<tokens[j].range.upperBound
                if let places = memoCandidates(
                    for: text[range], single: j == i, token: tokens[i], afterLocative: afterLocative, countryContext,
                    memo: memo)
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

    /// "в Алматинской и Жамбылской областях": each adjective is a region with the shared head
    /// noun. Returns the mentions and the token after the head, or nil when the pattern is absent.
    private func coordinatedRegions(
        _ tokens: [Tokenizer.Token], from i: Int, in text: String, _ countryContext: String?
    ) -> ([Mention], Int)? {
        func word(_ k: Int) -> String { text[tokens[k].range].lowercased() }
        guard RussianForms.isCyrillic(word(i)),
            !RussianForms.adjective(word(i), feminine: true).isEmpty
                || !RussianForms.adjective(word(i), feminine: false).isEmpty
        else { return nil }
        var adjectives = [i]
        var k = i + 1
        while k + 1 < tokens.count {
            let gap = text[tokens[k - 1].range.upperBound..<tokens[k].range.lowerBound]
            if ["и", "или"].contains(word(k)), tokens[k + 1].isCapitalised {
                adjectives.append(k + 1)
                k += 2
            } else if tokens[k].isCapitalised, gap.trimmingCharacters(in: .whitespaces) == "," {
                adjectives.append(k)
                k += 1
            } else {
                break
            }
        }
        guard adjectives.count >= 2, k < tokens.count, let head = RussianForms.headNominative(word(k)) else {
            return nil
        }
        var found: [Mention] = []
        for (n, a) in adjectives.enumerated() {
            let key = Self.fold(String(text[tokens[a].range])) + " " + head
            let refs = refs(forFolded: key)
            if refs.isEmpty { return nil }
            let end = n == adjectives.count - 1 ? tokens[k].range.upperBound : tokens[a].range.upperBound
            let range = tokens[a].range.lowerBound..<end
            found.append(
                Mention(range: range, text: String(text[range]), candidates: rank(refs, country: countryContext)))
        }
        return (found, k + 1)
    }

    static let maxWords = 5
    /// Words after which a common word ("Nice", "Reading") is read as a place.
    static let locatives: Set<String> = ["in", "at", "near", "from", "to", "into", "outside", "в", "во", "из", "под"]
    /// A one-word Latin name that is only an alternate name of a town outside the report's country
    /// must be this big to count (GeoNames' alternate names include many ordinary words).
    static let aliasOnlyPopulation = 100_000
    /// Countries whose small towns' Russian names are genuine (elsewhere a Cyrillic alias of a
    /// small town is often an ordinary word: "Полиция" is Police, Poland).
    static let cyrillicCountries: Set<String> = [
        "KZ", "RU", "KG", "UZ", "TJ", "TM", "UA", "BY", "MD", "AZ", "GE", "AM", "MN", "BG", "RS", "MK", "ME", "BA",
    ]

    /// `candidates`, answered from `memo` when the same span was asked before.
    private func memoCandidates(
        for span: Substring, single: Bool, token: Tokenizer.Token, afterLocative: Bool, _ countryContext: String?,
        memo: LookupMemo?
    ) -> [Place]? {
        guard let memo else {
            return candidates(
                for: span, single: single, token: token, afterLocative: afterLocative, countryContext)
        }
        let flags: UInt8 = (single ? 1 : 0) | (token.isAllCaps ? 2 : 0) | (afterLocative ? 4 : 0)
        let key = LookupMemo.Key(span: span, flags: flags, country: countryContext)
        if let hit = memo.entries[key] { return hit }
        let found = candidates(for: span, single: single, token: token, afterLocative: afterLocative, countryContext)
        if memo.entries.count >= LookupMemo.capacity { memo.entries.removeAll(keepingCapacity: true) }
        memo.entries[LookupMemo.Key(span: Substring(String(span)), flags: flags, country: countryContext)] = found
        return found
    }

    private func candidates(
        for span: Substring, single: Bool, token: Tokenizer.Token, afterLocative: Bool, _ countryContext: String?
    ) -> [Place]? {
        let key = Self.fold(String(span))
        if key.isEmpty { return nil }
        if single && file.stopWords.contains(key) { return nil }
        if single && !afterLocative && file.commonWords.contains(key) { return nil }
        let (resolved, refs) = resolve(key)
        if refs.isEmpty { return nil }
        if single && file.stopWords.contains(resolved) { return nil }
        if single && !afterLocative && file.commonWords.contains(resolved) { return nil }
        let letters = key.unicodeScalars.filter { $0 != " " }.count
        var places = rank(refs, country: countryContext)
        if letters <= 3 {
            guard single, token.isAllCaps else { return nil }
            places = places.filter { $0.scope == .country }
        } else if single, !refs.contains(where: \.canonical) {
            let cyrillic = RussianForms.isCyrillic(key)
            places = places.filter {
                $0.scope != .city || $0.population >= Self.aliasOnlyPopulation || $0.country == countryContext
                    || (cyrillic && Self.cyrillicCountries.contains($0.country))
            }
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
        var bytes = text
        if let fast = bytes.withUTF8({ simpleTokens(text, $0) }) { return fast }
        return characterTokens(in: text)
    }

    /// The same tokens as `characterTokens`, by a scan over UTF-8 when every scalar is simple
    /// (one scalar per Character); nil otherwise.
    private static func simpleTokens(_ text: String, _ buf: UnsafeBufferPointer<UInt8>) -> [Token]? {
        let n = buf.count
        // Scalars: start offset, flags, value. One extra entry marks the end.
        var offs: [Int] = []
        var flags: [UInt8] = []
        var vals: [UInt32] = []
        offs.reserveCapacity(n + 1)
        flags.reserveCapacity(n + 1)
        vals.reserveCapacity(n + 1)
        var i = 0
        while i < n {
            let (v, len) = SimpleScalars.decode(buf, i)
            let f = SimpleScalars.flags(v)
            if f == 0 { return nil }
            offs.append(i)
            flags.append(f)
            vals.append(v)
            i += len
        }
        let count = offs.count
        offs.append(n)
        let letter = SimpleScalars.letter
        let number = SimpleScalars.number
        let upper = SimpleScalars.upper
        func isInner(_ v: UInt32) -> Bool { v == 0x2D || v == 0x27 || v == 0x2019 || v == 0x2BC || v == 0x2E }
        let utf8 = text.utf8
        var out: [Token] = []
        var k = 0
        while k < count {
            guard flags[k] & letter != 0 else {
                k += 1
                continue
            }
            let start = k
            var end = k + 1
            var hasDot = false
            while end < count {
                let f = flags[end]
                if f & (letter | number) != 0 {
                    end += 1
                } else if isInner(vals[end]), end + 1 < count, flags[end + 1] & letter != 0 {
                    // "U.S." keeps its dots; other words stop at a dot.
                    if vals[end] == 0x2E {
                        if !(end - start == 1 || hasDot) { break }
                        hasDot = true
                    }
                    end += 1
                } else {
                    break
                }
            }
            if end < count, vals[end] == 0x2E, hasDot {
                end += 1  // closing dot of "U.S."
            }
            k = end
            var wordEnd = end
            // "Kazakhstan's" names Kazakhstan
            if end - start > 4, vals[end - 1] == 0x73 || vals[end - 1] == 0x53,
                vals[end - 2] == 0x27 || vals[end - 2] == 0x2019
            {
                wordEnd = end - 2
            }
            var capitalised = false
            var allCaps = true
            var anyLetter = false
            for q in start..<wordEnd where flags[q] & letter != 0 {
                if !anyLetter { capitalised = flags[q] & upper != 0 }
                anyLetter = true
                if flags[q] & upper == 0 { allCaps = false }
            }
            let lo = utf8.index(utf8.startIndex, offsetBy: offs[start])
            let hi = utf8.index(utf8.startIndex, offsetBy: offs[wordEnd])
            out.append(Token(range: lo..<hi, isCapitalised: capitalised, isAllCaps: anyLetter && allCaps))
        }
        return out
    }

    static func characterTokens(in text: String) -> [Token] {
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
            i = end
            var word = text[start..<end]
            for suffix in ["'s", "’s", "'S", "’S"] where word.count > suffix.count + 2 && word.hasSuffix(suffix) {
                word = word.dropLast(suffix.count)  // "Kazakhstan's" names Kazakhstan
                break
            }
            let letters = word.filter(\.isLetter)
            let capitalised = letters.first?.isUppercase ?? false
            let allCaps = !letters.isEmpty && letters.allSatisfy(\.isUppercase)
            out.append(Token(range: word.startIndex..<word.endIndex, isCapitalised: capitalised, isAllCaps: allCaps))
        }
        return out
    }

    private static let inner: Set<Character> = ["-", "'", "’", "ʼ", "."]

    /// Tokens i...j form one name only when separated by plain spaces or hyphens, and when each
    /// later word is capitalised, a connector inside the name ("Rostov-on-Don", "Trinidad and
    /// Tobago") or a generic word ("Almaty region", "Белгородской области").
    static func joinable(_ tokens: [Token], from i: Int, to j: Int, in text: String) -> Bool {
        let utf8 = text.utf8
        for k in i..<j {
            // only spaces and hyphens, one or two of them: each byte is then a Character of its own
            var q = tokens[k].range.upperBound
            let end = tokens[k + 1].range.lowerBound
            var gap = 0
            while q < end {
                let b = utf8[q]
                gap += 1
                if gap > 2 || (b != 0x20 && b != 0x2D) { return false }
                q = utf8.index(after: q)
            }
            if gap == 0 { return false }
            let next = tokens[k + 1]
            if next.isCapitalised { continue }
            let w = text[next.range].lowercased()
            let generic =
                (genericFilter.mayContain(w) && genericWords.contains(w)) || RussianForms.headNominative(w) != nil
            if !(generic || (k + 1 < j && connectorFilter.mayContain(w) && connectors.contains(w))) { return false }
        }
        return true
    }

    static let connectors: Set<String> = [
        "of", "and", "on", "upon", "de", "del", "la", "le", "les", "du", "des", "da", "do", "dos", "das", "di", "am",
        "an", "im", "sur", "en", "na", "y", "i", "van", "von", "der", "den", "al", "el", "и", "на",
    ]
    private static let connectorFilter = WordFilter(connectors)
    private static let genericFilter = WordFilter(genericWords)
    static let genericWords: Set<String> = [
        "region", "oblast", "province", "oblysy", "state", "district", "territory", "county", "republic",
    ]
}
