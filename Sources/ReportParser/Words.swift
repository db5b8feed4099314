/// Every word the lexicons' phrases use, numbered, so a sentence's words are looked up once and
/// matchers then compare integers instead of hashing strings at every position.
struct WordIndex: Sendable {
    /// Folded exact words of the phrases.
    private(set) var ids: [String: Int32] = [:]
    /// The first two Characters of prefix parts ("введ*" → "вв"): the key a prefix phrase is filed under.
    private(set) var keys: [String: Int32] = [:]

    /// `ids` and `keys` by bytes, for plain words.
    private var idBytes = ByteWordTable()
    private var keyBytes = ByteWordTable()

    mutating func id(of word: String) -> Int32 {
        if let i = ids[word] { return i }
        let i = Int32(ids.count)
        ids[word] = i
        idBytes.insert(word, i)
        return i
    }

    mutating func key(of prefix: String) -> Int32 {
        if let i = keys[prefix] { return i }
        let i = Int32(keys.count)
        keys[prefix] = i
        keyBytes.insert(prefix, i)
        return i
    }

    /// Plain words are looked up by their bytes.
    var usesByteTables: Bool { idBytes.usable && keyBytes.usable }

    /// The words of a sentence with their ids.
    func words(_ text: [String]) -> Words {
        var ids: [Int32] = []
        var keys: [Int32] = []
        ids.reserveCapacity(text.count)
        keys.reserveCapacity(text.count)
        let fast = usesByteTables && PhraseMatcher<Int>.keyLength == 2
        for w in text {
            var word = w
            // a plain word's Characters are its scalars, so its key is its first two scalars' bytes
            let done =
                fast
                && word.withUTF8 { buf -> Bool in
                    guard ByteWordTable.isPlain(buf) else { return false }
                    ids.append(idBytes.lookup(buf) ?? -1)
                    if self.keys.isEmpty {
                        keys.append(-1)
                        return true
                    }
                    var end = 0
                    var n = 0
                    while end < buf.count && n < 2 {
                        end += buf[end] < 0x80 ? 1 : 2
                        n += 1
                    }
                    keys.append(keyBytes.lookup(UnsafeBufferPointer(rebasing: buf[0..<end])) ?? -1)
                    return true
                }
            if done { continue }
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
