import AlertCore
import Foundation
import Testing

@testable import ReportParser

@Suite struct ExtractionTests {
    @Test func declaredThenLaterLoweredSameDay() {
        let text = """
            Alert in Almaty

            By Wire Desk, July 18, 2016

            Officials declared a "red" terror alert in the city of Almaty after a gunman opened fire on a police station on July 17. \
            The alert was later lowered to "yellow", the committee said. Earlier this year a gun shop in Aktobe was attacked.
            """
        #expect(extract(text) == ["Almaty red 2016-07-18", "Almaty yellow 2016-07-18"])
    }

    @Test func everyPlaceOfAListGetsItsTransition() {
        let text =
            "ASTANA, 4 May 2019 — A yellow level of terrorist threat was introduced in Almaty, Taraz and Taldykorgan on Saturday."
        #expect(
            extract(text) == [
                "Almaty yellow 2019-05-04", "Taraz yellow 2019-05-04", "Taldykorgan yellow 2019-05-04",
            ])
    }

    @Test func nationalSchemeTakesTheCountryNotTheAttackCity() {
        let text = """
            LONDON, 12 June 2019 — Britain's terrorism threat level was raised from substantial to severe on Tuesday \
            after a bombing in Manchester on Monday.
            """
        let r = parser.parse(text: text, source: "uk.txt").transitions
        #expect(
            r.map {
                "\($0.city) \($0.level.name) \($0.effective.iso) \($0.scope.rawValue) \($0.scheme ?? "")"
            }
                == ["United Kingdom orange 2019-06-11 country UK-national"])
    }

    @Test func aRegionWithItsOwnLevelUnderANationalScheme() {
        let text =
            "November 21, 2015\n\nBelgium raised the terror alert for Brussels to its highest level, four, on Saturday."
        #expect(extract(text) == ["Brussels red 2015-11-21"])
    }

    @Test func schemesFollowThePlacesCountry() {
        let kz = "АЛМАТЫ, 18 июля 2016 — В Алматы введён «жёлтый» уровень террористической опасности."
        let ru =
            "БЕЛГОРОД, 11 апреля 2022 — В Белгородской области введён «жёлтый» уровень террористической опасности."
        #expect(extract(kz) == ["Almaty yellow 2016-07-18"])
        #expect(extract(ru).first?.hasSuffix("orange 2022-04-11") == true)
        let nl =
            "THE HAGUE, 14 December 2023 — The NCTV raised the threat level for the Netherlands to \"substantieel\" on Thursday."
        #expect(extract(nl) == ["Netherlands orange 2023-12-14"])
        let uk =
            "LONDON, 14 December 2023 — The UK threat level was lowered to substantial on Thursday."
        #expect(extract(uk) == ["United Kingdom yellow 2023-12-14"])
    }

    @Test func announcedAheadAndUntil() {
        let en =
            "ALMATY, Feb. 5, 2022 — From 00:00 on February 7 the orange level of terrorist threat in Almaty will be cancelled."
        #expect(extract(en) == ["Almaty normal 2022-02-07"])
        let ru =
            "Тараз, 25 января 2022 года — Уровень террористической опасности в Таразе будет снижен с красного на оранжевый с полуночи 26 января."
        #expect(extract(ru) == ["Taraz orange 2022-01-26"])
        let r = parser.parse(
            text: String(decoding: try! fixtureData("ru-aktobe-yellow.txt"), as: UTF8.self), source: "a"
        ).transitions
        #expect(
            r.map { "\($0.city) \($0.level.name) \($0.effective.iso) \($0.until?.iso ?? "-")" } == [
                "Aktobe yellow 2020-10-13 2020-10-23"
            ])
    }

    @Test func durationsAndUntilSetTheEnd() {
        let a =
            "By Desk, 10 June 2016\n\nThe centre introduced a yellow level of terrorist threat in Aktau for a period of 40 days."
        #expect(parser.parse(text: a, source: "a").transitions.first?.until?.iso == "2016-07-20")
        let b =
            "By Desk, 7 January 2022\n\nA red level of terrorist threat was introduced in Taraz until January 19."
        #expect(parser.parse(text: b, source: "b").transitions.first?.until?.iso == "2022-01-19")
    }

    @Test func weekdaysYesterdayAndToday() {
        #expect(
            extract(
                "By Desk, 29 May 2017\n\nThe terror threat level in Aktobe was lowered to yellow on Saturday."
            ) == ["Aktobe yellow 2017-05-27"])
        #expect(
            extract(
                "By Desk, 18 August 2023\n\nThe terror threat level in Aktau was raised to orange yesterday."
            ) == ["Aktau orange 2023-08-17"])
        #expect(
            extract(
                "Shymkent orange today\n\nThe centre today introduced an orange level of terrorist threat in Shymkent.",
                reported: "2018-09-19")
                == ["Shymkent orange 2018-09-19"])
    }

    @Test func theCapitalAndTheCityAreResolved() {
        let cap =
            "NUR-SULTAN, 11 November 2020 — Two men were detained in Karaganda. A yellow level of terrorist threat was introduced in the capital for 15 days."
        #expect(extract(cap) == ["Astana yellow 2020-11-11"])
        let city =
            "By Desk, 3 March 2017\n\nA red level of terrorist threat was declared in Shymkent on Thursday. Later the threat level in the city was lowered to orange."
        #expect(extract(city) == ["Shymkent red 2017-03-02", "Shymkent orange 2017-03-02"])
        let here = "АКТАУ, 5 мая 2020 — Уровень террористической опасности здесь повышен до оранжевого."
        #expect(extract(here) == ["Aktau orange 2020-05-05"])
    }

    @Test func aFixtureReport() throws {
        let r = parser.parse(data: try fixtureData("en-shymkent-red-then-orange.txt"), source: "f.txt")
            .transitions
        #expect(
            r.map { "\($0.city) \($0.level.name) \($0.effective.iso)" } == [
                "Shymkent red 2021-03-03", "Shymkent orange 2021-03-03",
            ])
        #expect(
            r.allSatisfy {
                $0.source == "f.txt" && $0.reported?.iso == "2021-03-03" && $0.evidence != nil
                    && ($0.confidence ?? 0) > 0
            })
        #expect(r.map(\.ordinal) == [0, 1])
        #expect(r.first?.placeID != nil && r.first?.country == "KZ" && r.first?.kind == .declared)
    }

    @Test func datesInURLsAreNotThePublicationDate() {
        let t =
            "https://news.example.kz/2024/04/04/item/\nNo dateline here\n\nA red level of terrorist threat was introduced in Aktau today."
        #expect(extract(t).isEmpty)
        #expect(extract(t, reported: "2024-04-06") == ["Aktau red 2024-04-06"])
    }

    @Test func theDayOfTheAttackIsNotTheDayOfTheLevel() {
        let t =
            "PARIS, March 25, 2024 — France moved Vigipirate up to \"urgence attentat\" on Sunday evening, two days after an attack near Moscow on Friday."
        #expect(extract(t) == ["France red 2024-03-24"])
    }

    @Test func unresolvedPlacesAreReportedNotDropped() {
        let t =
            "By Desk, 1 May 2020\n\nA yellow level of terrorist threat was introduced in Zzyzxgrad and in Aktau on Friday."
        let r = parser.parse(text: t, source: "u.txt")
        #expect(r.transitions.map(\.city) == ["Aktau"])
    }

    @Test func evidenceIsSanitised() {
        let t =
            "By Desk, 1 May 2020\n\nA red level of terrorist threat was introduced in Aktau\u{1B}[31m on Friday."
        let e = parser.parse(text: t, source: "e").transitions.first?.evidence ?? ""
        #expect(!e.contains("\u{1B}"))
    }

    @Test(arguments: [
        "ALMATY, December 2, 2021 — Kazhydromet issued a yellow storm warning for Almaty and the region until Friday.",
        "LONDON, 17 February 2022 — The Met Office issued an amber warning for wind in London and a yellow warning for ice.",
        "BEIJING, Dec. 7, 2015 — Beijing raised its air pollution alert from orange to red on Monday.",
        "SDEROT, 12 November 2019 — \"Red Alert\" sirens sounded in Sderot as rockets were fired.",
        "AKTAU, January 5, 2022 — A state of emergency was declared in Mangystau Region from January 5 until January 19.",
        "22 мая 2023 года\n\nВ Белгородской области введён правовой режим контртеррористической операции.",
        "TARAZ, November 12, 2011 — A gunman killed seven people in Taraz; the threat level was not changed.",
        "By Desk, 3 February 2020\n\nThe UK's national terrorism threat level remains at substantial, the Home Office said on Monday.",
        "By Desk, 3 March 2017\n\nThe city had been at the yellow level of terrorist threat since February 20, officials in Shymkent recalled.",
        "Уральск, 6 апреля 2024 — Казгидромет объявил штормовое предупреждение по Уральску, уровень воды приблизился к критической отметке.",
    ])
    func lookAlikesYieldNothing(text: String) {
        #expect(extract(text).isEmpty, "\(text)")
    }

    @Test func russianLaterAndCoreference() {
        let t = """
            18 июля 2016 года, 21:40

            В понедельник в Алматы после нападений на отдел полиции был объявлен «красный» уровень террористической опасности. \
            Позже уровень был снижен до жёлтого.
            """
        #expect(extract(t) == ["Almaty red 2016-07-18", "Almaty yellow 2016-07-18"])
    }

    @Test func twoRegionsSharingOneNoun() {
        let t =
            "19.07.2016, 09:30\n\nВо вторник в Алматинской и Жамбылской областях введён умеренный («жёлтый») уровень террористической опасности."
        #expect(extract(t) == ["Almaty Region yellow 2016-07-19", "Zhambyl Region yellow 2016-07-19"])
    }

    @Test func listLayout() {
        let t = """
            Levels from 20 January
            Nur-Sultan, 19 January 2022, 21:15 — The following levels of terrorist threat apply from 00:00 on 20 January until 00:00 on 3 February 2022:
            Red level (critical):
            • Almaty
            • Taraz
            Yellow level (moderate):
            • Shymkent
            """
        #expect(
            extract(t) == ["Almaty red 2022-01-20", "Taraz red 2022-01-20", "Shymkent yellow 2022-01-20"])
    }
}
