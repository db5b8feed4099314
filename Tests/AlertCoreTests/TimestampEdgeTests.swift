import Testing

@testable import AlertCore

@Suite struct TimestampEdgeTests {
    @Test func utcDayBeforeTheEpochRoundsDown() {
        #expect(Timestamp(seconds: -1).utcDay == -1)
        #expect(Timestamp(seconds: -86_400).utcDay == -1)
        #expect(Timestamp(seconds: -86_401).utcDay == -2)
        #expect(Timestamp(seconds: -1).iso == "1969-12-31T23:59:59Z")
    }

    @Test func leapDaysAndMidnightAtTwentyFour() {
        #expect(Timestamp(iso: "2016-02-29") != nil)
        #expect(Timestamp(iso: "2015-02-29") == nil)
        #expect(Timestamp(iso: "2000-02-29") != nil)
        #expect(Timestamp(iso: "1900-02-29") == nil)
        #expect(Timestamp(iso: "2016-07-18T24:00") == Timestamp(year: 2016, month: 7, day: 19))
        #expect(Timestamp(iso: "2016-07-18T24:01") == nil)
    }

    @Test func offsetsThatCrossTheDay() {
        let t = Timestamp(iso: "2016-07-18T02:00+06:00")
        #expect(t?.utcDay == CivilDate(year: 2016, month: 7, day: 17).dayNumber)
        #expect(t?.iso == "2016-07-18T02:00:00+06:00")
        #expect(Timestamp(iso: "2016-07-18T20:00-0530")?.iso == "2016-07-18T20:00:00-05:30")
    }

    @Test func addingKeepsDayPrecisionOnlyForWholeDays() {
        let d = Timestamp(year: 2016, month: 7, day: 18)
        #expect(d.adding(seconds: 86_400).precision == .day)
        #expect(d.adding(seconds: 86_400).iso == "2016-07-19")
        #expect(d.adding(seconds: 3600).precision == .second)
        #expect(d.adding(seconds: 3600).iso == "2016-07-18T01:00:00Z")
    }

    @Test func civilDatesRoundTripAcrossCenturies() {
        for day in stride(from: Int64(-800_000), through: 800_000, by: 997) {
            let c = CivilDate(day: day)
            #expect(c.dayNumber == day)
            #expect((1...12).contains(c.month))
            #expect(c.day <= CivilDate.daysIn(month: c.month, year: c.year))
        }
        #expect(CivilDate(year: 999, month: 1, day: 2).iso == "0999-01-02")
    }
}
