import AlertCore
import Foundation
import Testing

@testable import AlertStore

@Suite struct SQLiteStoreTests {
    let dir = TempDir()
    var path: String { dir.file("data/alertmon/alerts.sqlite") }

    func sampleDay() -> [Transition] {
        [
            transition(
                "Almaty", .red, "2016-07-18T11:00:00+06:00", source: "a.txt", kind: .declared,
                evidence: "Red in Almaty."),
            transition(
                "Almaty", .yellow, "2016-07-18T19:00:00+06:00", source: "b.txt", kind: .lowered,
                evidence: "Almaty back to yellow."),
            transition(
                "Astana", .yellow, "2016-07-18T12:00:00+06:00", source: "a.txt", until: "2016-07-25",
                evidence: "Red in Almaty."),
            transition("Aktobe", .orange, "2016-07-15", source: "c.txt"),
        ]
    }

    @Test func createsDirectoriesAndFileOnFirstUse() throws {
        let store = try SQLiteStore(path: path)
        #expect(FileManager.default.fileExists(atPath: path))
        #expect(try store.count() == 0)
    }

    @Test func everyFieldSurvivesTheRoundTrip() throws {
        let store = try SQLiteStore(path: path)
        var t = Transition(
            city: "Алматы", placeID: 1_526_384, placeText: "в Алматы", country: "KZ", scope: .region,
            level: .red,
            scheme: "KZ-terror", schemeLevel: "critical", kind: .raised,
            effective: ts("2016-07-18T11:00:00+06:00"),
            until: ts("2016-08-01"), reported: ts("2016-07-18T05:30:00Z"), source: "feed://item/7",
            evidence: "Уровень «красный».", confidence: 0.123456,
            extra: ["lang": .string("ru"), "tags": .array([.number(1), .bool(true), .null])], ordinal: 3)
        try store.append([t])
        let back = try #require(try store.allTransitions().first)
        #expect(TransitionRecord.encode(back) == TransitionRecord.encode(t))
        #expect(back == t)
        t.confidence = nil
        t.extra = [:]
        t.source = "other"
        try store.append([t])
        #expect(
            try store.allTransitions().map(TransitionRecord.encode).contains(TransitionRecord.encode(t)))
    }

    @Test func appendingTwiceChangesNothing() throws {
        let store = try SQLiteStore(path: path)
        let first = try store.append(sampleDay())
        #expect(first == AppendResult(added: 4, present: 0))
        let before = try store.allTransitions()
        let second = try store.append(sampleDay())
        #expect(second == AppendResult(added: 0, present: 4))
        #expect(try store.allTransitions() == before)
        #expect(try store.count() == 4)
    }

    @Test func theNaturalKeyDecidesWhatIsADuplicate() throws {
        let store = try SQLiteStore(path: path)
        let a = transition("Almaty", .red, "2016-07-18T11:00:00+06:00", kind: .declared)
        var caseOnly = a
        caseOnly.city = "ALMATY"
        caseOnly.evidence = "different words, same statement"
        var otherUntil = a
        otherUntil.until = ts("2016-07-19")
        var otherKind = a
        otherKind.kind = nil
        var otherSource = a
        otherSource.source = "r2.txt"
        #expect(caseOnly.naturalKey == a.naturalKey)
        let r = try store.append([a, caseOnly, otherUntil, otherKind, otherSource])
        #expect(r == AppendResult(added: 4, present: 1))
        #expect(Set(try store.allTransitions().map(\.naturalKey)).count == 4)
    }

    @Test func sharedEvidenceIsReadBackForEveryTransition() throws {
        let store = try SQLiteStore(path: path)
        try store.append(sampleDay())
        try store.append([transition("Taraz", .yellow, "2016-07-19", evidence: "Red in Almaty.")])
        let again = try SQLiteStore(path: path)
        try again.append([transition("Oral", .yellow, "2016-07-19", evidence: "Red in Almaty.")])
        let shared = try again.allTransitions().filter { $0.evidence == "Red in Almaty." }.map(\.city)
        #expect(shared.sorted() == ["Almaty", "Astana", "Oral", "Taraz"])
    }

    @Test func reopenKeepsEverything() throws {
        do {
            let store = try SQLiteStore(path: path)
            try store.append(sampleDay())
        }
        let again = try SQLiteStore(path: path)
        #expect(try again.count() == 4)
        #expect(try again.append(sampleDay()).added == 0)
        #expect(
            try again.transitions(in: .all, places: [PlaceKey(name: "almaty", country: nil)]).count == 2)
    }

    @Test func migratesAnEmptyFile() throws {
        #expect(FileManager.default.createFile(atPath: dir.file("empty.sqlite"), contents: Data()))
        let store = try SQLiteStore(path: dir.file("empty.sqlite"))
        try store.append(sampleDay())
        #expect(try store.count() == 4)
    }

    @Test func refusesAStoreFromANewerVersion() throws {
        do {
            let store = try SQLiteStore(path: path)
            try store.append(sampleDay())
        }
        try setUserVersion(path, SQLiteStore.schemaVersion + 1)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(
            throws: StoreError.newerSchema(
                path: path, found: SQLiteStore.schemaVersion + 1, supported: SQLiteStore.schemaVersion)
        ) {
            _ = try SQLiteStore(path: path)
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    @Test func refusesAFileThatIsNotADatabase() throws {
        let p = dir.file("notes.txt")
        try "not a database, just words\n".write(toFile: p, atomically: true, encoding: .utf8)
        #expect(throws: StoreError.cannotOpen(path: p, reason: "not an SQLite database")) {
            _ = try SQLiteStore(path: p)
        }
    }

    @Test func anUnwritablePathIsOneLine() throws {
        let blocker = dir.file("plain-file")
        try "x".write(toFile: blocker, atomically: true, encoding: .utf8)
        let p = blocker + "/sub/alerts.sqlite"
        do {
            _ = try SQLiteStore(path: p)
            Issue.record("opened a store under a regular file")
        } catch {
            #expect(error == .cannotCreate(path: p, reason: "\(blocker) is not a directory"))
            #expect(!error.description.contains("\n"))
        }
    }

    @Test func queriesByRangeAndPlace() throws {
        let store = try SQLiteStore(path: path)
        try store.append(sampleDay())
        let day = try store.transitions(in: .day(CivilDate(year: 2016, month: 7, day: 18)), places: nil)
        #expect(day.map(\.city) == ["Almaty", "Astana", "Almaty"])
        let almaty = try store.transitions(in: .all, places: [PlaceKey(name: "ALMATY", country: "kz")])
        #expect(almaty.map(\.level) == [.red, .yellow])
        #expect(
            try store.transitions(in: .all, places: [PlaceKey(name: "Almaty", country: "RU")]).isEmpty)
        #expect(
            try store.transitions(in: .all, places: [PlaceKey(name: "Nowhere", country: nil)]).isEmpty)
        let upToNoon = try store.transitions(in: .through(ts("2016-07-18T11:00:00+06:00")), places: nil)
        #expect(upToNoon.map(\.city) == ["Aktobe", "Almaty"])
        let both = try store.transitions(
            in: TimeRange(from: ts("2016-07-16"), to: nil),
            places: [PlaceKey(name: "astana", country: nil), PlaceKey(name: "aktobe", country: nil)])
        #expect(both.map(\.city) == ["Astana"])
    }

    @Test func daysWithEventsIncludeUntilDays() throws {
        let store = try SQLiteStore(path: path)
        #expect(try store.daysWithEvents().isEmpty)
        try store.append(sampleDay())
        #expect(try store.daysWithEvents().map(\.iso) == ["2016-07-15", "2016-07-18", "2016-07-25"])
    }

    @Test func changesSinceAMarker() throws {
        let store = try SQLiteStore(path: path)
        #expect(try store.marker() == .start)
        try store.append(Array(sampleDay().prefix(2)))
        let first = try store.changes(since: .start)
        #expect(first.transitions.count == 2)
        #expect(try store.marker() == first.marker)
        #expect(try store.changes(since: first.marker).transitions.isEmpty)
        try store.append(sampleDay())
        let next = try store.changes(since: first.marker)
        #expect(next.transitions.map(\.city) == ["Astana", "Aktobe"])
        #expect(next.marker > first.marker)
    }

    @Test func reportsAreRecognisedByHash() throws {
        let store = try SQLiteStore(path: path)
        let text = "Almaty raised its alert to red this morning."
        let h = ContentHash(of: text)
        #expect(try !store.reportExists(h))
        try store.append(
            [transition("Almaty", .red, "2016-07-18")],
            report: ReportRow(hash: h, source: "a.txt", reported: ts("2016-07-18T12:00Z")))
        #expect(try store.reportExists(h))
        #expect(try !store.reportExists(ContentHash(of: text + " ")))
        #expect(try store.append([], report: ReportRow(hash: h, source: "a.txt")) == AppendResult())
    }

    @Test func aSecondConnectionSeesPlacesTheFirstAdded() throws {
        let a = try SQLiteStore(path: path)
        let b = try SQLiteStore(path: path)
        try a.append([transition("Shymkent", .orange, "2016-07-19")])
        try b.append([
            transition("shymkent", .orange, "2016-07-19"), transition("Shymkent", .red, "2016-07-20"),
        ])
        #expect(try b.count() == 2)
        #expect(
            try a.transitions(in: .all, places: [PlaceKey(name: "Shymkent", country: nil)]).map(\.city)
                == ["Shymkent", "Shymkent"])
    }

    @Test func readersSeeWholeBatchesWhileAWriterAppends() async throws {
        let writer = try SQLiteStore(path: path)
        let reader = try SQLiteStore(path: path)
        let batches = 40
        let perBatch = 250
        let write = Task.detached {
            for b in 0..<batches {
                let batch = (0..<perBatch).map { i in
                    transition("City\(i % 7)", .yellow, "2016-07-18", source: "gen-\(b)-\(i)", ordinal: i)
                }
                try writer.append(batch)
            }
        }
        var seen: [Int] = []
        while seen.last != batches * perBatch {
            let n = try reader.count()
            #expect(n % perBatch == 0, "a reader saw half a batch: \(n)")
            seen.append(n)
            if seen.count > 100_000 { break }
            await Task.yield()
        }
        try await write.value
        #expect(try reader.count() == batches * perBatch)
        #expect(seen == seen.sorted())
    }
}

/// Sets the schema version the way a future alertmon would.
func setUserVersion(_ path: String, _ v: Int) throws {
    // Through GRDB rather than a sqlite3 binary, which a clean machine may lack.
    try StoreTesting.setUserVersion(path: path, version: v)
}
