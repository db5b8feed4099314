import AlertStore
import ArgumentParser

/// `alertmon import FILE|-`.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Add JSON Lines transition records to the store.",
        discussion: """
            Each line is one record (see EVENTS.md). A bad line is named on stderr with its number and \
            reason and skipped; every good line is kept, and the exit status is 1 if any line was bad. \
            Records already in the store (same natural key) are counted as already present.
            """)

    @Argument(
        help: ArgumentHelp("A JSON Lines file, or - for stdin.", valueName: "file"),
        completion: .file(extensions: ["jsonl"]))
    var file: String

    @OptionGroup var storeOptions: StoreOptions

    @Flag(name: .shortAndLong, help: "No progress line and no summary.")
    var quiet = false

    func run() throws {
        let input = try InputFile(path: file)
        defer { input.close() }
        let store = try storeOptions.open()
        var progress = Progress(enabled: !quiet && Console.stderrIsTerminal, totalBytes: input.size)
        let summary = try JSONLinesImporter(store: store).run(input, progress: &progress) { r in
            Console.note("\(input.name):\(r.line): \(r.reason)")
        }
        if !quiet { Console.note("\(input.name): " + summary.text) }
        if !summary.rejected.isEmpty { throw ExitCode(1) }
    }
}
