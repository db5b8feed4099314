import AlertCore
import Foundation

/// A place exactly as records spell it.
struct Spelling: Hashable {
    var city: String
    var country: String?
}

/// In-memory copies of the small lookup tables, so a bulk append rarely asks SQLite for an id.
///
/// Rows are never deleted, so a cached id stays valid; entries are merged only after their transaction commits.
final class StoreCache: @unchecked Sendable {
    private let lock = NSLock()
    /// Place row → its spelling and canonical row (itself when it is canonical): all a reader needs.
    private var rows: [Int64: (spelling: Spelling, canonical: Int64)] = [:]
    /// The lookups by spelling and key that only appends use, built on first use (a reader never pays for them).
    private var placeLookups: PlaceLookups?
    /// Source name → row, keyed by the name's byte hash (hashing bytes is far cheaper than hashing a String).
    private var sources: [Int64: TextRow] = [:]
    /// Evidence text → the transition row holding it, so a repeated sentence is stored once.
    private var evidence: [Int64: TextRow] = [:]
    /// The hash of every source row up to `sourceHigh` (nil until an append loads it, or past `hashLimit`):
    /// a name whose hash is not here is new, so a bulk append inserts it without looking it up first.
    private(set) var sourceHashes: Set<Int64>?
    private(set) var sourceHigh: Int64 = 0
    static let hashLimit = 4_000_000
    /// Highest place rowid loaded, to tell whether another connection added places.
    private(set) var placeHigh: Int64 = 0
    /// Bound on the source and evidence maps, which grow with the data rather than with the world.
    static let limit = 200_000

    func withLock<T>(_ body: () throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }

    /// A cached spelling's row and canonical row.
    func place(_ s: Spelling) -> (Int64, Int64)? {
        withLock { lookups.spellings[s].map { ($0, rows[$0]?.canonical ?? $0) } }
    }
    func canonicalID(_ k: PlaceKey) -> Int64? { withLock { lookups.canonical[k] } }
    func spelling(_ id: Int64) -> Spelling? { withLock { rows[id]?.spelling } }
    func sourceID(_ s: String, hash: Int64) -> Int64? { withLock { sources[hash]?.id(for: s) } }
    func evidenceID(_ s: String, hash: Int64) -> Int64? { withLock { evidence[hash]?.id(for: s) } }

    /// A cached spelling's row and canonical row, found by the spelling's byte hash.
    func place(_ s: Spelling, hash: Int64) -> (Int64, Int64)? {
        withLock {
            guard let (sp, id, canonical) = lookups.byHash[hash], sp == s else { return nil }
            return (id, canonical)
        }
    }

    /// Every canonical place: id and key.
    func canonicalPlaces() -> [(PlaceKey, Int64)] {
        withLock { lookups.canonical.map { ($0.key, $0.value) } }
    }

    func addPlace(id: Int64, spelling: Spelling, canonicalID: Int64?) {
        withLock {
            rows[id] = (spelling, canonicalID ?? id)
            placeLookups?.add(id: id, spelling: spelling, canonicalID: canonicalID)
            placeHigh = max(placeHigh, id)
        }
    }

    /// The append-side lookups (call with the lock held).
    private var lookups: PlaceLookups {
        if let l = placeLookups { return l }
        var l = PlaceLookups()
        // In row order, as they were loaded: a later row wins a key two rows share, as it did when added.
        for (id, r) in rows.sorted(by: { $0.key < $1.key }) {
            l.add(id: id, spelling: r.spelling, canonicalID: r.canonical == id ? nil : r.canonical)
        }
        placeLookups = l
        return l
    }

    /// Whether a source hash is in the loaded set (false when none is loaded: the caller knows whether that is complete).
    func hasSourceHash(_ hash: Int64) -> Bool { withLock { sourceHashes?.contains(hash) ?? false } }

    /// Source rows `high` and below are all in `hashes` (after a commit).
    func addSourceHashes(_ hashes: [Int64], high: Int64, complete: Bool) {
        withLock {
            if complete && sourceHashes == nil && sourceHigh == 0 { sourceHashes = [] }
            guard high > sourceHigh, sourceHashes != nil else { return }
            sourceHashes!.formUnion(hashes)
            sourceHigh = high
            if sourceHashes!.count > Self.hashLimit { sourceHashes = nil }
        }
    }

    func merge(sources s: [Int64: TextRow], evidence e: [Int64: TextRow]) {
        withLock {
            if sources.count + s.count > Self.limit { sources.removeAll(keepingCapacity: true) }
            if evidence.count + e.count > Self.limit { evidence.removeAll(keepingCapacity: true) }
            sources.merge(s) { a, _ in a }
            evidence.merge(e) { a, _ in a }
        }
    }
}

/// A row id and the text it was found for: hash-keyed maps confirm the text before trusting the id.
struct TextRow {
    var id: Int64
    var text: String

    func id(for s: String) -> Int64? { text == s ? id : nil }
}

/// Places by spelling, by key and by the spelling's byte hash: what an append looks places up by.
struct PlaceLookups {
    var spellings: [Spelling: Int64] = [:]
    var canonical: [PlaceKey: Int64] = [:]
    /// Spellings by byte hash, for the per-record lookup of a bulk append.
    var byHash: [Int64: (Spelling, Int64, Int64)] = [:]

    mutating func add(id: Int64, spelling: Spelling, canonicalID: Int64?) {
        spellings[spelling] = id
        byHash[TextHash.of(spelling)] = (spelling, id, canonicalID ?? id)
        if canonicalID == nil {
            canonical[PlaceKey(name: spelling.city, country: spelling.country)] = id
        }
    }
}
