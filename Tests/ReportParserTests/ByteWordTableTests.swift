import Testing

@testable import ReportParser

@Suite struct ByteWordTableTests {
    /// The ids and prefix keys the dictionaries alone give.
    private func dictionaryWords(_ index: WordIndex, _ text: [String]) -> ([Int32], [Int32]) {
        (
            text.map { index.ids[$0] ?? -1 },
            text.map { index.keys.isEmpty ? -1 : index.keys[String($0.prefix(PhraseMatcher<Int>.keyLength))] ?? -1 }
        )
    }

    @Test func bundledVocabularyTakesTheByteTables() {
        let vocab = Vocabulary.bundled
        let words = vocab.index.ids.keys.sorted()
        let w = vocab.index.words(words)
        let (ids, keys) = dictionaryWords(vocab.index, words)
        #expect(w.ids == ids)
        #expect(w.keys == keys)
        #expect(vocab.index.usesByteTables)
    }

    @Test func canonicallyEquivalentSpellingsGetTheSameIds() {
        var index = WordIndex()
        let composed = index.id(of: "введён")
        _ = index.key(of: "вв")
        _ = index.id(of: "café")
        // decomposed "ё" and "é": not plain, so the dictionary answers, by canonical equivalence
        let text = ["введе\u{308}н", "cafe\u{301}", "введён", "café", "кафе", "в", "", "–", "x\u{2013}y"]
        let w = index.words(text)
        let (ids, keys) = dictionaryWords(index, text)
        #expect(w.ids == ids)
        #expect(w.keys == keys)
        #expect(w.ids[0] == composed)
    }

    @Test func aWordNotKnownToBeNFCTurnsTheTableOff() {
        var table = ByteWordTable()
        table.insert("lifted", 1)
        #expect(table.usable)
        table.insert("e\u{301}", 2)
        #expect(!table.usable)
        var plain = ByteWordTable()
        for (n, w) in ["a", "б", "niveau–", "«", "ʼ"].enumerated() { plain.insert(w, Int32(n)) }
        #expect(plain.usable)
        var s = "niveau–"
        #expect(s.withUTF8 { plain.lookup($0) } == 2)
        s = "niveau"
        #expect(s.withUTF8 { plain.lookup($0) } == nil)
    }
}
