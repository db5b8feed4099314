import GRDB
import GRDBSQLite

/// SQLite's destructor sentinel "copy the bytes now", which the C macro SQLITE_TRANSIENT names.
let sqliteTransient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

/// A prepared statement driven through the C API: the bulk paths bind and read columns without boxing values.
struct RawStatement {
    let statement: Statement
    let handle: OpaquePointer
    let connection: OpaquePointer

    init(_ db: Database, _ sql: String) throws {
        statement = try db.makeStatement(sql: sql)
        handle = statement.sqliteStatement
        connection = db.sqliteConnection!
    }

    func reset() {
        sqlite3_reset(handle)
    }

    func bind(_ i: Int32, _ v: Int64?) {
        if let v { sqlite3_bind_int64(handle, i, v) } else { sqlite3_bind_null(handle, i) }
    }

    func bind(_ i: Int32, _ v: Double) { sqlite3_bind_double(handle, i, v) }

    func bind(_ i: Int32, _ v: String?) {
        guard let v else {
            sqlite3_bind_null(handle, i)
            return
        }
        var s = v
        s.withUTF8 { buf in
            if let base = buf.baseAddress {
                let chars = UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self)
                _ = sqlite3_bind_text(handle, i, chars, Int32(buf.count), sqliteTransient)
            } else {
                _ = sqlite3_bind_text(handle, i, "", 0, sqliteTransient)
            }
        }
    }

    func bind(_ i: Int32, blob: [UInt8]) {
        blob.withUnsafeBytes { buf in
            _ = sqlite3_bind_blob(handle, i, buf.baseAddress, Int32(buf.count), sqliteTransient)
        }
    }

    /// Runs one step: true when a row is ready, false when done.
    func step() throws -> Bool {
        switch sqlite3_step(handle) {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default: throw StoreError.database(String(cString: sqlite3_errmsg(connection)))
        }
    }

    /// Steps a statement that returns no rows, then resets it for the next use.
    func run() throws {
        defer { sqlite3_reset(handle) }
        _ = try step()
    }

    var changes: Int32 { sqlite3_changes(connection) }
    var lastRowID: Int64 { sqlite3_last_insert_rowid(connection) }

    func isNull(_ i: Int32) -> Bool { sqlite3_column_type(handle, i) == SQLITE_NULL }
    func isInteger(_ i: Int32) -> Bool { sqlite3_column_type(handle, i) == SQLITE_INTEGER }
    func int(_ i: Int32) -> Int64 { sqlite3_column_int64(handle, i) }
    func optionalInt(_ i: Int32) -> Int64? { isNull(i) ? nil : int(i) }
    func double(_ i: Int32) -> Double { sqlite3_column_double(handle, i) }

    func text(_ i: Int32) -> String? {
        guard let p = sqlite3_column_text(handle, i) else { return nil }
        let n = Int(sqlite3_column_bytes(handle, i))
        return String(decoding: UnsafeBufferPointer(start: p, count: n), as: UTF8.self)
    }
}
