import AlertCore
import AlertStore
import Foundation
import ReportParser

/// Parses one report or a run of JSON Lines and stores the result: the step `ingest`, `watch`
/// and `replay FILE` share, so a report is treated the same however it arrives.
struct ReportIngester: Sendable {
    /// What one input gave.
    struct Outcome {
        /// Every transition the input yielded (already-stored ones included; the fold ignores repeats).
        var transitions: [Transition] = []
        var added = 0
        /// The report's content was ingested before.
        var skipped = false
        /// Warnings: decoding problems, unresolved places, rejected lines ("path:12: reason").
        var diagnostics: [String] = []
    }

    let store: any AlertStoring
    let parser: ReportParser
    /// Publication time for reports that carry none.
    let reported: Timestamp?

    init(store: any AlertStoring, parser: ReportParser = ReportParser(), reported: Timestamp? = nil) {
        self.store = store
        self.parser = parser
        self.reported = reported
    }

    /// A whole report (text, feed or JSON Lines file), skipped when its content hash is known.
    func ingest(_ input: ReportInput) throws -> Outcome {
        var out = Outcome()
        let hash = ContentHash(of: input.data)
        if try store.reportExists(hash) {
            out.skipped = true
            return out
        }
        let result = parser.parse(input: input, reported: reported)
        out.diagnostics = result.diagnostics.map(Sanitizer.clean)
        out.transitions = result.transitions
        let when = result.transitions.first?.reported ?? reported
        out.added = try store.append(
            result.transitions, report: ReportRow(hash: hash, source: input.path, reported: when)
        ).added
        return out
    }

    /// Lines appended to a followed JSON Lines file: each good record is stored, each bad one named.
    func ingest(lines: [String], path: String, firstLine: Int) throws -> Outcome {
        var out = Outcome()
        for (i, line) in lines.enumerated() where !line.allSatisfy(\.isWhitespace) {
            do {
                out.transitions.append(
                    try TransitionRecord.decode(line: line, ordinal: firstLine + i, defaultSource: path))
            } catch {
                out.diagnostics.append("\(path):\(firstLine + i): \(error.reason)")
            }
        }
        out.added = try store.append(out.transitions, report: nil).added
        return out
    }
}
