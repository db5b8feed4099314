import GRDB

/// Hooks for tests that must produce files a future alertmon would write.
public enum StoreTesting {
    /// Sets `PRAGMA user_version` of the file at `path`.
    public static func setUserVersion(path: String, version: Int) throws {
        let q = try DatabaseQueue(path: path)
        try q.write { db in try db.execute(sql: "PRAGMA user_version = \(version)") }
        try q.close()
    }
}
