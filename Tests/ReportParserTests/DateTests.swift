import AlertCore
import Testing

@testable import ReportParser

@Suite struct DateTests {
    let finder = DateFinder(vocab: .bundled)

    func mentions(_ s: String) -> [DateMention] {
        let t = Tokenizer.tokens(s)
        return finder.dates(in: t.map(\.folded), tokens: t)
    }

    @Test func weekdayIsTheMostRecentOnOrBeforePublication() {
        // 2017-05-29 is a Monday
        #expect(DateFinder.resolve(.weekday(6), published: day("2017-05-29")) == day("2017-05-27"))
        #expect(DateFinder.resolve(.weekday(1), published: day("2017-05-29")) == day("2017-05-29"))
        #expect(
            DateFinder.resolve(.weekday(3), published: day("2017-05-29"), forward: true)
                == day("2017-05-31"))
    }

    @Test func relativeWords() {
        #expect(DateFinder.resolve(.relative(-1), published: day("2023-08-18")) == day("2023-08-17"))
        #expect(mentions("raised yesterday").first?.value == .relative(-1))
        #expect(mentions("введён вчера").first?.value == .relative(-1))
        #expect(mentions("в понедельник").first?.value == .weekday(1))
        #expect(mentions("on Friday").first?.value == .weekday(5))
    }

    @Test func explicitDatesInSeveralShapes() {
        #expect(mentions("on June 5, 2016").first?.value == .day(year: 2016, month: 6, day: 5))
        #expect(mentions("on 5 June 2016").first?.value == .day(year: 2016, month: 6, day: 5))
        #expect(mentions("Nov. 30, 2022").first?.value == .day(year: 2022, month: 11, day: 30))
        #expect(mentions("14 июня 2016 года").first?.value == .day(year: 2016, month: 6, day: 14))
        #expect(mentions("05.01.2022, 23:10").first?.value == .day(year: 2022, month: 1, day: 5))
        #expect(
            mentions("Published: 2023-08-18 07:30").first?.value == .day(year: 2023, month: 8, day: 18))
        #expect(mentions("In June 2016 the city").first?.value == .month(year: 2016, month: 6))
    }

    @Test func yearIsInferredAroundPublication() {
        #expect(
            DateFinder.resolve(.day(year: nil, month: 1, day: 3), published: day("2021-12-28"))
                == day("2022-01-03"))
        #expect(
            DateFinder.resolve(.day(year: nil, month: 12, day: 30), published: day("2022-01-02"))
                == day("2021-12-30"))
        #expect(
            DateFinder.resolve(.day(year: nil, month: 6, day: 20), published: day("2016-06-10"))
                == day("2016-06-20"))
    }

    @Test func fromAndUntilRoles() {
        let m = mentions("apply from 00:00 on 20 January until 00:00 on 3 February 2022")
        #expect(m.map(\.role) == [.from, .until])
        #expect(mentions("с полуночи 26 января").first?.role == .from)
        #expect(mentions("до 30 июня").first?.role == .until)
    }

    @Test func attackDatesAreMarked() {
        #expect(mentions("in attacks on July 18").first?.eventLinked == true)
        #expect(mentions("the level was raised on July 18").first?.eventLinked == false)
    }

    @Test func durations() {
        func d(_ s: String) -> DurationMention? {
            let t = Tokenizer.tokens(s)
            return finder.durations(in: t.map(\.folded), tokens: t).first
        }
        #expect(d("for 14 days").map { [$0.count] } == [14])
        #expect(d("for a period of 40 days")?.count == 40)
        #expect(d("for six months")?.unit == "m")
        #expect(d("сроком на 15 суток")?.count == 15)
        #expect(DateFinder.add(40, "d", to: day("2016-06-10")) == day("2016-07-20"))
        #expect(DateFinder.add(6, "m", to: day("2022-11-30")) == day("2023-05-30"))
    }
}
