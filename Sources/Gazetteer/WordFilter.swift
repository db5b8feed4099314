/// A quick "certainly not one of these words" test by a word's first two bytes and its length, so that
/// most words skip hashing a String (and String's Unicode-aware comparisons) in a set or dictionary lookup.
public struct WordFilter: Sendable {
    /// One bit per first-two-bytes pair of a word (a one-byte word pairs its byte with 0).
    private var pairs = [UInt64](repeating: 0, count: 1024)
    private var minBytes = Int.max
    private var maxBytes = 0

    /// A filter passing every word of `words` (compared by their UTF-8 bytes).
    public init(_ words: some Sequence<String>) {
        for w in words {
            let u = Array(w.utf8)
            let p = Self.pair(u.first ?? 0, u.count > 1 ? u[1] : 0)
            pairs[p >> 6] |= 1 << UInt64(p & 63)
            minBytes = min(minBytes, u.count)
            maxBytes = max(maxBytes, u.count)
        }
    }

    @inline(__always)
    private static func pair(_ a: UInt8, _ b: UInt8) -> Int { Int(a) << 8 | Int(b) }

    /// False when `word` is certainly none of the words; true when it may be one.
    @inline(__always)
    public func mayContain(_ word: String) -> Bool {
        let u = word.utf8
        let n = u.count
        guard n >= minBytes && n <= maxBytes else { return false }
        var it = u.makeIterator()
        let a = it.next() ?? 0
        let b = it.next() ?? 0
        let p = Self.pair(a, b)
        return pairs[p >> 6] & (1 << UInt64(p & 63)) != 0
    }
}
