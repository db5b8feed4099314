import Testing

@testable import AlertUI

struct WidthTests {
    @Test(arguments: [
        ("Almaty", 6), ("Алматы", 6), ("東京", 4), ("서울", 4), ("ＡＢ", 4), ("e\u{301}", 1), ("👍", 2),
        ("🇰🇿", 2), ("⚠\u{FE0F}", 1), ("● ▲ ◆ ·", 7), ("a\u{200B}b", 2), ("👨‍👩‍👧", 2),
    ])
    func widths(_ s: String, _ w: Int) {
        #expect(TextWidth.of(s) == w, "\(s)")
    }

    func row(_ text: String, width: Int, max: Int = .max) -> (String, Int) {
        var b = CellBuffer(size: Size(width: width, height: 1))
        let n = b.put(text, at: Point(x: 0, y: 0), role: .text, maxWidth: max)
        return (b.textRows[0], n)
    }

    @Test func truncatesWithEllipsis() {
        #expect(row("Almaty Region", width: 8) == ("Almaty …", 8))
        #expect(row("Almaty", width: 8) == ("Almaty  ", 6))
        #expect(row("Алматинская область", width: 10, max: 6) == ("Алмат…    ", 6))
    }

    @Test func neverSplitsAWideCharacter() {
        // 東京都 is 6 columns; in 4 the second glyph cannot fit beside the ellipsis.
        var b = CellBuffer(size: Size(width: 4, height: 1))
        b.put("東京都", at: Point(x: 0, y: 0), role: .text)
        #expect(b.textRows[0] == "東 …")
        #expect(b.cells.map(\.width) == [2, 0, 1, 1])
        #expect(row("東京", width: 4).0 == "東京")
        #expect(row("東京", width: 3).0 == "東…")
    }

    @Test func overwritingHalfAWideCharacterBlanksTheOtherHalf() {
        var b = CellBuffer(size: Size(width: 4, height: 1))
        b.put("東京", at: Point(x: 0, y: 0), role: .text)
        b.put("x", at: Point(x: 1, y: 0), role: .dim)
        #expect(b.textRows[0] == " x京")
        #expect(b.cells.map(\.width) == [1, 1, 2, 0])
    }

    @Test func sanitisesControlsAndBidi() {
        let (text, _) = row("a\u{1B}[31mb\u{202E}c\u{07}", width: 30)
        #expect(text.hasPrefix("a␛[31mb⟦bidi⟧c␇"))
        #expect(!text.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x202E })
    }

    @Test func loneMarkSitsOnADottedCircle() {
        let (text, n) = row("\u{301}x", width: 4)
        #expect(n == 2 && text.hasPrefix("◌\u{301}x"))
    }

    @Test func cyrillicCjkAndEmojiAlignInColumns() {
        var b = CellBuffer(size: Size(width: 12, height: 4))
        for (i, name) in ["Almaty", "Алматы", "東京", "👍ok"].enumerated() {
            b.column(name, x: 0, y: i, width: 8, role: .text)
            b.put("|", at: Point(x: 8, y: i), role: .border)
        }
        for r in b.textRows { #expect(TextWidth.of(String(r.prefix { $0 != "|" })) == 8) }
    }

    @Test func diffEmitsOnlyChangedRuns() {
        var a = CellBuffer(size: Size(width: 10, height: 2))
        a.put("hello", at: Point(x: 0, y: 0), role: .text)
        var b = a
        b.put("J", at: Point(x: 0, y: 0), role: .text)
        b.put("東", at: Point(x: 6, y: 1), role: .dim)
        let runs = CellBuffer.diff(a, b)
        #expect(runs.map(\.origin) == [Point(x: 0, y: 0), Point(x: 6, y: 1)])
        #expect(runs.map(\.text) == ["J", "東"])
        #expect(runs[1].width == 2)
        #expect(CellBuffer.diff(b, b).isEmpty)
        let resized = CellBuffer(size: Size(width: 5, height: 1))
        #expect(CellBuffer.diff(b, resized).reduce(0) { $0 + $1.width } == 5)
    }

    @Test func wrapKeepsWordsAndCutsLongOnes() {
        #expect(Wrap.lines("the red level in Almaty", width: 10) == ["the red", "level in", "Almaty"])
        #expect(Wrap.lines("東京東京東京", width: 5) == ["東京", "東京", "東京"])
    }
}
