import AlertCore
import GRDB

extension SQLiteStore {
    /// Transitions appended after `marker`, in append order, handed over `batch` at a time so the caller
    /// never holds every row twice; returns the marker after the last one.
    public func appended(
        since marker: StoreMarker, batch: Int, _ body: ([Transition]) throws -> Void
    ) throws -> StoreMarker {
        try run {
            try pool.read { db in
                // Append order is rowid order: a plain table scan, no index and no sort.
                let s = try RawStatement(db, Self.selectColumns + " WHERE t.id > ?1 ORDER BY t.id")
                s.bind(1, marker.value)
                var out: [Transition] = []
                out.reserveCapacity(batch)
                var last = marker.value
                while try s.step() {
                    let (t, id) = try read(s, in: db)
                    out.append(t)
                    last = id
                    if out.count == batch {
                        try body(out)
                        out.removeAll(keepingCapacity: true)
                    }
                }
                if !out.isEmpty { try body(out) }
                return StoreMarker(last)
            }
        }
    }
}
