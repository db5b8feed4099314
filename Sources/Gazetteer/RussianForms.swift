/// Guesses the nominative forms of a folded Russian place name in an oblique case
/// ("астане" → "астана", "актюбинской области" → "актюбинская область"), so the gazetteer
/// only stores dictionary forms. Over-generation is harmless: every guess is checked
/// against the index.
enum RussianForms {
    static func isCyrillic(_ key: String) -> Bool {
        key.unicodeScalars.contains { (0x400...0x4FF).contains($0.value) }
    }

    /// Candidate nominative forms, most likely first; never includes `key` itself.
    static func baseForms(_ key: String) -> [String] {
        let words = key.split(separator: " ").map(String.init)
        guard !words.isEmpty else { return [] }
        var options: [[String]] = words.map { [$0] }
        if let h = words.firstIndex(where: { heads[$0] != nil }), let head = heads[words[h]] {
            options[h] = [head.nominative]
            for i in words.indices where i != h {
                options[i] = adjective(words[i], feminine: head.feminine) + [words[i]]
            }
        } else {
            let last = words.count - 1
            options[last] = [words[last]] + noun(words[last])
            for i in 0..<last {
                options[i] =
                    [words[i]] + adjective(words[i], feminine: false) + adjective(words[i], feminine: true)
            }
        }
        var out: [String] = []
        var acc: [[String]] = [[]]
        for o in options {
            acc = acc.flatMap { prefix in o.map { prefix + [$0] } }
            if acc.count > 64 { acc = Array(acc.prefix(64)) }
        }
        for combo in acc {
            let s = combo.joined(separator: " ")
            if s != key && !out.contains(s) { out.append(s) }
        }
        return out
    }

    /// The nominative singular of a head noun such as "областях" → "область", if it is one.
    static func headNominative(_ word: String) -> String? {
        headFilter.mayContain(word) ? heads[word]?.nominative : nil
    }

    private static let headFilter = WordFilter(heads.keys)

    private struct Head {
        let nominative: String
        let feminine: Bool
    }

    private static let heads: [String: Head] = {
        var h: [String: Head] = [:]
        for f in ["область", "области", "областью", "областей", "областях", "областям", "областями"] {
            h[f] = Head(nominative: "область", feminine: true)
        }
        for f in ["республика", "республики", "республике", "республику", "республикой"] {
            h[f] = Head(nominative: "республика", feminine: true)
        }
        for f in ["край", "края", "краю", "краем", "крае", "краях", "краев"] {
            h[f] = Head(nominative: "край", feminine: false)
        }
        for f in ["округ", "округа", "округу", "округом", "округе"] {
            h[f] = Head(nominative: "округ", feminine: false)
        }
        return h
    }()

    private static let feminineEndings = ["ой", "ою", "ую", "ей", "юю", "ая", "яя"]
    private static let masculineEndings = [
        "ого", "его", "ому", "ему", "ым", "им", "ом", "ем", "ий", "ый", "ой",
    ]

    /// Nominative guesses for an adjective agreeing with a feminine or masculine noun.
    static func adjective(_ w: String, feminine: Bool) -> [String] {
        guard w.count >= 5 else { return [] }
        let endings = feminine ? feminineEndings : masculineEndings
        let nominatives = feminine ? ["ая", "яя"] : ["ий", "ый", "ой"]
        for e in endings where w.hasSuffix(e) {
            let stem = String(w.dropLast(e.count))
            return nominatives.map { stem + $0 }
        }
        return []
    }

    /// Nominative guesses for a noun in an oblique case ("таразе" → "тараз").
    static func noun(_ w: String) -> [String] {
        guard w.count >= 4 else { return [] }
        var out: [String] = []
        func strip(_ e: String, _ repl: [String]) {
            guard w.hasSuffix(e) else { return }
            let stem = String(w.dropLast(e.count))
            guard stem.count >= 3 else { return }
            for r in repl { out.append(stem + r) }
        }
        strip("ией", ["ия"])
        strip("ию", ["ия"])
        strip("ии", ["ия"])
        strip("ах", ["ы", "и"])
        strip("ях", ["и"])
        strip("ой", ["а"])
        strip("ою", ["а"])
        strip("ом", [""])
        strip("ем", ["й", "ь", ""])
        strip("ей", ["я", "ь"])
        strip("ью", ["ь"])
        strip("е", ["а", "", "я", "й", "ь"])
        strip("ы", ["а", ""])
        strip("и", ["а", "я", "ь", ""])
        strip("у", ["а", ""])
        strip("ю", ["я", "ь", "й"])
        strip("а", ["", "о"])
        strip("я", ["й", "ь"])
        return out
    }
}
