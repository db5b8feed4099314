import AlertCore
import Testing

@testable import AlertUI

/// A monitor holding a window of the history shows only the log from the window's start, and says so.
struct LogFloorTests {
    @Test func theLiveLogStartsAtTheFloorAndItsTitleSaysSince() {
        var m = Fixture.model()
        let all = m.logRows.count
        let floor = Fixture.ts("2016-07-21T00:00:00Z")
        let kept = m.machine.log.filter { $0.time >= floor && $0.time <= Fixture.now }.count
        #expect(kept > 0 && kept < all)
        m.logFloor = floor
        #expect(m.logRows.count == kept)
        #expect(m.logRows.allSatisfy { m.machine.logEntry(at: $0).time >= floor })
        #expect(Fixture.frame(m).joined().contains("since 2016-07-21"))
        #expect(!Fixture.frame(Fixture.model()).joined().contains("since"))
    }

    @Test func anEmptyWindowSaysSinceWhenAndAFilterSaysItFiltered() {
        var m = Fixture.model()
        m.logFloor = Fixture.now.adding(seconds: 3_600)
        #expect(m.logRows.isEmpty)
        let floorDay = CivilDate(day: Fixture.now.adding(seconds: 3_600).utcDay).iso
        #expect(Fixture.frame(m).joined().contains("No changes since \(floorDay)."))
        _ = Model.update(&m, .key(.char("f")))
        #expect(Fixture.frame(m).joined().contains("No change matches the filter."))
    }
}
