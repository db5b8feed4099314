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
    static var keyLength: Int { 2 }

    init(_ phrases: [(String, Payload)]) {
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
            if prefix[0] {
                prefixFirst[String(parts[0].prefix(Self.keyLength)), default: []].append(idx)
            } else {
                exactFirst[parts[0], default: []].append(idx)
            }
        }
    }

    var isEmpty: Bool { patterns.isEmpty }

    /// The longest phrase starting at token `i`: its length in tokens and payload.
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

    /// True when some phrase starts at token `i`.
    func matches(_ words: [String], at i: Int) -> Bool { match(words, at: i) != nil }

    /// Every non-overlapping match, left to right.
    func all(in words: [String], range: Range<Int>? = nil) -> [(
        start: Int, length: Int, payload: Payload
    )] {
        var out: [(Int, Int, Payload)] = []
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
        return out.map { (start: $0.0, length: $0.1, payload: $0.2) }
    }

    /// True when any phrase occurs in the words.
    func occurs(in words: [String], range: Range<Int>? = nil) -> Bool {
        let r = range ?? 0..<words.count
        for i in r where match(words, at: i) != nil { return true }
        return false
    }
}
