/// Folding shared by lexicon phrases and report tokens, so both sides compare alike.
enum Fold {
    /// Lower case without diacritics; "ё" becomes "е", "Sécurité" becomes "securite".
    static func token(_ s: some StringProtocol) -> String {
        var ascii = true
        for b in s.utf8 where b >= 0x80 {
            ascii = false
            break
        }
        if ascii { return s.lowercased() }
        if let plain = cyrillicToken(s) { return plain }
        var out = String.UnicodeScalarView()
        for u in String(s).lowercased().unicodeScalars {
            switch u.value {
            case 0x451: out.append("е")
            case 0x300...0x36F: continue
            case 0x2019, 0x2018, 0x02BC: out.append("'")
            default:
                if let base = latinBase(u) { out.append(base) } else { out.append(u) }
            }
        }
        return String(out)
    }

    /// `token(s)` for a word of ASCII and basic Cyrillic (U+0400–U+045F) only, by bytes: there
    /// lower-casing is a fixed offset and the only fold left is "ё" → "е". Nil for anything else.
    private static func cyrillicToken(_ s: some StringProtocol) -> String? {
        var count = 0
        var it = s.utf8.makeIterator()
        while let b = it.next() {
            count += 1
            if b < 0x80 { continue }
            guard b == 0xD0 || b == 0xD1, let c = it.next(), c & 0xC0 == 0x80 else { return nil }
            count += 1
            if b == 0xD1 && c > 0x9F { return nil }  // beyond U+045F
        }
        return String(unsafeUninitializedCapacity: count) { out in
            var n = 0
            var it = s.utf8.makeIterator()
            while let b = it.next() {
                if b < 0x80 {
                    out[n] = b >= 0x41 && b <= 0x5A ? b | 0x20 : b
                    n += 1
                    continue
                }
                let c = it.next()!
                var v = (UInt32(b) & 0x1F) << 6 | UInt32(c) & 0x3F
                if v < 0x410 {
                    v += 0x50
                } else if v < 0x430 {
                    v += 0x20
                }
                if v == 0x451 { v = 0x435 }
                out[n] = UInt8(0xC0 | (v >> 6))
                out[n + 1] = UInt8(0x80 | (v & 0x3F))
                n += 2
            }
            return n
        }
    }

    /// Folds a phrase token by token (keeps the trailing `*` of prefix tokens).
    static func phrase(_ s: String) -> String {
        Tokenizer.words(s).map { $0.hasSuffix("*") ? token($0.dropLast()) + "*" : token($0) }.joined(
            separator: " ")
    }

    private static func latinBase(_ u: Unicode.Scalar) -> Unicode.Scalar? {
        switch u {
        case "à", "á", "â", "ã", "ä", "å", "ā": "a"
        case "ç", "č", "ć": "c"
        case "è", "é", "ê", "ë", "ē", "ė", "ę": "e"
        case "ì", "í", "î", "ï", "ī": "i"
        case "ñ", "ń": "n"
        case "ò", "ó", "ô", "õ", "ö", "ø", "ō": "o"
        case "ù", "ú", "û", "ü", "ū": "u"
        case "ý", "ÿ": "y"
        case "š", "ś": "s"
        case "ž", "ź", "ż": "z"
        case "ł": "l"
        default: nil
        }
    }
}

/// Matches lexicon phrases against folded tokens, longest phrase first.
struct PhraseMatcher<Payload: Sendable>: Sendable {
    struct Pattern: Sendable {
        var parts: [String]
        var prefix: [Bool]
        var payload: Payload
    }

    private var exactFirst: [String: [Int]] = [:]
    private var prefixFirst: [String: [Int]] = [:]
    private var patterns: [Pattern] = []
    // The parts again, flat (pattern after pattern), so a look-up reads plain arrays instead of
    // copying a Pattern and its arrays for every candidate.
    /// Where each pattern's parts start in `flatIDs` and `flatParts`, and how many there are.
    private var partStart: [Int] = []
    private var partCount: [Int] = []
    /// Word ids of the parts (-1 for prefix parts).
    private var flatIDs: [Int32] = []
    private var flatParts: [String] = []
    /// Patterns by the word id of their first part, and by the prefix key of a prefix first part.
    private var firstByID = Buckets()
    private var firstByKey = Buckets()
    static var keyLength: Int { 2 }

    init(_ phrases: [(String, Payload)]) {
        var index = WordIndex()
        self.init(phrases, index: &index)
    }

    /// Files the phrases' words in `index` (shared by all matchers of a vocabulary).
    init(_ phrases: [(String, Payload)], index: inout WordIndex) {
        var byID: [(slot: Int, pattern: Int)] = []
        var byKey: [(slot: Int, pattern: Int)] = []
        for (text, payload) in phrases {
            let toks = Tokenizer.words(text)
            guard !toks.isEmpty else { continue }
            var parts: [String] = []
            var prefix: [Bool] = []
            for t in toks {
                if t.hasSuffix("*") && t.count > 1 {
                    parts.append(Fold.token(t.dropLast()))
                    prefix.append(true)
                } else {
                    parts.append(Fold.token(t))
                    prefix.append(false)
                }
            }
            let idx = patterns.count
            patterns.append(Pattern(parts: parts, prefix: prefix, payload: payload))
            var ids: [Int32] = []
            for (k, part) in parts.enumerated() { ids.append(prefix[k] ? -1 : index.id(of: part)) }
            partStart.append(flatIDs.count)
            partCount.append(parts.count)
            flatIDs += ids
            flatParts += parts
            if prefix[0] {
                let key = String(parts[0].prefix(Self.keyLength))
                prefixFirst[key, default: []].append(idx)
                byKey.append((Int(index.key(of: key)), idx))
            } else {
                exactFirst[parts[0], default: []].append(idx)
                byID.append((Int(ids[0]), idx))
            }
        }
        firstByID = Buckets(byID)
        firstByKey = Buckets(byKey)
    }

    /// The longest phrase starting at word `i`: its length in words and payload.
    func match(_ words: Words, at i: Int) -> (length: Int, payload: Payload)? {
        guard i < words.count else { return nil }
        var best = -1
        var bestLength = 0
        func consider(_ idx: Int) {
            let n = partCount[idx]
            guard i + n <= words.count, n > bestLength else { return }
            let base = partStart[idx]
            for k in 0..<n {
                let id = flatIDs[base + k]
                if id < 0 {
                    guard words.text[i + k].hasPrefix(flatParts[base + k]) else { return }
                } else {
                    guard words.ids[i + k] == id else { return }
                }
            }
            best = idx
            bestLength = n
        }
        for j in firstByID.range(Int(words.ids[i])) { consider(firstByID[j]) }
        for j in firstByKey.range(Int(words.keys[i])) { consider(firstByKey[j]) }
        return best < 0 ? nil : (length: bestLength, payload: patterns[best].payload)
    }

    /// True when some phrase starts at word `i`.
    func matches(_ words: Words, at i: Int) -> Bool { match(words, at: i) != nil }

    /// Every non-overlapping match, left to right.
    func all(in words: Words, range: Range<Int>? = nil) -> [(start: Int, length: Int, payload: Payload)] {
        var out: [(start: Int, length: Int, payload: Payload)] = []
        var i = range?.lowerBound ?? 0
        let end = range?.upperBound ?? words.count
        while i < end {
            if let m = match(words, at: i) {
                out.append((i, m.length, m.payload))
                i += m.length
            } else {
                i += 1
            }
        }
        return out
    }

    /// True when any phrase occurs in the words.
    func occurs(in words: Words, range: Range<Int>? = nil) -> Bool {
        let r = range ?? 0..<words.count
        for i in r where match(words, at: i) != nil { return true }
        return false
    }

    var isEmpty: Bool { patterns.isEmpty }

    /// The longest phrase starting at token `i` of plain strings (tests spell phrases out this way).
    func match(_ words: [String], at i: Int) -> (length: Int, payload: Payload)? {
        guard i < words.count else { return nil }
        var best: (Int, Payload)?
        func consider(_ p: Pattern) {
            guard i + p.parts.count <= words.count else { return }
            for k in 0..<p.parts.count {
                let w = words[i + k]
                if p.prefix[k] {
                    guard w.hasPrefix(p.parts[k]) else { return }
                } else {
                    guard w == p.parts[k] else { return }
                }
            }
            if best == nil || p.parts.count > best!.0 { best = (p.parts.count, p.payload) }
        }
        for idx in exactFirst[words[i]] ?? [] { consider(patterns[idx]) }
        if !prefixFirst.isEmpty {
            for idx in prefixFirst[String(words[i].prefix(Self.keyLength))] ?? [] {
                consider(patterns[idx])
            }
        }
        return best.map { (length: $0.0, payload: $0.1) }
    }

}

/// Lists of pattern numbers by slot, kept in one array: no inner array to retain per look-up.
struct Buckets: Sendable {
    private var starts: [Int] = [0]
    private var items: [Int] = []

    init() {}

    /// Files each pattern under its slot, keeping the order they come in (a counting sort).
    init(_ filed: [(slot: Int, pattern: Int)]) {
        guard let top = filed.lazy.map(\.slot).max() else { return }
        starts = Array(repeating: 0, count: top + 2)
        for f in filed { starts[f.slot + 1] += 1 }
        for s in 0...top { starts[s + 1] += starts[s] }
        var next = starts
        items = Array(repeating: 0, count: filed.count)
        for f in filed {
            items[next[f.slot]] = f.pattern
            next[f.slot] += 1
        }
    }

    /// Positions of the slot's list (empty for a slot out of range, such as -1).
    @inline(__always)
    func range(_ slot: Int) -> Range<Int> {
        slot >= 0 && slot + 1 < starts.count ? starts[slot]..<starts[slot + 1] : 0..<0
    }

    @inline(__always)
    subscript(position: Int) -> Int { items[position] }
}
