import Testing

@testable import AlertCore

@Suite struct TimestampTests {
    @Test func parsesDateOnlyAsUTCMidnight() throws {
        let t = try #require(Timestamp(iso: "2016-07-18"))
        #expect(t.seconds == 1_468_800_000)
        #expect(t.precision == .day)
        #expect(t.iso == "2016-07-18")
    }

    @Test func parsesOffsetsAndPrintsThemBack() throws {
        let t = try #require(Timestamp(iso: "2016-07-18T14:30:00+06:00"))
        #expect(t.seconds == 1_468_800_000 + 8 * 3600 + 30 * 60)
        #expect(t.iso == "2016-07-18T14:30:00+06:00")
        #expect(Timestamp(iso: "2016-07-18T08:30:00Z") == t)
        #expect(Timestamp(iso: "2016-07-18 08:30")?.iso == "2016-07-18T08:30:00Z")
    }

    @Test(arguments: ["", "2016", "2016-13-01", "2016-02-30", "2016-07-18T25:00", "2016-07-18X", "18.07.2016", "2016-07-18T10:00+99:00"])
    func rejectsBadText(_ s: String) {
        #expect(Timestamp(iso: s) == nil)
    }

    @Test func weekdays() {
        #expect(CivilDate(year: 2016, month: 7, day: 18).weekday == 1)  // a Monday
        #expect(CivilDate(year: 1970, month: 1, day: 1).weekday == 4)
        #expect(CivilDate(day: CivilDate(year: 1900, month: 3, day: 1).dayNumber) == CivilDate(year: 1900, month: 3, day: 1))
    }
}
