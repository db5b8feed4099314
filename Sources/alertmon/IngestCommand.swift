import AlertCore
import AlertStore
import ArgumentParser
import Foundation
import ReportParser

/// `alertmon ingest`: parse reports (files, folders, feeds, stdin) and store their transitions once.
struct IngestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Parse reports and store their transitions; a report already ingested is skipped.")

    @Option(name: .long, help: "Publication date for reports without a dateline (YYYY-MM-DD or ISO date-time).")
    var reported: String?

    @OptionGroup var storeOptions: StoreOptions

    @Argument(help: "Report files, folders (read recursively), feeds, or - for standard input.")
    var paths: [String]

    func validate() throws {
        if paths.isEmpty { throw ValidationError("give at least one report file or folder, or - for standard input") }
        if let r = reported, Timestamp(iso: r) == nil {
            throw ValidationError("--reported must be an ISO date like 2016-07-18, not \(r)")
        }
    }

    func run() throws {
        let store = try storeOptions.open()
        let parser = ReportParser()
        let reportedTS = reported.flatMap { Timestamp(iso: $0) }
        var summary = IngestSummary()
        let tty = Console.stderrIsTerminal
        for path in Self.expand(paths, failures: &summary.unreadable) {
            let input: ReportInput
            do {
                input = try ReportInput.read(path: path)
            } catch {
                summary.unreadable.append((path, error.description))
                continue
            }
            summary.read += 1
            let hash = ContentHash(of: input.data)
            if try store.reportExists(hash) {
                summary.skipped += 1
                continue
            }
            let result = parser.parse(input: input, reported: reportedTS)
            for d in result.diagnostics { Console.note("alertmon ingest: \(Sanitizer.clean(d))") }
            let when = result.transitions.first?.reported ?? reportedTS
            let r = try store.append(result.transitions, report: ReportRow(hash: hash, source: path, reported: when))
            summary.added += r.added
            if tty {
                FileHandle.standardError.write(
                    Data("\r\u{1B}[Kingesting: \(summary.read) reports, \(summary.added) transitions".utf8))
            }
        }
        if tty { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        print(summary.text)
        if !summary.unreadable.isEmpty { throw ExitCode(1) }
    }

    /// Files in the order given; folders expanded recursively (sorted, hidden files skipped).
    static func expand(_ paths: [String], failures: inout [(String, String)]) -> [String] {
        var out: [String] = []
        for p in paths {
            var isDir: ObjCBool = false
            if p != "-", FileManager.default.fileExists(atPath: p, isDirectory: &isDir), isDir.boolValue {
                guard let e = FileManager.default.enumerator(atPath: p) else {
                    failures.append((p, "folder cannot be read"))
                    continue
                }
                var files: [String] = []
                while let rel = e.nextObject() as? String {
                    if rel.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }
                    let full = (p as NSString).appendingPathComponent(rel)
                    var d: ObjCBool = false
                    if FileManager.default.fileExists(atPath: full, isDirectory: &d), !d.boolValue { files.append(full) }
                }
                out += files.sorted()
            } else {
                out.append(p)
            }
        }
        return out
    }
}

/// What an ingest run did, printed at the end.
struct IngestSummary {
    var read = 0
    var skipped = 0
    var added = 0
    var unreadable: [(String, String)] = []

    var text: String {
        var s =
            "reports read: \(read), skipped (already ingested): \(skipped), transitions added: \(added), unreadable: \(unreadable.count)"
        for (p, why) in unreadable { s += "\n  " + Sanitizer.clean(why.hasPrefix(p) ? why : p + ": " + why) }
        return s
    }
}
