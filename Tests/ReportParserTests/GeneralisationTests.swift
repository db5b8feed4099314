import AlertCore
import Foundation
import Testing

@testable import ReportParser

/// Rules that carry the parser from the team's corpus to the phrasings of real outlets.
@Suite struct GeneralisationTests {
    @Test func eachPlaceTakesItsOwnLevelInOneSentence() {
        let text =
            "TARAZ, 22 January 2022 — The centre set a red level of terrorist threat in Taraz, an orange level in Shymkent and a yellow level in Turkestan."
        #expect(
            extract(text) == ["Taraz red 2022-01-22", "Shymkent orange 2022-01-22", "Turkestan yellow 2022-01-22"])
    }

    @Test func bulletRowsCarryTheirOwnLevelsAndTheIntroDay() {
        let text = """
            Release
            13 November 2023

            From 00:00 on 14 November 2023 the following levels of terrorist threat are introduced:

            • Atyrau – moderate ("yellow");
            • Semey – high ("orange").
            """
        #expect(extract(text) == ["Atyrau yellow 2023-11-14", "Semey orange 2023-11-14"])
    }

    @Test func germanAndKazakhDatelinesGiveThePublicationDay() {
        #expect(
            extract("BRÜSSEL, 31. Januar 2018 — Die belgische OCAM hat die Terrorwarnstufe von 3 auf 2 gesenkt.")
                == ["Belgium yellow 2018-01-31"])
        #expect(
            extract("Алматы, 2022 жылғы 4 ақпан — Алматы қаласында терроризмдік қауіптің «қызыл» деңгейі енгізілді.")
                == ["Almaty red 2022-02-04"])
    }

    @Test func conditionsDrillsAndScheduledEndsAreNotChanges() {
        #expect(
            extract("ASTANA, 20 July 2016 — If a yellow level is introduced in Astana, police step up patrols.").isEmpty
        )
        #expect(
            extract(
                "Павлодар, 17 мая 2022 — По легенде учений, в городе был введен красный уровень террористической опасности."
            )
            .isEmpty)
        #expect(
            extract(
                "WASHINGTON, Feb 7, 2022 — DHS issued an NTAS bulletin on Monday. The bulletin expires on June 7, 2022."
            )
                == ["United States yellow 2022-02-07"])
    }

    @Test func aStoryAboutThePastKeepsItsYear() {
        let text = """
            AKTOBE, June 5, 2021 — Residents remembered the attacks of June 5, 2016, in the city.

            On the day of the attacks the authorities declared a red level of terrorist threat in Aktobe. It was eased to orange on June 10.
            """
        #expect(extract(text) == ["Aktobe red 2016-06-05", "Aktobe orange 2016-06-10"])
    }

    @Test func yearScanFindsTheLastPlausibleYear() {
        #expect(ReportRun.lastYear(in: "from 2016 to 2019, 12345 and 3000") == 2019)
        #expect(ReportRun.lastYear(in: "on 5 June at 10:00") == nil)
    }
}
