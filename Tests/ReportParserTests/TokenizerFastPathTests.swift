import Foundation
import Testing

@testable import ReportParser

/// The byte scan of `Tokenizer.tokens` gives exactly the tokens of the scalar scan.
struct TokenizerFastPathTests {
    static func texts() -> [String] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..")
            .standardized
        var out: [String] = []
        for dir in ["Tests/Fixtures", "Samples"] {
            let base = root.appendingPathComponent(dir)
            guard let e = FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil) else { continue }
            for case let url as URL in e where url.pathExtension == "txt" {
                if let s = try? String(contentsOf: url, encoding: .utf8) { out.append(s) }
            }
        }
        return out + [
            "See https://x.kz/a?b=1 and WWW.Example.com, http://\u{301}x", "U.S. e-mail 12.05.2016 10:15 a.m.",
            "Нур‑Султан «жёлтый» e\u{301}cole 👍🏽 ǅemal\u{2028}x\u{A0}y", "", "-", "x.y.z",
        ]
    }

    @Test func byteScanMatchesScalarScan() {
        for text in Self.texts() {
            for line in text.split(separator: "\n").map(String.init) + [text] {
                let fast = Tokenizer.tokens(line)
                let slow = Tokenizer.scalarTokens(line)
                #expect(fast == slow, "\(line)")
            }
        }
    }
}
