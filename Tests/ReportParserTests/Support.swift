import AlertCore
import Foundation
import Gazetteer
import Testing

@testable import ReportParser

let parser = ReportParser()

/// Parses `text` and returns compact "City level date" strings in text order.
func extract(_ text: String, reported: String? = nil) -> [String] {
    parser.parse(text: text, source: "t.txt", reported: reported.flatMap { Timestamp(iso: $0) })
        .transitions.map {
            "\($0.city) \($0.level.name) \($0.effective.iso)"
        }
}

func fixture(_ name: String) -> URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/reports/\(name)")
}

func fixtureData(_ name: String) throws -> Data { try Data(contentsOf: fixture(name)) }

func day(_ s: String) -> CivilDate { CivilDate(day: Timestamp(iso: s)!.utcDay) }
