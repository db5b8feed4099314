import GRDB
import GRDBSQLite

/// Per canonical place id, the instant up to which its rows are not needed (its seed; `.min` for none), as an
/// SQL function `kept(place, effective)`: a scan of the natural-key index then hands back only the rows kept,
/// instead of surfacing every entry it walks (most are before their place's seed).
final class SeedFilter {
    static let name = "alertmon_kept"
    private let seedTime: [Int64]
    /// Seeds of place ids outside `seedTime`.
    private let stray: [Int64: Int64]

    init(_ seedTime: [Int64], stray: [Int64: Int64] = [:]) {
        self.seedTime = seedTime
        self.stray = stray
    }

    func kept(place p: Int64, effective e: Int64) -> Bool {
        if p >= 0 && p < Int64(seedTime.count) { return e > seedTime[Int(p)] }
        return e > stray[p] ?? .min
    }

    /// Runs `body` with the function defined on `db`, and removes it afterwards.
    func installed<T>(on db: Database, _ body: () throws -> T) throws -> T {
        let connection = db.sqliteConnection
        let code = sqlite3_create_function_v2(
            connection, Self.name, 2, SQLITE_UTF8 | SQLITE_DETERMINISTIC,
            Unmanaged.passUnretained(self).toOpaque(),
            { ctx, _, argv in
                guard let ctx, let argv, let a = argv[0], let b = argv[1] else { return }
                let me = Unmanaged<SeedFilter>.fromOpaque(sqlite3_user_data(ctx)).takeUnretainedValue()
                sqlite3_result_int(
                    ctx, me.kept(place: sqlite3_value_int64(a), effective: sqlite3_value_int64(b)) ? 1 : 0)
            }, nil, nil, nil)
        guard code == SQLITE_OK else { throw StoreError.database(String(cString: sqlite3_errmsg(connection))) }
        defer { sqlite3_create_function_v2(connection, Self.name, 2, SQLITE_UTF8, nil, nil, nil, nil, nil) }
        return try withExtendedLifetime(self) { try body() }
    }
}
