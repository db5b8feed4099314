/// A clause: the token indices it covers (a parenthetical "…, which …," is cut out of its host).
struct Clause: Sendable, Hashable {
    var indices: [Int]
    /// Opened by "after", "following", "после": the cause or background of a main clause.
    var subordinate: Bool
    /// A relative clause ("which has been at yellow since July").
    var relative: Bool
}

/// Splits a sentence's tokens into clauses at semicolons, conjunctions and relative pronouns.
struct ClauseSplitter: Sendable {
    let vocab: Vocabulary

    func split(_ words: Words) -> [Clause] {
        var clauses: [Clause] = []
        var current = Clause(indices: [], subordinate: false, relative: false)
        var parenthetical: Clause?
        var i = 0
        func flush() {
            if !current.indices.isEmpty { clauses.append(current) }
        }
        while i < words.count {
            let w = words[i]
            if parenthetical != nil {
                if w == "," || w == ";" || w == "—" || w == "–" {
                    clauses.append(parenthetical!)
                    parenthetical = nil
                    if w != "," {
                        flush()
                        current = Clause(indices: [], subordinate: false, relative: false)
                    }
                    i += 1
                    continue
                }
                parenthetical!.indices.append(i)
                i += 1
                continue
            }
            if w == ";" {
                flush()
                current = Clause(indices: [], subordinate: false, relative: false)
                i += 1
                continue
            }
            if i > 0, words[i - 1] == ",", let m = vocab.relativePronouns.match(words, at: i) {
                parenthetical = Clause(
                    indices: Array(i..<(i + m.length)), subordinate: false, relative: true)
                i += m.length
                continue
            }
            if i > 0, let m = vocab.subordinateBreaks.match(words, at: i) {
                flush()
                current = Clause(indices: Array(i..<(i + m.length)), subordinate: true, relative: false)
                i += m.length
                continue
            }
            if i > 0, let m = vocab.clauseBreaks.match(words, at: i) {
                flush()
                current = Clause(indices: Array(i..<(i + m.length)), subordinate: false, relative: false)
                i += m.length
                continue
            }
            current.indices.append(i)
            i += 1
        }
        if let p = parenthetical { clauses.append(p) }
        flush()
        return clauses
    }
}
