/// Name lookups already made, kept by one reader of many sentences (a report run) so that a
/// name that recurs ("Authorities", "Almaty") is folded, searched and ranked once.
///
/// Not shared between threads: each run owns its memo.
public final class LookupMemo {
    /// Compared and hashed by the span's UTF-8 bytes: String's own hashing normalises every scalar
    /// beyond ASCII first, which cost more than the lookups it saved.
    struct Key: Hashable {
        var span: Substring
        /// single, all caps, after a locative.
        var flags: UInt8
        var country: String?

        func hash(into h: inout Hasher) {
            h.combine(flags)
            h.combine(country)
            if span.utf8.withContiguousStorageIfAvailable({ h.combine(bytes: UnsafeRawBufferPointer($0)) }) == nil {
                for b in span.utf8 { h.combine(b) }
            }
        }

        static func == (a: Key, b: Key) -> Bool {
            a.flags == b.flags && a.country == b.country && a.span.utf8.elementsEqual(b.span.utf8)
        }
    }

    var entries: [Key: [Place]?] = [:]
    /// Entries kept before the memo starts over, so a long feed cannot grow it without bound.
    static let capacity = 200_000

    /// An empty memo.
    public init() {}
}
