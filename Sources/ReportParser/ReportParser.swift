import AlertCore
import Foundation
import Gazetteer

/// What parsing one report produced: its transitions and the warnings worth showing the user.
public struct ParseResult: Sendable {
    public var transitions: [Transition]
    public var diagnostics: [String]

    public init(transitions: [Transition] = [], diagnostics: [String] = []) {
        self.transitions = transitions
        self.diagnostics = diagnostics
    }
}

/// Reads report text and extracts per-place threat-level transitions (issue 4).
public struct ReportParser: Sendable {
    let vocab: Vocabulary
    let gazetteer: Gazetteer

    /// A parser over the bundled lexicons, or over the lexicons given.
    public init(gazetteer: Gazetteer = .shared, lexicons: [Lexicon]? = nil) {
        self.gazetteer = gazetteer
        self.vocab = lexicons.map(Vocabulary.init) ?? Vocabulary.bundled
    }

    /// Parses one plain-text report. `reported` is the publication time when the text has no dateline.
    public func parse(text: String, source: String, reported: Timestamp? = nil) -> ParseResult {
        var run = ReportRun(vocab: vocab, gazetteer: gazetteer, source: source, reported: reported)
        run.run(text)
        return ParseResult(transitions: run.transitions, diagnostics: run.diagnostics)
    }

    /// Parses report bytes: decoding problems become diagnostics, never failures.
    public func parse(data: Data, source: String, reported: Timestamp? = nil) -> ParseResult {
        let decoded = TextDecoding.decode(data)
        if decoded.isBinary {
            return ParseResult(diagnostics: decoded.diagnostics.map { "\(source): \($0)" })
        }
        var r = parse(text: decoded.text, source: source, reported: reported)
        r.diagnostics = decoded.diagnostics.map { "\(source): \($0)" } + r.diagnostics
        return r
    }
}
