import AlertCore
import AlertStore
import Foundation

/// The text version of `demo`: the bundled sample day loaded into a throwaway store, then its log and board.
enum DemoText {
    /// The day the samples are built around.
    static let sampleDay = CivilDate(year: 2016, month: 7, day: 18)

    /// The sample JSON Lines files, sorted; an error naming where it looked when there are none.
    static func sampleFiles() throws -> [String] {
        guard let data = DataPaths.dataDirectory() else {
            let looked = DataPaths.candidates(
                environment: ProcessInfo.processInfo.environment, executable: DataPaths.realExecutable())
            throw CLIError(
                "cannot find the data directory (looked in \(looked.joined(separator: ", "))); set ALERTMON_DATA_DIR"
            )
        }
        let dir = (data as NSString).appendingPathComponent("Samples")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
        let files = names.filter { $0.hasSuffix(".jsonl") }.sorted().map {
            (dir as NSString).appendingPathComponent($0)
        }
        guard !files.isEmpty else { throw CLIError("no sample files (*.jsonl) in \(dir)") }
        return files
    }

    /// Loads the samples into a temporary store (never the user's), runs `body` with it, then deletes it.
    static func withSampleStore<T>(_ body: (any AlertStoring) throws -> T) throws -> T {
        let dir = NSTemporaryDirectory() + "alertmon-demo-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let store = try SQLiteStore(path: dir + "/alerts.sqlite")
        for file in try sampleFiles() {
            let input = try InputFile(path: file)
            defer { input.close() }
            var progress = Progress(enabled: false, totalBytes: nil)
            let summary = try JSONLinesImporter(store: store).run(input, progress: &progress) { _ in }
            if let bad = summary.rejected.first {
                throw CLIError("bundled sample \(file):\(bad.line): \(bad.reason)")
            }
        }
        return try body(store)
    }

    /// The demo's whole text: the sample day's log, then the board at the end of that day.
    static func text() throws -> String {
        try withSampleStore { store in
            let day = TimeRange.day(sampleDay)
            let entries = try LogCommand.entries(store, range: day, places: nil)
            let end = Timestamp(seconds: (sampleDay.dayNumber + 1) * 86_400 - 1)
            let board = StateMachine(try store.transitions(in: .through(end), places: nil)).board(at: end)
            let from = (try sampleFiles().first.map { ($0 as NSString).deletingLastPathComponent }) ?? "?"
            var out = "alertmon demo: the sample day \(sampleDay.iso) from \(from), in a temporary store (yours is untouched)\n\n"
            out += "Changes on \(sampleDay.iso):\n" + LogText.table(entries) + "\n"
            out += BoardText.table(board, at: end)
            return out
        }
    }

    /// Prints `text()` to stdout.
    static func printText() throws {
        var out = OutputBuffer()
        out.write(try text())
        out.flush()
    }
}
