import AlertCore
import Foundation

/// Why an input could not be read at all.
public struct InputError: Error, Sendable, CustomStringConvertible {
    public var description: String
    public init(_ d: String) { description = d }
}

/// One report file or stream as read from disk: its name and bytes.
public struct ReportInput: Sendable {
    /// The path as given ("-" for standard input).
    public var path: String
    public var data: Data

    public init(path: String, data: Data) {
        self.path = path
        self.data = data
    }

    /// Reads a file, or standard input for "-".
    public static func read(path: String) throws(InputError) -> ReportInput {
        if path == "-" {
            return ReportInput(path: "-", data: FileHandle.standardInput.readDataToEndOfFile())
        }
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
            throw InputError("\(path): no such file")
        }
        if isDir.boolValue { throw InputError("\(path): is a directory") }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError("\(path): cannot be read (permission denied?)")
        }
        return ReportInput(path: path, data: data)
    }

    /// What the bytes hold.
    public enum Kind: Sendable, Equatable { case text, rss, atom, jsonLines }

    /// Sniffs the content: a feed's root element, JSON objects one per line, or plain text.
    public var kind: Kind {
        let head = String(decoding: data.prefix(2048), as: UTF8.self)
        let trimmed = head.drop { $0.isWhitespace || $0 == "\u{FEFF}" }
        if trimmed.hasPrefix("<") {
            if head.contains("<rss") || head.contains("<rdf:RDF") { return .rss }
            if head.contains("<feed") { return .atom }
        }
        if trimmed.hasPrefix("{"),
            path.hasSuffix(".jsonl") || path.hasSuffix(".ndjson")
                || head.contains("\"level\"") && head.contains("\"city\"")
        {
            return .jsonLines
        }
        return .text
    }
}

extension ReportParser {
    /// Parses any input: text, a feed (each item its own report) or JSON Lines records (validated pass-through).
    public func parse(input: ReportInput, reported: Timestamp? = nil) -> ParseResult {
        switch input.kind {
        case .text:
            return parse(data: input.data, source: input.path, reported: reported)
        case .rss, .atom:
            let feed = FeedReader.read(input.data)
            var result = ParseResult(diagnostics: feed.diagnostics.map { "\(input.path): \($0)" })
            for item in feed.items {
                let r = parse(
                    text: item.text, source: input.path + "#" + item.id, reported: item.published ?? reported)
                result.transitions += r.transitions
                result.diagnostics += r.diagnostics
            }
            return result
        case .jsonLines:
            return JSONLinesInput.read(input.data, source: input.path)
        }
    }
}

/// JSON Lines records passed through `TransitionRecord.decode`; bad lines are reported by number.
enum JSONLinesInput {
    static func read(_ data: Data, source: String) -> ParseResult {
        var result = ParseResult()
        let text = String(decoding: data, as: UTF8.self)
        var n = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            n += 1
            let l = line.trimmingSpaces()
            if l.isEmpty { continue }
            do {
                var t = try TransitionRecord.decode(line: l, ordinal: n, defaultSource: source)
                t.evidence = t.evidence.map(Sanitizer.clean)
                result.transitions.append(t)
            } catch {
                result.diagnostics.append("\(source):\(n): \(error.reason)")
            }
        }
        return result
    }
}
