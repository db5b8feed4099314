import AlertCore
import Foundation
import Testing

@testable import ReportParser

@Suite struct TextTests {
    @Test func bundledLexiconsLoad() {
        let langs = Set(Lexicon.bundled().map(\.language))
        #expect(langs.isSuperset(of: ["en", "ru", "fr", "nl", "sv", "de"]))
    }

    @Test func aNewLanguageIsADataFile() throws {
        let json =
            #"{"language":"xx","verbs":{"raise":["zorbed"]},"levelNames":{"glorp":"red"},"threatCues":["threatx"]}"#
        let lex = try Lexicon.decode(Data(json.utf8))
        let v = Vocabulary([lex])
        #expect(v.verbs.match(["zorbed"], at: 0)?.payload == .raise)
        #expect(v.levelNames.match(["glorp"], at: 0)?.payload.canonical == "red")
    }

    @Test func prefixPatternsMatchRussianEndings() {
        let v = Vocabulary.bundled
        for w in ["введён", "введен", "введении", "ввели"] {
            #expect(v.verbs.match([Fold.token(w)], at: 0)?.payload == .set, "\(w)")
        }
        #expect(v.levelNames.match([Fold.token("жёлтого")], at: 0)?.payload.canonical == "жёлтый")
        #expect(v.verbs.match([Fold.token("снижен")], at: 0)?.payload == .lower)
    }

    @Test func foldingDropsCaseAndAccents() {
        #expect(Fold.token("Sécurité") == "securite")
        #expect(Fold.token("Жёлтый") == "желтыи" || Fold.token("Жёлтый") == "желтый")
    }

    @Test func sentencesSplitButNotAtAbbreviations() {
        let s = SentenceSplitter.split(
            "BEIJING, Dec. 7, 2015 — It rose. Then it fell at 7 a.m. on Tuesday.\nNext line")
        #expect(
            s.map { String($0.text) } == [
                "BEIJING, Dec. 7, 2015 — It rose.", "Then it fell at 7 a.m. on Tuesday.", "Next line",
            ])
        #expect(s[2].titleLike)
    }

    /// Line ends and bullets are read from bytes only where a byte is a whole Character; a combining
    /// mark or a Prepend character joins its neighbour, so those lines keep the Character reading.
    @Test(arguments: [
        ("It rose.", false, false, false), ("It rose", true, false, false), ("Lists:", false, false, true),
        ("It rose.\u{301}", true, false, false), ("\u{600}.", true, false, false), ("* item", false, true, false),
        ("*\u{301} item", true, false, false), ("- item", false, true, false), ("-item", true, false, false),
        ("- \u{301}item", true, false, false), ("• item", false, true, false), ("· item", false, true, false),
        ("\u{387} item", false, true, false), ("Он сказал «да»", false, false, false), ("x)", false, false, false),
        ("a\"", false, false, false), ("ok…", false, false, false), ("ok!", false, false, false),
    ])
    func lineMarks(_ line: String, _ titleLike: Bool, _ bullet: Bool, _ colon: Bool) throws {
        let s = try #require(SentenceSplitter.split(line).first)
        #expect(s.titleLike == titleLike)
        #expect(s.bullet == bullet)
        #expect(s.endsWithColon == colon)
    }

    @Test func longLinesAreCut() {
        let line = String(repeating: "word ", count: 5000)
        let s = SentenceSplitter.split(line)
        #expect(s.count > 1)
        #expect(s.allSatisfy { $0.text.utf8.count <= SentenceSplitter.maxSentenceBytes + 10 })
    }

    @Test func datelines() {
        func dl(_ t: String) -> Dateline {
            DatelineFinder(finder: DateFinder(vocab: .bundled)).find(in: SentenceSplitter.split(t))
        }
        #expect(dl("Head line\n\nALMATY, June 5, 2016 — Body.").date == day("2016-06-05"))
        #expect(dl("Head line\n\nALMATY, June 5, 2016 — Body.").placeText == "ALMATY")
        #expect(dl("Title\nBy Desk, July 18, 2016\n\nBody.").date == day("2016-07-18"))
        #expect(dl("Заголовок\n\nАЛМАТЫ, 18 июля 2016 — Текст.").date == day("2016-07-18"))
        #expect(
            dl("https://x.example/2024/04/04/a/\nTitle\n\n06.04.2024, 10:15\n\nBody.").date
                == day("2024-04-06"))
        // a date in the headline is not the dateline
        #expect(
            dl("Levels from 20 January 2022\nNur-Sultan, 19 January 2022, 21:15 — Body:").date
                == day("2022-01-19"))
    }

    @Test func decodingIsLenient() {
        let bad = TextDecoding.decode(Data([0x41, 0xFF, 0x42, 0x00, 0x43]))
        #expect(!bad.isBinary)
        #expect(bad.diagnostics.contains { $0.contains("UTF-8") })
        #expect(bad.diagnostics.contains { $0.contains("NUL") })
        #expect(TextDecoding.decode(Data()).diagnostics == ["empty input"])
        var bin = Data(count: 4096)
        bin[10] = 0x7F
        #expect(TextDecoding.decode(bin).isBinary)
    }
}
