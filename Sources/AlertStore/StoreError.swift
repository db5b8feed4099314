/// Why the store could not do what was asked; each prints as one line.
public enum StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file was written by a newer alertmon.
    case newerSchema(path: String, found: Int, supported: Int)
    /// The directory or file could not be created.
    case cannotCreate(path: String, reason: String)
    /// The file exists but cannot be opened as a store.
    case cannotOpen(path: String, reason: String)
    /// A database operation failed.
    case database(String)

    public var description: String {
        switch self {
        case .newerSchema(let path, let found, let supported):
            "store \(path) was written by a newer alertmon (schema \(found); this version reads up to \(supported)); upgrade alertmon or choose another store with --store"
        case .cannotCreate(let path, let reason): "cannot create store \(path): \(reason)"
        case .cannotOpen(let path, let reason): "cannot open store \(path): \(reason)"
        case .database(let message): "store: \(message)"
        }
    }
}
