import AlertCore
import AlertStore
import Follow
import Foundation
import ReportParser

/// Turns what the follower saw into stored transitions, notes and path problems.
///
/// Shared by `watch --plain` (which calls `process` itself) and the monitor (which runs it on a
/// background thread and drains batches every frame), so both see the same thing.
struct LiveFeed: Sendable {
    /// What one round of events produced.
    struct Batch: Sendable {
        /// The transitions of each input, in arrival order (one group per report, block or run of lines,
        /// so a report that arrives after a later one is still seen as late).
        var groups: [[Transition]] = []
        /// One-line notes for the log: rejected lines, unreadable reports, lost and restored paths.
        var notes: [String] = []
        /// The followed paths' current problems, when they changed this round.
        var problems: [String]?

        var isEmpty: Bool { groups.isEmpty && notes.isEmpty && problems == nil }
    }

    let follower: Follower
    let ingester: ReportIngester

    init(paths: [String], store: any AlertStoring, reported: Timestamp?) {
        follower = Follower(paths: paths)
        ingester = ReportIngester(store: store, reported: reported)
    }

    /// Ingests a round of events; errors from the store become notes, never a stop.
    func process(_ events: [FollowEvent]) -> Batch {
        var batch = Batch()
        var statusChanged = false
        for event in events {
            do {
                switch event {
                case .report(let path, let bytes):
                    add(try ingester.ingest(ReportInput(path: path, data: Data(bytes))), to: &batch)
                case .lines(let path, let first, let lines):
                    add(try ingester.ingest(lines: lines, path: path, firstLine: first), to: &batch)
                case .block(let source, let text):
                    add(try ingestBlock(text, source: source), to: &batch)
                case .lost(let path, let why):
                    batch.notes.append("lost \(path): \(why) — retrying")
                    statusChanged = true
                case .restored(let path):
                    batch.notes.append("following \(path) again")
                    statusChanged = true
                case .endOfInput(let source):
                    batch.notes.append(source == "-" ? "standard input closed" : "\(source) closed")
                }
            } catch {
                batch.notes.append("could not store: \(error)")
            }
        }
        if statusChanged {
            batch.problems = follower.status.compactMap { s in s.lost.map { "\(s.path): \($0)" } }
        }
        return batch
    }

    /// A stdin block: JSON records (every line an object) or the text of one report.
    private func ingestBlock(_ text: String, source: String) throws -> ReportIngester.Outcome {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
        if !lines.isEmpty, lines.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).hasPrefix("{") }) {
            return try ingester.ingest(lines: lines, path: "stdin", firstLine: 1)
        }
        return try ingester.ingest(ReportInput(path: "stdin", data: Data(text.utf8)))
    }

    private func add(_ o: ReportIngester.Outcome, to batch: inout Batch) {
        if !o.transitions.isEmpty { batch.groups.append(o.transitions) }
        batch.notes += o.diagnostics
    }
}

/// Runs `--on-change` hooks one after another off the ingest path; failures go to `report`.
final class HookQueue: Sendable {
    private let hook: ChangeHook
    private let queue = DispatchQueue(label: "alertmon.hooks")
    private let report: @Sendable (String) -> Void

    init(hook: ChangeHook, report: @escaping @Sendable (String) -> Void) {
        self.hook = hook
        self.report = report
    }

    /// Queues one run with `json` on the hook's stdin.
    func run(_ json: String) {
        queue.async { [hook, report] in
            if case .failed(let why) = hook.run(input: json) { report("hook failed: \(why)") }
        }
    }

    /// Waits for queued runs to finish (at exit).
    func drain() { queue.sync {} }
}
