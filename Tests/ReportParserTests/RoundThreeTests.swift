import Testing

@testable import ReportParser

/// Rules found by the second held-out set (Tests/Fixtures/heldout2), each on a sentence of its own.
@Suite struct RoundThreeTests {
    @Test func anUpperCaseDatelineCityOpeningTheBodyIsNoPlace() {
        let text = """
            Alert lifted

            May 3, 2024

            KOSTANAY -- Officials cancelled the yellow terrorist threat level in Taraz on Thursday.
            """
        #expect(extract(text) == ["Taraz normal 2024-05-02"])
    }

    @Test func aRelativeClauseKeepsItsDayToItself() {
        let text = """
            May 3, 2024

            Officials cancelled the red terrorist threat level in Taraz, where it had been declared on April 20.
            """
        #expect(extract(text) == ["Taraz normal 2024-05-03"])
    }

    @Test func aRegionNameBeatsACityAliasOfIt() {
        let text = "3 июля 2023 — Губернатор Воронежской области отменил желтый уровень террористической опасности."
        #expect(extract(text) == ["Voronezh Oblast normal 2023-07-03"])
        #expect(SentenceAnalyzer.namesARegion("Курской области"))
        #expect(!SentenceAnalyzer.namesARegion("Voronezh"))
    }

    @Test func aZoneOfANationalSchemeMayFollowAnArticle() {
        let text = "17 October 2023 — OCAM raised the threat level for the Brussels region to 4 on Monday."
        #expect(extract(text) == ["Brussels-Capital Region red 2023-10-16"])
    }

    @Test func aCityAloneBeforeTheDateIsTheDateline() {
        let text = """
            Atyrau. March 28, 2025. The yellow level of terrorist threat has been introduced in Kulsary from March 28.
            """
        #expect(extract(text) == ["Qulsary yellow 2025-03-28"])
    }

    @Test func aParticipleAfterTheLevelNounIsNotASecondTransition() {
        let text = """
            12 June 2023 — The orange level of terrorist threat introduced in Aktobe after the incident has been \
            lowered to yellow, the committee said.
            """
        #expect(extract(text) == ["Aktobe yellow 2023-06-12"])
    }

    @Test func backThenIsARetrospectNotATransition() {
        let text = "5 января 2025. Тогда в Алматы был введен красный уровень террористической опасности."
        #expect(extract(text).isEmpty)
    }

    @Test func theDecisionTookEffectDatesTheChangeJustTold() {
        let text = """
            May 10, 2024

            Officials cancelled the orange terrorist threat level in Taraz. The commission said the decision \
            took effect on May 8.
            """
        #expect(extract(text) == ["Taraz normal 2024-05-08"])
    }

    @Test func aFollowUpSharesTheLastRecentDay() {
        let text = """
            17 October 2023 — OCAM raised the threat level for the Brussels region to 4 on Monday. \
            The rest of Belgium moved to level 3.
            """
        #expect(extract(text) == ["Brussels-Capital Region red 2023-10-16", "Belgium orange 2023-10-16"])
    }
}
