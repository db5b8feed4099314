import Foundation
import Testing

@testable import Gazetteer

/// The byte-level fast paths give exactly what the Character and Unicode-property paths give.
struct FastPathTests {
    /// Every report text in the repository's fixtures and samples, for wide coverage of real text.
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
        return out
    }

    static let edgeCases = [
        "Kazakhstan's U.S. Alma-Ata Ural'sk ’S x's", "ÉCOLE Ǆemal ǅemal ß Σ ς İstanbul",
        "й й (decomposed) e\u{301}cole", "emoji 👍🏽 and\r\nCRLF", "Tōkyō—Ōsaka «Алматы» №5 ⅚",
        "", "a", "A.B.C. d.e f-", "Нур-Султан, Жамбылской областях",
    ]

    @Test func tableMatchesCharacterProperties() {
        for v in UInt32(0)..<0x2150 {
            guard let u = Unicode.Scalar(v) else { continue }
            let f = SimpleScalars.flags(v)
            if f == 0 { continue }
            let c = Character(u)
            #expect((f & SimpleScalars.letter != 0) == c.isLetter, "\(v)")
            #expect((f & SimpleScalars.number != 0) == c.isNumber, "\(v)")
            #expect((f & SimpleScalars.upper != 0) == c.isUppercase, "\(v)")
            #expect((f & SimpleScalars.whitespace != 0) == c.isWhitespace, "\(v)")
            #expect((f & SimpleScalars.alphabetic != 0) == u.properties.isAlphabetic, "\(v)")
            #expect((f & SimpleScalars.scalarUpper != 0) == u.properties.isUppercase, "\(v)")
        }
    }

    @Test func simpleScalarsAreCharactersOfTheirOwn() {
        let blocks: [ClosedRange<UInt32>] = [0x20...0x52F, 0x1E00...0x1EFF, 0x2000...0x214F]
        let partners: [Unicode.Scalar] = ["a", "й", "-", " ", "\u{2019}", "|"]
        for block in blocks {
            for v in block {
                guard let u = Unicode.Scalar(v), SimpleScalars.flags(v) != 0 else { continue }
                for p in partners {
                    var s = String.UnicodeScalarView()
                    s.append(p)
                    s.append(u)
                    s.append(p)
                    #expect(String(s).count == 3, "\(v)")
                }
            }
        }
    }

    @Test func tokensMatchTheCharacterScan() {
        for text in Self.texts() + Self.edgeCases {
            for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) + [text] {
                let fast = Tokenizer.tokens(in: line)
                let slow = Tokenizer.characterTokens(in: line)
                #expect(fast.map(\.range) == slow.map(\.range), "\(line)")
                #expect(fast.map(\.isCapitalised) == slow.map(\.isCapitalised), "\(line)")
                #expect(fast.map(\.isAllCaps) == slow.map(\.isAllCaps), "\(line)")
            }
        }
    }

    @Test func asciiFoldMatchesTheUnicodeFold() {
        let samples = [
            "Almaty", "U.S.", "Rostov-on-Don", "  St. John's  ", "a_b/c,d(e)f", "x\t\ny", "O'Neil`s #1!", "",
        ]
        for s in samples {
            var scalars = String.UnicodeScalarView()
            // the Unicode path of `fold`, forced by a non-ASCII scalar it drops
            scalars.append(contentsOf: s.unicodeScalars)
            scalars.append("\u{2019}")
            #expect(Gazetteer.foldASCII(s) == Gazetteer.fold(String(scalars)), "\(s)")
        }
        for text in Self.texts() {
            for word in text.split(separator: " ").prefix(300) where word.utf8.allSatisfy({ $0 < 0x80 }) {
                var scalars = String.UnicodeScalarView()
                scalars.append(contentsOf: word.unicodeScalars)
                scalars.append("\u{2019}")
                #expect(Gazetteer.foldASCII(String(word)) == Gazetteer.fold(String(scalars)), "\(word)")
            }
        }
    }

    @Test func aliasesSplitLikeString() {
        for field in ["", "a", "a|b", "|a||b|", "Алматы|Alma-Ata", "e\u{301}|x", "x|\u{301}y", "a|b\u{301}|c"] {
            let bytes = Array(field.utf8)
            let expected = field.isEmpty ? [] : field.split(separator: "|").map(String.init)
            #expect(GazetteerFile.aliases(bytes, 0..<bytes.count) == expected, "\(field)")
        }
    }
}
