import Foundation
import Testing

@testable import ReportParser

/// The team's own held-out reports (Tests/Fixtures/heldout): real-news phrasings in several
/// languages and the traps that look like levels. The bars are the scores reached, so a rule
/// tuned for one corpus cannot quietly cost the other.
@Suite struct HeldOutTests {
    static let expected = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures/heldout/expected.jsonl")

    @Test func heldOutScoreMeetsTheBar() throws {
        let score = try Score.of(expected: Self.expected, parser: parser)
        #expect(score.tp + score.fn >= 65, "the set lost reports: \(score)")
        #expect(score.precision >= 0.98, "\(score)")
        #expect(score.recall >= 0.98, "\(score)")
    }

    /// Written after the tuning rounds and scored untouched first (P 0.619 R 0.650); the bar is
    /// what the general fixes reached, not a target to tune to.
    @Test func secondHeldOutScoreMeetsTheBar() throws {
        let url = Self.expected.deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("heldout2/expected.jsonl")
        let score = try Score.of(expected: url, parser: parser)
        #expect(score.tp + score.fn >= 20, "the set lost reports: \(score)")
        #expect(score.precision >= 0.95, "\(score)")
        #expect(score.recall >= 0.95, "\(score)")
    }

    @Test func scoringFollowsTheSharedRules() throws {
        #expect(Score.norm("Nur-Sultan") == Score.norm("nur sultan"))
        #expect(Score.norm("Säpo") == "sapo")
        #expect(Score.norm("Талдыкорган") == "талдыкорган")
        #expect(Score.norm("Алматы") != Score.norm("Almaty"))
    }
}
