import AlertCore
import Testing

@testable import AlertUI

/// Text drawn in pieces must look exactly like the same text joined first.
struct TextPiecesTests {
    static let cases: [[String]] = [
        ["Board · ", "34000", " places · by ", "severity"],
        ["◆", " ", "YELLOW"],
        ["Almaty", " ", "Усть-Каменогорск", " KZ"],
        ["東京", "都", " 1002"],
        // A combining mark, a joiner, a regional-indicator pair and a prefix character meeting across pieces.
        ["Cafe", "\u{301} open"],
        ["👩", "\u{200D}💻 dev"],
        ["flag 🇰", "🇿🇰 x"],
        ["\u{600}", "1 2"],
        // Controls split across pieces, and empty pieces.
        ["Evil\u{1B}", "[31mCity\u{202E}", "", "\r", "\n!"],
        ["", "", "x"],
    ]

    @Test(arguments: cases)
    func piecesDrawAsTheirConcatenation(parts: [String]) {
        var pieces = TextPieces()
        for p in parts { pieces.append(p) }
        let joined = parts.joined()
        #expect(TextWidth.of(pieces) == TextWidth.of(joined))
        for width in 1...(TextWidth.of(joined) + 2) {
            var a = CellBuffer(size: Size(width: 40, height: 1))
            var b = a
            let na = a.put(pieces, at: Point(x: 1, y: 0), role: .text, maxWidth: width)
            let nb = b.put(joined, at: Point(x: 1, y: 0), role: .text, maxWidth: width)
            #expect(na == nb && a == b, "\(parts) in \(width) columns: \(a.textRows[0]) vs \(b.textRows[0])")
        }
    }

    @Test func morePiecesThanItHoldsAreKept() {
        var pieces = TextPieces()
        for i in 0..<20 { pieces.append(String(i)) }
        #expect(pieces.count == TextPieces.capacity)
        #expect(pieces.joined == (0..<20).map(String.init).joined())
    }

    @Test func asciiWidthMatchesGraphemeWidth() {
        // CR LF is one grapheme of no width; other controls take none either.
        #expect(TextWidth.of("a\r\nb") == 2)
        #expect(TextWidth.of("a\u{7F}\tb") == 2)
        #expect(TextWidth.of("plain ascii") == 11)
    }
}
