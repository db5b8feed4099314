import AlertCore
import GRDB

extension SQLiteStore {
    /// One transaction and one reused prepared statement per call: callers batch thousands of records at a time.
    @discardableResult
    public func append(_ transitions: [Transition], report: ReportRow?) throws -> AppendResult {
        if transitions.isEmpty && report == nil { return AppendResult() }
        return try run {
            var writer = BatchWriter(cache: cache)
            let result = try pool.write { db in
                writer.newPlaces = []
                writer.sources = [:]
                writer.evidence = [:]
                writer.newSourceHashes = []
                writer.touched = [:]
                let result = try writer.write(db, transitions, report: report)
                try CalmTable.update(db, touched: writer.touched)
                return result
            }
            publish(writer)
            return result
        }
    }

    /// Hands what a committed write learnt about ids to the cache.
    func publish(_ writer: BatchWriter) {
        cache.addSourceHashes(writer.newSourceHashes, high: writer.sourceHigh, complete: writer.sourcesComplete)
        for p in writer.newPlaces {
            cache.addPlace(id: p.id, spelling: p.spelling, canonicalID: p.canonical)
        }
        cache.merge(sources: writer.sources, evidence: writer.evidence)
    }
}

/// The write side of one append; what it learns about ids is handed to the cache after commit.
struct BatchWriter {
    let cache: StoreCache
    var newPlaces: [(id: Int64, spelling: Spelling, canonical: Int64?)] = []
    var sources: [Int64: TextRow] = [:]
    var evidence: [Int64: TextRow] = [:]
    /// Hashes of source rows read or added in this transaction, and the highest such row.
    var newSourceHashes: [Int64] = []
    var sourceHigh: Int64 = 0
    var sourcesComplete = false
    private var pendingSourceHashes = Set<Int64>()
    var insert: RawStatement?
    var st: Lookups?
    /// Canonical places that gained rows in this transaction → the earliest effective second they gained.
    var touched: [Int64: Int64] = [:]
    /// Set for an import into an empty store, which writes without the secondary indexes and builds them at the end.
    var bulk: BulkState?
    private var pendingSpellings: [Spelling: (Int64, Int64)] = [:]
    /// The same rows by the spelling's byte hash: places added in this transaction are not in the cache yet.
    private var pendingByHash: [Int64: (Spelling, Int64, Int64)] = [:]
    private var pendingCanonical: [PlaceKey: Int64] = [:]

    init(cache: StoreCache) { self.cache = cache }

    mutating func write(_ db: Database, _ transitions: [Transition], report: ReportRow?) throws
        -> AppendResult
    {
        try prepare(db)
        if let report {
            let add = try RawStatement(
                db, "INSERT OR IGNORE INTO report(hash, source, reported, format) VALUES (?1, ?2, ?3, ?4)")
            add.bind(1, blob: report.hash.bytes)
            add.bind(2, try sourceID(report.source))
            add.bind(3, report.reported?.seconds)
            add.bind(4, report.reported.map(RowCodec.format) ?? 0)
            try add.run()
        }
        return try add(transitions)
    }

    /// Prepares the statements and loads what other connections added, inside the write transaction.
    mutating func prepare(_ db: Database) throws {
        pendingSpellings = [:]
        pendingByHash = [:]
        pendingCanonical = [:]
        insert = try RawStatement(db, EncodedRow.insertSQL(rows: 1))
        st = Lookups(
            addPlace: try RawStatement(
                db, "INSERT INTO place(city, country, canonical) VALUES (?1, ?2, ?3)"),
            addSource: try RawStatement(db, "INSERT INTO source(hash, name) VALUES (?1, ?2)"),
            findSource: try RawStatement(db, "SELECT id, name FROM source WHERE hash = ?1"))
        try catchUpPlaces(db)
        try catchUpSources(db)
    }

    /// Inserts one batch with the prepared statements.
    mutating func add(_ transitions: [Transition]) throws -> AppendResult {
        guard let insert else { return AppendResult() }
        var result = AppendResult()
        for t in transitions {
            let (canonical, spelling) = try placeIDs(t)
            var row = EncodedRow(t)
            row.place = canonical
            row.spelling = spelling
            row.source = try sourceID(t.source)
            let evidenceHash = t.evidence.map(TextHash.of) ?? 0
            row.evidenceRow = t.evidence.flatMap { e in
                cache.evidenceID(e, hash: evidenceHash) ?? evidence[evidenceHash]?.id(for: e)
            }
            row.bind(insert, at: 0, t, extra: EncodedRow.extraJSON(t))
            try insert.run()
            if insert.changes > 0 {
                result.added += 1
                touched[canonical] = min(touched[canonical] ?? t.effective.seconds, t.effective.seconds)
                if row.evidenceRow == nil, let e = t.evidence {
                    evidence[evidenceHash] = TextRow(id: insert.lastRowID, text: e)
                }
            } else {
                result.present += 1
            }
        }
        return result
    }

    struct Lookups {
        var addPlace, addSource, findSource: RawStatement
    }

    /// Reads place rows other connections committed since the cache last saw the table. Run inside the write
    /// transaction (which holds SQLite's write lock), it makes cache + pending a complete picture of the place
    /// table, so resolving a spelling never has to search the table.
    mutating func catchUpPlaces(_ db: Database) throws {
        let s = try RawStatement(
            db, "SELECT id, city, country, canonical FROM place WHERE id > ?1 ORDER BY id")
        s.bind(1, cache.withLock { cache.placeHigh })
        while try s.step() {
            let id = s.int(0)
            let sp = Spelling(city: s.text(1) ?? "", country: s.text(2))
            let canonical = s.optionalInt(3)
            newPlaces.append((id, sp, canonical))
            pendingSpellings[sp] = (id, canonical ?? id)
            pendingByHash[TextHash.of(sp)] = (sp, id, canonical ?? id)
            if canonical == nil { pendingCanonical[PlaceKey(name: sp.city, country: sp.country)] = id }
        }
    }

    /// Reads the hashes of source rows the cache has not seen (all of them the first time), under the write
    /// lock, so that a hash missing from cache + pending means the source is new.
    mutating func catchUpSources(_ db: Database) throws {
        pendingSourceHashes = []
        let (high, known) = cache.withLock { (cache.sourceHigh, cache.sourceHashes != nil) }
        sourcesComplete = known || high == 0
        guard sourcesComplete else { return }
        let s = try RawStatement(db, "SELECT id, hash FROM source WHERE id > ?1")
        s.bind(1, high)
        sourceHigh = high
        while try s.step() {
            newSourceHashes.append(s.int(1))
            pendingSourceHashes.insert(s.int(1))
            sourceHigh = max(sourceHigh, s.int(0))
        }
    }

    /// The canonical place (one per case-folded name and country, as the natural key sees it) and,
    /// when the record spells it differently, the exact spelling's row.
    mutating func placeIDs(_ t: Transition, hash: Int64? = nil) throws -> (Int64, Int64?) {
        let sp = Spelling(city: t.city, country: t.country)
        let (id, canonical) = try spellingRow(sp, hash: hash ?? TextHash.of(sp))
        return (canonical, id == canonical ? nil : id)
    }

    mutating func spellingRow(_ sp: Spelling, hash: Int64) throws -> (Int64, Int64) {
        if let p = cache.place(sp, hash: hash) { return p }
        if let (s, id, canonical) = pendingByHash[hash], s == sp { return (id, canonical) }
        // The byte-hash map can miss a cached spelling (a hash collision, or equal text in other bytes).
        if let p = pendingSpellings[sp] ?? cache.place(sp) { return p }
        let key = PlaceKey(name: sp.city, country: sp.country)
        let canonical = cache.canonicalID(key) ?? pendingCanonical[key]
        st!.addPlace.bind(1, sp.city)
        st!.addPlace.bind(2, sp.country)
        st!.addPlace.bind(3, canonical)
        try st!.addPlace.run()
        let id = st!.addPlace.lastRowID
        newPlaces.append((id, sp, canonical))
        pendingSpellings[sp] = (id, canonical ?? id)
        pendingByHash[hash] = (sp, id, canonical ?? id)
        if canonical == nil { pendingCanonical[key] = id }
        return (id, canonical ?? id)
    }

    /// Sources are looked up by an 8-byte hash (cheaper to index than the text), checking the text.
    mutating func sourceID(_ name: String) throws -> Int64 {
        let hash = TextHash.of(name)
        if let id = cache.sourceID(name, hash: hash) ?? sources[hash]?.id(for: name) { return id }
        var found: Int64?
        // When complete, cache + pending hold every row's hash (pending alone on a first load, while the
        // cache's set is still nil), so a hash in neither is a new source.
        if !sourcesComplete || pendingSourceHashes.contains(hash) || cache.hasSourceHash(hash) {
            st!.findSource.bind(1, hash)
            while try st!.findSource.step() {
                if st!.findSource.text(1) == name {
                    found = st!.findSource.int(0)
                    break
                }
            }
            st!.findSource.reset()
        }
        let id: Int64
        if let found {
            id = found
        } else {
            st!.addSource.bind(1, hash)
            st!.addSource.bind(2, name)
            try st!.addSource.run()
            id = st!.addSource.lastRowID
            newSourceHashes.append(hash)
            pendingSourceHashes.insert(hash)
            sourceHigh = max(sourceHigh, id)
        }
        sources[hash] = TextRow(id: id, text: name)
        return id
    }
}
