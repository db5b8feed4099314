/// Every word the lexicons' phrases use, numbered, so a sentence's words are looked up once and
/// matchers then compare integers instead of hashing strings at every position.
struct WordIndex: Sendable {
    /// Folded exact words of the phrases.
    private(set) var ids: [String: Int32] = [:]
    /// The first two Characters of prefix parts ("введ*" → "вв"): the key a prefix phrase is filed under.
    private(set) var keys: [String: Int32] = [:]

    mutating func id(of word: String) -> Int32 {
        if let i = ids[word] { return i }
        let i = Int32(ids.count)
        ids[word] = i
        return i
    }

    mutating func key(of prefix: String) -> Int32 {
        if let i = keys[prefix] { return i }
        let i = Int32(keys.count)
        keys[prefix] = i
        return i
    }

    /// The words of a sentence with their ids.
    func words(_ text: [String]) -> Words {
        var ids: [Int32] = []
        var keys: [Int32] = []
        ids.reserveCapacity(text.count)
        keys.reserveCapacity(text.count)
        for w in text {
            ids.append(self.ids[w] ?? -1)
            keys.append(self.keys.isEmpty ? -1 : self.keys[String(w.prefix(PhraseMatcher<Int>.keyLength))] ?? -1)
        }
        return Words(text: text, ids: ids, keys: keys)
    }
}

/// A sentence's folded words, each with its `WordIndex` id (-1 for a word no phrase uses).
struct Words: Sendable, RandomAccessCollection {
    let text: [String]
    let ids: [Int32]
    /// Id of the word's first two Characters as a prefix key, -1 when no prefix phrase starts so.
    let keys: [Int32]

    var startIndex: Int { 0 }
    var endIndex: Int { text.count }
    subscript(i: Int) -> String { text[i] }
}

extension Vocabulary {
    /// The folded words of `tokens`, numbered for the matchers.
    func words(_ tokens: [Token]) -> Words { index.words(tokens.map(\.folded)) }
}
