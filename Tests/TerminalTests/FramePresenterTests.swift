import AlertUI
import Testing

@testable import Terminal

@Suite struct FramePresenterTests {
    func frame(_ w: Int, _ h: Int, _ lines: [(String, Role)]) -> CellBuffer {
        var b = CellBuffer(size: Size(width: w, height: h))
        for (y, (text, role)) in lines.enumerated() { b.put(text, at: Point(x: 0, y: y), role: role) }
        return b
    }

    @Test func firstFramePaintsEverything() {
        let term = FakeTerminal(width: 10, height: 3)
        var p = FramePresenter()
        p.present(frame(10, 3, [("Almaty", .levelRed)]), on: term)
        #expect(term.clears == 1)
        #expect(term.takeWrittenCells() == 30)
        #expect(term.rows == ["Almaty    ", "          ", "          "])
        #expect(term.flushes == 1)
    }

    @Test func onlyChangedCellsAreWritten() {
        let term = FakeTerminal(width: 10, height: 2)
        var p = FramePresenter()
        p.present(frame(10, 2, [("12:00:01", .logTime)]), on: term)
        _ = term.takeWrittenCells()
        p.present(frame(10, 2, [("12:00:02", .logTime)]), on: term)
        #expect(term.written.map(\.origin) == [Point(x: 7, y: 0)])
        #expect(term.takeWrittenCells() == 1)
        #expect(term.rows[0] == "12:00:02  ")
        #expect(term.clears == 1)
    }

    @Test func aRoleChangeAloneIsWritten() {
        let term = FakeTerminal(width: 6, height: 1)
        var p = FramePresenter()
        p.present(frame(6, 1, [("Aktau", .levelYellow)]), on: term)
        _ = term.takeWrittenCells()
        p.present(frame(6, 1, [("Aktau", .levelRed)]), on: term)
        #expect(term.written.map(\.role) == [.levelRed])
        #expect(term.takeWrittenCells() == 5)
    }

    @Test func anIdenticalFrameWritesNothingAndDoesNotFlush() {
        let term = FakeTerminal(width: 8, height: 2)
        var p = FramePresenter()
        let f = frame(8, 2, [("Астана", .text)])
        p.present(f, on: term)
        let flushes = term.flushes
        _ = term.takeWrittenCells()
        #expect(p.present(f, on: term) == 0)
        #expect(term.takeWrittenCells() == 0)
        #expect(term.flushes == flushes)
    }

    @Test func aCursorMoveAloneFlushes() {
        let term = FakeTerminal(width: 8, height: 3)
        var p = FramePresenter()
        var f = frame(8, 3, [("a", .text)])
        f.cursor = Point(x: 0, y: 1)
        p.present(f, on: term)
        f.cursor = Point(x: 0, y: 2)
        p.present(f, on: term)
        #expect(term.cursor == Point(x: 0, y: 2))
        #expect(term.flushes == 2)
        #expect(term.takeWrittenCells() == 24)
    }

    @Test func resizeRepaintsEveryCell() {
        let term = FakeTerminal(width: 10, height: 3)
        var p = FramePresenter()
        p.present(frame(10, 3, [("Almaty", .levelRed)]), on: term)
        _ = term.takeWrittenCells()
        term.resize(width: 6, height: 2)
        p.present(frame(6, 2, [("Almaty", .levelRed)]), on: term)
        #expect(term.clears == 2)
        #expect(term.takeWrittenCells() == 12)
        #expect(term.rows == ["Almaty", "      "])
    }

    @Test func invalidateRepaintsAtTheSameSize() {
        let term = FakeTerminal(width: 4, height: 2)
        var p = FramePresenter()
        let f = frame(4, 2, [("ab", .text)])
        p.present(f, on: term)
        _ = term.takeWrittenCells()
        p.invalidate()
        p.present(f, on: term)
        #expect(term.clears == 2)
        #expect(term.takeWrittenCells() == 8)
    }

    @Test func wideCharactersAreWrittenAsTheirLeadCellOnly() {
        let term = FakeTerminal(width: 6, height: 1)
        var p = FramePresenter()
        p.present(frame(6, 1, [("東京ab", .text)]), on: term)
        #expect(term.takeWrittenCells() == 4)
        #expect(term.rows == ["東京ab"])
        p.present(frame(6, 1, [("東大ab", .text)]), on: term)
        #expect(term.written.map(\.origin) == [Point(x: 2, y: 0)])
        #expect(term.takeWrittenCells() == 1)
        #expect(term.rows == ["東大ab"])
    }
}
