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
        let dir = Self.corpus.appendingPathComponent("dev")
        let expected = try String(
            contentsOf: dir.appendingPathComponent("expected.jsonl"), encoding: .utf8
        )
        .split(separator: "\n").compactMap {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
        var tp = 0
        var fp = 0
        var fn = 0
        for file in Set(expected.compactMap { $0["file"] as? String }).sorted() {
            let preds = parser.parse(
                data: try Data(contentsOf: dir.appendingPathComponent(file)), source: file
            ).transitions
            let exps = expected.filter { $0["file"] as? String == file && $0["none"] == nil }
            func matches(_ e: [String: Any], _ p: Transition) -> Bool {
                let names = (e["city"] as? [String]) ?? [(e["city"] as? String) ?? ""]
                guard names.map({ Fold.token($0) }).contains(Fold.token(p.city)),
                    e["level"] as? String == p.level.name
                else { return false }
                let d = String(p.effective.iso.prefix(10))
                if let r = e["effective"] as? [String] { return r[0] <= d && d <= r[1] }
                return e["effective"] as? String == d
            }
            var used = Set<Int>()
            for e in exps {
                if let i = preds.indices.first(where: { !used.contains($0) && matches(e, preds[$0]) }) {
                    used.insert(i)
                    if e["optional"] as? Bool != true { tp += 1 }
                } else if e["optional"] as? Bool != true {
                    fn += 1
                }
            }
            for (i, p) in preds.enumerated()
            where !used.contains(i) && !exps.contains(where: { matches($0, p) }) { fp += 1 }
        }
        let precision = Double(tp) / Double(max(1, tp + fp))
        let recall = Double(tp) / Double(max(1, tp + fn))
        #expect(precision >= 0.95, "precision \(precision) tp=\(tp) fp=\(fp)")
        #expect(recall >= 0.95, "recall \(recall) tp=\(tp) fn=\(fn)")
    }
}
