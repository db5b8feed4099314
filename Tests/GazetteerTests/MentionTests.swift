import AlertCore
import Testing

@testable import Gazetteer

/// Place mentions in running text, against the shipped data. Sentences are our own.
struct MentionTests {
    let g = Gazetteer.shared

    func names(_ text: String, context: String? = nil) -> [String] {
        g.mentions(in: text, countryContext: context).compactMap { $0.candidates.first?.name }
    }

    @Test func severalPlacesInOneSentence() {
        let text = "A yellow level was set in Almaty and Astana, while the Aktobe Region stayed calm."
        let m = g.mentions(in: text)
        #expect(m.map(\.text) == ["Almaty", "Astana", "Aktobe Region"])
        #expect(m.map { $0.candidates.first?.scope } == [.city, .city, .region])
        #expect(m.allSatisfy { text[$0.range] == $0.text })
    }

    @Test func longestMatchWins() {
        #expect(names("Officials in Almaty Region met on Tuesday.") == ["Almaty Region"])
        #expect(names("She flew from New York to Paris.") == ["New York City", "Paris"])
        #expect(names("Police in the Almaty region said") == ["Almaty Region"])
    }

    @Test func russianCaseFormsInText() {
        let text = "В Алматы и Астане, а также в Актюбинской области и Караганде объявлен жёлтый уровень."
        #expect(names(text) == ["Almaty", "Astana", "Aktobe Region", "Karaganda"])
        #expect(g.mentions(in: text).map(\.text) == ["Алматы", "Астане", "Актюбинской области", "Караганде"])
        #expect(names("Режим продлён в Белгородской области и в Шымкенте.") == ["Belgorod Oblast", "Shymkent"])
    }

    @Test func historicalNamesInText() {
        #expect(names("Back then Alma-Ata was the capital, not Tselinograd.") == ["Almaty", "Astana"])
    }

    @Test func allCapsDateline() {
        let m = g.mentions(in: "ALMATY, June 5 — the committee raised the level.")
        #expect(m.first?.text == "ALMATY")
        #expect(m.first?.candidates.first?.name == "Almaty")
        #expect(m.count == 1)
    }

    @Test func lowerCaseWordsAreNotPlaces() {
        #expect(g.mentions(in: "what a nice day for reading in the bath at police headquarters").isEmpty)
        #expect(names("It was a nice day in Nice.") == ["Nice"])
    }

    @Test func commonCapitalisedWordsAreNotPlaces() {
        #expect(names("Police said on May 5 that March was quiet.").isEmpty)
        #expect(names("Of the reports, Reading and Bath were mentioned on Mobile phones.").isEmpty)
    }

    @Test func shortCodesAreNotPlaces() {
        #expect(names("The ALA and NQZ flights were delayed; Ala said no.").isEmpty)
        #expect(names("The UK and the US issued travel advice.") == ["United Kingdom", "United States"])
        #expect(names("Officials in the U.S. agreed.") == ["United States"])
        #expect(names("Uk officials and us.").isEmpty)
    }

    @Test func countriesAndContext() {
        #expect(names("Britain and Kazakhstan signed a deal.") == ["United Kingdom", "Kazakhstan"])
        #expect(g.mentions(in: "Reports from Paris.", countryContext: "US").first?.candidates.first?.country == "US")
        #expect(g.mentions(in: "Reports from Paris.").first?.candidates.first?.country == "FR")
    }

    @Test func punctuationSplitsNames() {
        // "Almaty, Astana" must not be read as one two-word name.
        #expect(names("Almaty, Astana.") == ["Almaty", "Astana"])
    }

    @Test func emptyText() {
        #expect(g.mentions(in: "").isEmpty)
        #expect(g.mentions(in: "  — , . 123").isEmpty)
    }
}
