/// Name lookups already made, kept by one reader of many sentences (a report run) so that a
/// name that recurs ("Authorities", "Almaty") is folded, searched and ranked once.
///
/// Not shared between threads: each run owns its memo.
public final class LookupMemo {
    struct Key: Hashable {
        var span: Substring
        /// single, all caps, after a locative.
        var flags: UInt8
        var country: String?
    }

    var entries: [Key: [Place]?] = [:]
    /// Entries kept before the memo starts over, so a long feed cannot grow it without bound.
    static let capacity = 50_000

    /// An empty memo.
    public init() {}
}
