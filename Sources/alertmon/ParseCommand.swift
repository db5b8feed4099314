import AlertCore
import ArgumentParser
import Foundation
import ReportParser

/// `alertmon parse`: print the transitions found in reports without touching the store.
struct ParseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse", abstract: "Extract threat-level transitions from reports and print them.")

    @Option(
        name: .long,
        help: "Publication date for reports without a dateline (YYYY-MM-DD or ISO date-time).")
    var reported: String?

    @Option(name: .long, help: "Output format: jsonl or table.")
    var format: OutputFormat = .jsonl

    @Argument(help: "Report files (text, RSS/Atom feed, JSON Lines), or - for standard input.")
    var files: [String]

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable { case jsonl, table }

    func validate() throws {
        if files.isEmpty {
            throw ValidationError("give at least one report file, or - for standard input")
        }
        if let r = reported, Timestamp(iso: r) == nil {
            throw ValidationError("--reported must be an ISO date like 2016-07-18, not \(r)")
        }
    }

    func run() throws {
        let reportedTS = reported.flatMap { Timestamp(iso: $0) }
        let parser = ReportParser()
        var failures = 0
        var rows: [Transition] = []
        // Lines gather in one byte buffer written in large chunks; it is flushed before any
        // diagnostic so that stdout and stderr interleave as they did file by file.
        var out: [UInt8] = []
        out.reserveCapacity(Self.chunk + 4096)
        for path in files {
            let input: ReportInput
            do {
                input = try ReportInput.read(path: path)
            } catch {
                Self.flush(&out)
                FileHandle.standardError.write(Data("alertmon parse: \(error)\n".utf8))
                failures += 1
                continue
            }
            let result = parser.parse(input: input, reported: reportedTS)
            if !result.diagnostics.isEmpty { Self.flush(&out) }
            for d in result.diagnostics {
                FileHandle.standardError.write(Data("alertmon parse: \(Sanitizer.clean(d))\n".utf8))
            }
            switch format {
            case .jsonl:
                for t in result.transitions {
                    TransitionRecord.encode(t, into: &out)
                    out.append(0x0A)
                    if out.count >= Self.chunk { Self.flush(&out) }
                }
            case .table:
                rows += result.transitions
            }
        }
        Self.flush(&out)
        if format == .table { FileHandle.standardOutput.write(Data(TransitionTable.render(rows).utf8)) }
        if failures > 0 { throw ExitCode(1) }
    }

    private static let chunk = 1 << 16

    private static func flush(_ out: inout [UInt8]) {
        guard !out.isEmpty else { return }
        FileHandle.standardOutput.write(Data(out))
        out.removeAll(keepingCapacity: true)
    }
}
