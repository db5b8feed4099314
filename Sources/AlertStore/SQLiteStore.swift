import AlertCore
import Foundation
import GRDB
import GRDBSQLite

/// The embedded engine: one SQLite file in WAL mode, through GRDB.
public final class SQLiteStore: AlertStoring, @unchecked Sendable {
    /// The file this store reads and writes.
    public let path: String
    let pool: DatabasePool
    let cache = StoreCache()

    /// The newest schema version this build understands.
    public static var schemaVersion: Int { Schema.version }

    /// Opens the store at `path`, creating the file and its directories on first use and migrating older schemas.
    public init(path: String) throws(StoreError) {
        self.path = path
        try Self.makeDirectories(for: path)
        try Self.refuseNewer(path)
        var config = Configuration()
        config.busyMode = .timeout(30)
        config.prepareDatabase { db in
            // WAL with synchronous=NORMAL cannot corrupt the file; a crash loses at most the last transactions.
            // Readers mostly scan once (the monitor's load), so a small page cache keeps the monitor's memory
            // down; the writer keeps a large one for the unique-key lookups of an import.
            let cacheKB = db.configuration.readonly ? 2_048 : 32_768
            try db.execute(sql: "PRAGMA synchronous = NORMAL; PRAGMA cache_size = -\(cacheKB)")
        }
        do {
            pool = try DatabasePool(path: path, configuration: config)
            try Schema.migrator.migrate(pool)
        } catch {
            throw .cannotOpen(path: path, reason: Self.describe(error))
        }
        try? loadPlaces()
    }

    // MARK: opening

    static func makeDirectories(for path: String) throws(StoreError) {
        var dir = (path as NSString).deletingLastPathComponent
        if dir.isEmpty { dir = "." }
        var missing: [String] = []
        var d = dir
        var info = stat()
        while !d.isEmpty, d != "/", stat(d, &info) != 0 {
            missing.append(d)
            d = (d as NSString).deletingLastPathComponent
        }
        if stat(d.isEmpty ? "." : d, &info) == 0, info.st_mode & S_IFMT != S_IFDIR {
            throw .cannotCreate(path: path, reason: "\(d) is not a directory")
        }
        for m in missing.reversed() where mkdir(m, 0o755) != 0 && errno != EEXIST {
            throw .cannotCreate(path: path, reason: String(cString: strerror(errno)))
        }
    }

    /// Reads the schema version without writing, so a newer file is left exactly as it was.
    static func refuseNewer(_ path: String) throws(StoreError) {
        var info = stat()
        guard stat(path, &info) == 0, info.st_size > 0 else { return }
        var config = Configuration()
        config.readonly = true
        let found: Int
        do {
            let q = try DatabaseQueue(path: path, configuration: config)
            found = try q.read { db in try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0 }
            try q.close()
        } catch {
            throw .cannotOpen(path: path, reason: describe(error))
        }
        if found > Schema.version {
            throw .newerSchema(path: path, found: found, supported: Schema.version)
        }
    }

    static func describe(_ error: any Error) -> String {
        if let e = error as? StoreError { return e.description }
        if let e = error as? DatabaseError {
            if e.resultCode == .SQLITE_NOTADB { return "not an SQLite database" }
            return e.message ?? "\(e.resultCode)"
        }
        return "\(error)"
    }

    func run<T>(_ body: () throws -> T) throws(StoreError) -> T {
        do { return try body() } catch let e as StoreError { throw e } catch {
            throw .database(Self.describe(error))
        }
    }

    // MARK: places

    /// Loads place rows added since the last load (by this or another connection).
    func loadPlaces() throws {
        try pool.read { db in try loadPlaces(in: db) }
    }

    /// The same, on a connection already open: GRDB reads are not reentrant, so a query that meets
    /// a place it has not cached loads it through its own connection.
    func loadPlaces(in db: Database) throws {
        let high = cache.withLock { cache.placeHigh }
        let s = try RawStatement(
            db, "SELECT id, city, country, canonical FROM place WHERE id > ? ORDER BY id")
        s.bind(1, high)
        while try s.step() {
            cache.addPlace(
                id: s.int(0), spelling: Spelling(city: s.text(1) ?? "", country: s.text(2)),
                canonicalID: s.optionalInt(3))
        }
    }

    func spelling(_ id: Int64, in db: Database) throws -> Spelling {
        if let s = cache.spelling(id) { return s }
        try loadPlaces(in: db)
        guard let s = cache.spelling(id) else {
            throw StoreError.database("transition refers to a missing place \(id)")
        }
        return s
    }

    // MARK: queries

    /// What `read` decodes, from `"transition" t` joined with `source s`.
    static let columns = """
        SELECT t.place, t.effective, t.level, t.kind, t.until, s.name, t.formats, t.ordinal, t.scope, t.reported,
               CASE typeof(t.evidence) WHEN 'integer' THEN (SELECT e.evidence FROM "transition" e WHERE e.id = t.evidence)
                   ELSE t.evidence END,
               t.confidence, t.spelling, t.place_id, t.place_text, t.scheme, t.scheme_level, t.extra, t.id
        """

    static let selectColumns = columns + #" FROM "transition" t JOIN source s ON s.id = t.source"#

    func read(_ s: RawStatement, in db: Database) throws -> (Transition, Int64) {
        let effective = s.int(1)
        let f = RowCodec.unpack(formats: s.int(6))
        let spelling = try spelling(s.optionalInt(12) ?? s.int(0), in: db)
        let until = RowCodec.untilSeconds(effective: effective, code: s.int(4))
        var confidence: Double?
        if !s.isNull(11) {
            confidence = RowCodec.confidence(
                s.isInteger(11) ? .hundredths(s.int(11)) : .exact(s.double(11)))
        }
        var extra: [String: JSONValue] = [:]
        if let json = s.text(17),
            let obj = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        {
            extra = obj.mapValues(JSONValue.init(any:))
        }
        let t = Transition(
            city: spelling.city, placeID: s.optionalInt(13).map { Int($0) }, placeText: s.text(14),
            country: spelling.country,
            scope: RowCodec.scope(s.int(8)), level: Level(rawValue: Int(s.int(2))) ?? .normal,
            scheme: s.text(15),
            schemeLevel: s.text(16), kind: RowCodec.kind(s.int(3)),
            effective: RowCodec.timestamp(seconds: effective, format: f.effective),
            until: until.map { RowCodec.timestamp(seconds: $0, format: f.until) },
            reported: s.optionalInt(9).map {
                RowCodec.timestamp(seconds: effective + $0, format: f.reported)
            },
            source: s.text(5) ?? "", evidence: s.text(10), confidence: confidence, extra: extra,
            ordinal: Int(s.int(7)))
        return (t, s.int(18))
    }

    /// Canonical place ids a filter selects; nil means "no filter".
    func placeIDs(_ places: [PlaceKey]?) throws -> [Int64]? {
        guard let places else { return nil }
        try loadPlaces()
        return cache.canonicalPlaces().filter { key, _ in places.contains { $0.selects(key) } }.map(\.1)
            .sorted()
    }

    public func transitions(in range: TimeRange, places: [PlaceKey]?) throws -> [Transition] {
        try run {
            let ids = try placeIDs(places)
            if let ids, ids.isEmpty { return [] }
            var sql = Self.selectColumns + " WHERE 1"
            if range.from != nil { sql += " AND t.effective >= ?1" }
            if range.to != nil { sql += " AND t.effective < ?2" }
            if let ids { sql += " AND t.place IN (" + ids.map(String.init).joined(separator: ",") + ")" }
            sql += " ORDER BY t.effective, t.id"
            return try pool.read { db in
                let s = try RawStatement(db, sql)
                if let f = range.from { s.bind(1, f.seconds) }
                if let t = range.to { s.bind(2, t.seconds) }
                var out: [Transition] = []
                while try s.step() { out.append(try read(s, in: db).0) }
                return out
            }
        }
    }

    public func changes(since marker: StoreMarker) throws -> (
        transitions: [Transition], marker: StoreMarker
    ) {
        try run {
            try pool.read { db in
                let s = try RawStatement(db, Self.selectColumns + " WHERE t.id > ?1 ORDER BY t.id")
                s.bind(1, marker.value)
                var out: [Transition] = []
                var last = marker.value
                while try s.step() {
                    let (t, id) = try read(s, in: db)
                    out.append(t)
                    last = id
                }
                return (out, StoreMarker(last))
            }
        }
    }

    public func daysWithEvents() throws -> [CivilDate] {
        try run {
            try pool.read { db in
                var days = Set<Int64>()
                // Skip-scan the indexes a day at a time: cost grows with the number of days, not of rows.
                for sql in [
                    "SELECT min(effective) FROM \"transition\" WHERE effective >= ?1",
                    "SELECT min(effective + until - 1) FROM \"transition\" WHERE until > 0 AND effective + until - 1 >= ?1",
                ] {
                    let s = try RawStatement(db, sql)
                    var from = Int64.min
                    while true {
                        s.reset()
                        s.bind(1, from)
                        guard try s.step(), let t = s.optionalInt(0) else { break }
                        let day = Timestamp(seconds: t).utcDay
                        days.insert(day)
                        guard day < Int64.max / 86_400 - 1 else { break }
                        from = (day + 1) * 86_400
                    }
                }
                return days.sorted().map { CivilDate(day: $0) }
            }
        }
    }

    public func reportExists(_ hash: ContentHash) throws -> Bool {
        try run {
            try pool.read { db in
                let s = try RawStatement(db, "SELECT 1 FROM report WHERE hash = ?1")
                s.bind(1, blob: hash.bytes)
                return try s.step()
            }
        }
    }

    public func count() throws -> Int {
        try run {
            try pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM \"transition\"") ?? 0 }
        }
    }

    /// The marker after everything stored now.
    public func marker() throws -> StoreMarker {
        try run {
            try pool.read { db in
                StoreMarker(try Int64.fetchOne(db, sql: "SELECT max(id) FROM \"transition\"") ?? 0)
            }
        }
    }
}
