import AlertCore
import Foundation
import Testing

@testable import ReportParser

/// Reads ../shared/corpus when present (never copied into the repository); skipped otherwise.
@Suite struct CorpusTests {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/corpus")
    static var present: Bool {
        FileManager.default.fileExists(atPath: corpus.appendingPathComponent("dev/expected.jsonl").path)
    }

    @Test(.enabled(if: present)) func seedYieldsExactlyAlmatyRedAndYellow() throws {
        let dir = Self.corpus.appendingPathComponent("seed")
        let file = try FileManager.default.contentsOfDirectory(atPath: dir.path).first {
            $0.hasSuffix(".txt")
        }!
        let r = parser.parse(data: try Data(contentsOf: dir.appendingPathComponent(file)), source: file)
            .transitions
        #expect(
            r.map { "\($0.city) \($0.level.name) \($0.effective.iso)" } == [
                "Almaty red 2016-07-18", "Almaty yellow 2016-07-18",
            ])
    }

    @Test(.enabled(if: present)) func devScoreMeetsTheBar() throws {
        let score = try Score.of(
            expected: Self.corpus.appendingPathComponent("dev/expected.jsonl"), parser: parser)
        #expect(score.precision >= 0.95, "\(score)")
        #expect(score.recall >= 0.95, "\(score)")
    }
}
