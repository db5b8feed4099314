import Foundation
import Gazetteer
import Testing

/// Every place the dev corpus expects must be found as a mention in its report. Reads
/// ../shared/corpus when present (never copied into the repository); skips otherwise.
struct CorpusMentionTests {
    static let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../../shared/corpus/dev").standardized

    struct Expected: Sendable, CustomStringConvertible {
        let file: String
        let names: [String]
        let country: String
        var description: String { "\(file): \(names.first ?? "")" }
    }

    /// Places these reports never name: the parser infers them from the scheme or the dateline.
    static let inferred: Set<String> = [
        "05-almaty-red-2022.txt Kazakhstan", "15-uk-lowered-to-severe-on-saturday.txt United Kingdom",
        "18-france-back-to-risque-attentat-today.txt France",
    ]

    static func expected() -> [Expected] {
        guard let text = try? String(contentsOf: dir.appendingPathComponent("expected.jsonl"), encoding: .utf8)
        else { return [] }
        var out: [Expected] = []
        for line in text.split(separator: "\n") {
            guard let obj = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                let file = obj["file"] as? String, let country = obj["country"] as? String
            else { continue }
            let names = (obj["city"] as? [String]) ?? [(obj["city"] as? String)].compactMap { $0 }
            if !names.isEmpty, !inferred.contains("\(file) \(names[0])") {
                out.append(Expected(file: file, names: names, country: country))
            }
        }
        return out
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: dir.path)), arguments: expected())
    func expectedPlaceIsMentioned(_ e: Expected) throws {
        let text = try String(contentsOf: Self.dir.appendingPathComponent(e.file), encoding: .utf8)
        let g = Gazetteer.shared
        let wanted = Set(e.names.map(Gazetteer.fold))
        let found = g.mentions(in: text, countryContext: e.country).contains { m in
            m.candidates.prefix(1).contains { p in
                p.country == e.country && ([p.name] + p.aliases).contains { wanted.contains(Gazetteer.fold($0)) }
            }
        }
        let seen = g.mentions(in: text, countryContext: e.country).map {
            "\($0.text)→\($0.candidates.first.map { "\($0.name)/\($0.country)" } ?? "")"
        }
        #expect(found, "mentions: \(seen)")
    }
}
