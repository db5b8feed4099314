import AlertCore
import Foundation

@testable import ReportParser

/// Precision and recall of parsed transitions against an `expected.jsonl`, matched as
/// `../shared/tools/score-transitions` does: file, city (any accepted name, case and accents
/// ignored), level and the date part of `effective`; optional lines never count against.
struct Score: CustomStringConvertible {
    var tp = 0
    var fp = 0
    var fn = 0
    /// One line per miss ("MISS file: city level day") or false alarm ("FALSE …").
    var problems: [String] = []

    var precision: Double { tp + fp == 0 ? 0 : Double(tp) / Double(tp + fp) }
    var recall: Double { tp + fn == 0 ? 0 : Double(tp) / Double(tp + fn) }
    var description: String {
        String(format: "precision=%.3f recall=%.3f tp=%d fp=%d fn=%d", precision, recall, tp, fp, fn)
            + problems.map { "\n  " + $0 }.joined()
    }

    /// Case, accents and punctuation ignored; letters of every script kept (as the Python scorer's `norm`).
    static func norm(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        for u in s.decomposedStringWithCompatibilityMapping.lowercased().unicodeScalars {
            let p = u.properties
            if p.generalCategory == .nonspacingMark || p.generalCategory == .spacingMark { continue }
            if p.isAlphabetic || p.numericType != nil { out.append(u) }
        }
        return String(out)
    }

    static func matches(_ e: [String: Any], _ p: Transition) -> Bool {
        let names = (e["city"] as? [String]) ?? [(e["city"] as? String) ?? ""]
        guard names.map(norm).contains(norm(p.city)), e["level"] as? String == p.level.name else {
            return false
        }
        let d = String(p.effective.iso.prefix(10))
        if let r = e["effective"] as? [String], r.count == 2 { return r[0] <= d && d <= r[1] }
        return e["effective"] as? String == d
    }

    /// Parses every report `expected` names (in the expectation's folder) and scores the result.
    static func of(expected url: URL, parser: ReportParser) throws -> Score {
        let dir = url.deletingLastPathComponent()
        let expected = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").compactMap {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
        var s = Score()
        for file in Set(expected.compactMap { $0["file"] as? String }).sorted() {
            let preds = parser.parse(
                data: try Data(contentsOf: dir.appendingPathComponent(file)), source: file
            ).transitions
            let exps = expected.filter { $0["file"] as? String == file && $0["none"] == nil }
            var used = Set<Int>()
            for e in exps {
                let optional = e["optional"] as? Bool == true
                if let i = preds.indices.first(where: { !used.contains($0) && matches(e, preds[$0]) }) {
                    used.insert(i)
                    if !optional { s.tp += 1 }
                } else if !optional {
                    s.fn += 1
                    s.problems.append("MISS \(file): \(e["city"] ?? "") \(e["level"] ?? "") \(e["effective"] ?? "")")
                }
            }
            // a repeat of a transition already matched is not a new alarm
            for (i, p) in preds.enumerated() where !used.contains(i) && !exps.contains(where: { matches($0, p) }) {
                s.fp += 1
                s.problems.append("FALSE \(file): \(p.city) \(p.level.name) \(p.effective.iso)")
            }
        }
        return s
    }
}
