import AlertCore
import Testing

@testable import AlertStore

/// The monitor's load: every row once, in append order, in batches, folded as if it had arrived live.
@Suite struct HistoryLoadTests {
    let dir = TempDir()
    var path: String { dir.file("alerts.sqlite") }

    @Test func batchesCoverEveryRowOnceInAppendOrder() throws {
        let store = try SQLiteStore(path: path)
        let days = ["2016-07-20", "2016-07-18", "2016-07-22", "2016-07-19", "2016-07-21"]
        for (i, d) in days.enumerated() {
            try store.append([transition("Almaty", .red, d, source: "r\(i).txt")])
        }
        var sizes: [Int] = []
        var sources: [String] = []
        let end = try store.appended(since: .start, batch: 2) { batch in
            sizes.append(batch.count)
            sources += batch.map(\.source)
        }
        #expect(sizes == [2, 2, 1])
        #expect(sources == ["r0.txt", "r1.txt", "r2.txt", "r3.txt", "r4.txt"])
        #expect(end == (try store.marker()))
        var none = 0
        #expect(try store.appended(since: end, batch: 2) { none += $0.count } == end)
        #expect(none == 0)
    }

    @Test func theLoadedHistoryKeepsArrivalLateFlags() throws {
        let store = try SQLiteStore(path: path)
        try store.append([transition("Almaty", .red, "2016-07-20", source: "a.txt")])
        try store.append([transition("Almaty", .yellow, "2016-07-18", source: "b.txt")])
        let machine = try store.loadHistory()
        let log = machine.log
        #expect(log.map(\.to) == [.yellow, .red])
        #expect(log.map(\.late) == [true, false])
        let live = StateMachine(try store.changes(since: .start).transitions)
        #expect(live.log == log)
    }

    @Test func theNewestTransitionsReachBackAsFarAsTheyGo() throws {
        let store = try SQLiteStore(path: path)
        #expect(try store.effective(newest: 3, atOrBefore: Timestamp(seconds: .max / 2)) == nil)
        for (i, d) in ["2016-07-18", "2016-07-19", "2016-07-20", "2016-07-21", "2016-07-22"].enumerated() {
            try store.append([transition("Almaty", i % 2 == 0 ? .red : .yellow, d, source: "r\(i).txt")])
        }
        func day(_ s: String) -> Int64 { Timestamp(iso: s)!.seconds }
        let end = Timestamp(iso: "2016-07-22")!
        #expect(try store.effective(newest: 1, atOrBefore: end) == day("2016-07-22"))
        #expect(try store.effective(newest: 2, atOrBefore: end) == day("2016-07-21"))
        #expect(try store.effective(newest: 10, atOrBefore: end) == day("2016-07-18"))
        #expect(try store.effective(newest: 1, atOrBefore: Timestamp(iso: "2016-07-20")!) == day("2016-07-20"))
    }
}
