import Foundation
import Gazetteer
import Testing

@testable import ReportParser

@Suite struct MentionCacheTests {
    static let heldout = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures/heldout")

    static func summary(_ ms: [Mention], in text: String) -> [String] {
        ms.map {
            "\(text.utf8.distance(from: text.startIndex, to: $0.range.lowerBound)) \($0.text) \($0.candidates.map(\.id))"
        }
    }

    @Test func findsWhatTheGazetteerFindsOnEveryHeldOutLine() throws {
        let cache = MentionCache()
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.heldout.path).filter {
            $0.hasSuffix(".txt")
        }
        #expect(files.count >= 50)
        var compared = 0
        for f in files {
            let text = try String(contentsOf: Self.heldout.appendingPathComponent(f), encoding: .utf8)
            for line in text.split(separator: "\n").map(String.init) {
                for country in [nil, "KZ"] as [String?] {
                    let want = Gazetteer.shared.mentions(in: line, countryContext: country)
                    let got = cache.mentions(in: line, gazetteer: .shared, country: country)
                    #expect(Self.summary(got, in: line) == Self.summary(want, in: line), "\(f): \(line)")
                    compared += want.count
                }
            }
        }
        #expect(compared > 100)
    }

    @Test func aLocativeBeforePunctuationStillCounts() {
        let cache = MentionCache()
        for line in ["Police said in «Nice» the level rose.", "He lives in Reading, they said.", "в «Алматы» введен"] {
            let want = Gazetteer.shared.mentions(in: line)
            #expect(
                Self.summary(cache.mentions(in: line, gazetteer: .shared, country: nil), in: line)
                    == Self.summary(want, in: line))
        }
    }

    @Test func punctuationBreaksAStretchButNotAName() {
        #expect(!MentionCache.isBreak(","))  // lists sharing one noun are read whole
        #expect(MentionCache.isBreak("«"))
        #expect(MentionCache.isBreak("—"))
        #expect(!MentionCache.isBreak("-"))
        #expect(!MentionCache.isBreak("’"))
        #expect(!MentionCache.isBreak("ё"))
        #expect(!MentionCache.isBreak(" "))
    }
}
