import AlertCore

/// Adjacent level names that describe one level ("red (critical)", "4 (\"substantial\")").
struct LevelGroup: Sendable, Hashable {
    enum Marker: Sendable, Hashable { case none, to, from }
    var start: Int
    var end: Int
    /// Canonical names in text order; "top"/"bottom" for superlatives, digits for ranks.
    var names: [String]
    var marker: Marker

    /// The scheme level the group names, preferring named and numbered levels over superlatives.
    func resolve(in scheme: LevelScheme) -> (SchemeLevel, String)? {
        for n in names where n != "top" && n != "bottom" {
            if let l = scheme.level(named: n) { return (l, n) }
        }
        if names.contains("top"), let l = scheme.levels.last { return (l, l.rank) }
        if names.contains("bottom"), let l = scheme.levels.first { return (l, l.rank) }
        return nil
    }
}

/// Finds level names among a sentence's tokens and groups the ones that belong together.
struct LevelPhraseFinder: Sendable {
    let vocab: Vocabulary
    static let glueWords: Set<String> = [
        "the", "its", "a", "an", "of", "its", "their", "on", "scale", "out", "five", "four", "levels",
    ]

    private struct Item {
        var start: Int
        var end: Int
        var name: String
        var weak: Bool
    }

    func groups(_ words: Words, _ tokens: [Token]) -> [LevelGroup] {
        var items: [Item] = []
        var i = 0
        while i < words.count {
            if tokens[i].kind == .word, let m = vocab.levelNames.match(words, at: i) {
                items.append(
                    Item(start: i, end: i + m.length, name: m.payload.canonical, weak: m.payload.weak))
                i += m.length
                continue
            }
            if tokens[i].kind == .word, let m = vocab.superlatives.match(words, at: i) {
                items.append(Item(start: i, end: i + m.length, name: m.payload, weak: true))
                i += m.length
                continue
            }
            if let n = rankNumber(words, tokens, i) {
                items.append(Item(start: i, end: i + 1, name: String(n), weak: false))
            }
            i += 1
        }
        var groups: [LevelGroup] = []
        var k = 0
        while k < items.count {
            var g = [items[k]]
            while k + 1 < items.count, isGlue(words, tokens, from: g.last!.end, to: items[k + 1].start) {
                k += 1
                g.append(items[k])
            }
            k += 1
            let start = g.first!.start
            let end = g.last!.end
            let marker = self.marker(before: start, words, after: groups.last?.end ?? 0)
            let supported =
                g.contains { !$0.weak } || marker != .none || levelWordNear(words, tokens, start, end)
                || quoted(tokens, start, end)
            guard supported else { continue }
            groups.append(LevelGroup(start: start, end: end, names: g.map(\.name), marker: marker))
        }
        return groups
    }

    /// A digit or number word used as a rank: after "level"/"to"/"from", or before a quoted name.
    private func rankNumber(_ w: Words, _ t: [Token], _ i: Int) -> Int? {
        let n: Int? =
            t[i].kind == .number
            ? Int(w[i]) : (t[i].kind == .word && vocab.mayBeNumber(w[i]) ? vocab.numbers[w[i]] : nil)
        guard let n, (1...5).contains(n), w[i] != "a", w[i] != "an" else { return nil }
        // "со 2 сентября", "31. Januar": a day of a month, not a rank
        if i + 1 < w.count, vocab.months.matches(w, at: i + 1) { return nil }
        if i + 2 < w.count, w[i + 1] == ".", vocab.months.matches(w, at: i + 2) { return nil }
        if i > 0, vocab.levelWords.matches(w, at: i - 1) { return n }
        if i > 0, vocab.toMarkers.matches(w, at: i - 1) || vocab.levelFromMarkers.matches(w, at: i - 1) {
            // "from 3 (…) to 4", "to three": a rank only when a level word is close by
            // "von 3 auf 2": the second number of a from-to pair reaches further back
            let pair = i >= 2 && t[i - 2].kind == .number
            let lo = max(0, i - (pair ? 12 : 8))
            let hi = min(w.count, i + 4)
            for j in lo..<hi where vocab.levelWords.matches(w, at: j) { return n }
        }
        if i + 2 < w.count, w[i + 1] == "(" || w[i + 1] == "\"", vocab.levelNames.matches(w, at: i + 2) {
            return n
        }
        return nil
    }

    private func isGlue(_ w: Words, _ t: [Token], from a: Int, to b: Int) -> Bool {
        guard b - a <= 4 else { return false }
        for j in a..<b {
            if t[j].kind == .punct && w[j] != "." && w[j] != ";" { continue }
            if Self.glueWords.contains(w[j]) || vocab.levelWords.matches(w, at: j)
                || vocab.threatCues.matches(w, at: j)
            {
                continue
            }
            return false
        }
        return true
    }

    private func marker(before start: Int, _ w: Words, after floor: Int) -> LevelGroup.Marker {
        var j = start - 1
        var steps = 0
        while j >= floor, steps < 4 {
            for k in 0..<3 where j - k >= floor {
                if let m = vocab.toMarkers.match(w, at: j - k), m.length == k + 1 { return .to }
                if let m = vocab.levelFromMarkers.match(w, at: j - k), m.length == k + 1 { return .from }
            }
            j -= 1
            steps += 1
        }
        return .none
    }

    private func levelWordNear(_ w: Words, _ t: [Token], _ s: Int, _ e: Int) -> Bool {
        for j in max(0, s - 2)..<min(w.count, e + 3) where j < s || j >= e {
            if vocab.levelWords.matches(w, at: j) || vocab.threatCues.matches(w, at: j) { return true }
        }
        return false
    }

    private func quoted(_ t: [Token], _ s: Int, _ e: Int) -> Bool {
        let open: Set<String> = ["\"", "“", "«", "(", "'", "‘", "„"]
        let close: Set<String> = ["\"", "”", "»", ")", "'", "’", "“"]
        return s > 0 && open.contains(t[s - 1].text) && e < t.count && close.contains(t[e].text)
    }
}
