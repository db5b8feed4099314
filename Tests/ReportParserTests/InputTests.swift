import AlertCore
import Foundation
import Testing

@testable import ReportParser

@Suite struct InputTests {
    @Test func rssItemsAreReportsDatedByPubDate() throws {
        let input = ReportInput(path: "feed.rss", data: try fixtureData("feed.rss"))
        #expect(input.kind == .rss)
        let r = parser.parse(input: input).transitions
        #expect(
            r.map { "\($0.city) \($0.level.name) \($0.effective.iso) \($0.source)" } == [
                "Taraz orange 2021-05-14 feed.rss#taraz-orange-1"
            ])
        #expect(r.first?.until?.iso == "2021-05-19")
    }

    @Test func atomEntriesAreReportsDatedByUpdated() throws {
        let input = ReportInput(path: "feed.atom", data: try fixtureData("feed.atom"))
        #expect(input.kind == .atom)
        let r = parser.parse(input: input).transitions
        #expect(
            r.map { "\($0.city) \($0.level.name) \($0.effective.iso) \($0.source)" } == [
                "Aktau normal 2021-06-01 feed.atom#urn:test:aktau-1"
            ])
    }

    @Test func brokenFeedIsADiagnostic() {
        let r = parser.parse(
            input: ReportInput(path: "x.rss", data: Data("<rss><channel><item><title>x".utf8)))
        #expect(r.transitions.isEmpty)
        #expect(r.diagnostics.contains { $0.contains("not well-formed") })
    }

    @Test func jsonLinesPassThroughWithReasons() throws {
        let input = ReportInput(path: "records.jsonl", data: try fixtureData("records.jsonl"))
        #expect(input.kind == .jsonLines)
        let r = parser.parse(input: input)
        #expect(r.transitions.map(\.city) == ["Almaty"])
        #expect(r.diagnostics.count == 2)
        #expect(r.diagnostics.first?.contains("records.jsonl:2") == true)
    }

    @Test func robustInputsGiveMessagesNotCrashes() {
        #expect(parser.parse(data: Data(), source: "e").diagnostics.contains { $0.contains("empty") })
        var bin = Data((0..<2048).map { UInt8($0 % 7) })
        bin[0] = 0
        let b = parser.parse(data: bin, source: "b")
        #expect(b.transitions.isEmpty && b.diagnostics.contains { $0.contains("binary") })
        var bytes = Array(
            "By Desk, 1 May 2020\n\nA red level of terrorist threat was introduced in Aktau on Friday."
                .utf8)
        bytes.insert(0xFF, at: 30)
        bytes.insert(0x00, at: 40)
        let u = parser.parse(data: Data(bytes), source: "u")
        #expect(u.diagnostics.contains { $0.contains("UTF-8") })
        #expect(u.diagnostics.contains { $0.contains("NUL") })
        #expect(u.transitions.map(\.city) == ["Aktau"])
    }

    @Test func aTenMegabyteSingleLineIsRead() {
        var s = "By Desk, 1 May 2020\n\n"
        let chunk =
            "Police patrolled the terror threat area of Aktau while the level stayed the same and nothing happened "
        s.reserveCapacity(10_500_000)
        while s.utf8.count < 10_000_000 { s += chunk }
        s += ". A red level of terrorist threat was introduced in Aktau on Friday."
        let r = parser.parse(text: s, source: "big")
        #expect(r.transitions.map(\.city).contains("Aktau"))
    }
}
