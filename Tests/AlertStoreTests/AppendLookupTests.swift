import AlertCore
import Testing

@testable import AlertStore

/// The append path's shortcuts (byte-hash maps, the known-source-hash set) must never create a second
/// source or place row for one already stored, whichever connection stored it.
@Suite struct AppendLookupTests {
    let dir = TempDir()
    var path: String { dir.file("alerts.sqlite") }

    @Test func sourcesAddedByAnotherConnectionAreReused() throws {
        let a = try SQLiteStore(path: path)
        let b = try SQLiteStore(path: path)
        try a.append([transition("Almaty", .red, "2016-07-18", source: "x.txt")])
        #expect(try b.append([transition("Almaty", .red, "2016-07-18", source: "x.txt")]) == AppendResult(present: 1))
        try b.append([transition("Taraz", .red, "2016-07-19", source: "y.txt")])
        #expect(try a.append([transition("Taraz", .red, "2016-07-19", source: "y.txt")]) == AppendResult(present: 1))
        let c = try SQLiteStore(path: path)
        #expect(try c.append([transition("Taraz", .red, "2016-07-19", source: "y.txt")]) == AppendResult(present: 1))
        #expect(try c.count() == 2)
    }

    /// A monitor's store reading rows another process wrote about a place it has never seen
    /// (GRDB reads are not reentrant: the place must load through the open connection).
    @Test func readersSeePlacesAnotherConnectionAdded() throws {
        let monitor = try SQLiteStore(path: path)
        try monitor.append([transition("Almaty", .red, "2016-07-18")])
        let marker = try monitor.marker()
        _ = try monitor.allTransitions()
        let importer = try SQLiteStore(path: path)
        try importer.append([transition("Oral", .orange, "2016-07-19")])
        let (fresh, _) = try monitor.changes(since: marker)
        #expect(fresh.map(\.city) == ["Oral"])
        try importer.append([transition("Taraz", .yellow, "2016-07-20")])
        #expect(try monitor.transitions(in: .all, places: nil).map(\.city) == ["Almaty", "Oral", "Taraz"])
    }

    @Test func manySourcesAcrossBatchesStayIdempotent() throws {
        let store = try SQLiteStore(path: path)
        let batch = (0..<3000).map { n in
            transition("Almaty", .red, "2016-07-18", source: "s/\(n % 1500).txt", kind: n < 1500 ? nil : .declared)
        }
        #expect(try store.append(Array(batch[..<1000])) == AppendResult(added: 1000))
        #expect(try store.append(batch) == AppendResult(added: 2000, present: 1000))
        let reopened = try SQLiteStore(path: path)
        #expect(try reopened.append(batch) == AppendResult(present: 3000))
        #expect(Set(try reopened.allTransitions().map(\.source)).count == 1500)
    }

    @Test func spellingsDifferingOnlyInBytesShareTheCanonicalPlace() throws {
        let store = try SQLiteStore(path: path)
        try store.append([transition("Caf\u{E9}", .red, "2016-07-18")])
        // Canonically equal text in other bytes: the same place, so the same natural key.
        #expect(try store.append([transition("Cafe\u{301}", .red, "2016-07-18")]) == AppendResult(present: 1))
    }
}
