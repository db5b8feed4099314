import Testing

@testable import AlertCore

/// The byte writers' exact output (export and parse share them); numbers and dates as the String writers give them.
@Suite struct JSONBytesTests {
    /// Each string and its JSON text: quotes, backslashes, the short escapes, other control characters
    /// and DEL as `\u00xx`, U+2028/U+2029 escaped (JavaScript reads them as line ends), the rest as it is.
    static let quoted: [(String, String)] = [
        ("", #""""#), ("plain", #""plain""#), ("say \"hi\"", #""say \"hi\"""#), ("back\\slash", #""back\\slash""#),
        ("line\nbreak\r\ttab", #""line\nbreak\r\ttab""#),
        ("\u{1}\u{8}\u{C}\u{1F}\u{7F}", #""\u0001\u0008\u000c\u001f\u007f""#),
        ("в Алматы", #""в Алматы""#), ("a\u{2028}b\u{2029}c", #""a\u2028b\u2029c""#),
        ("\u{2027}\u{202A}", "\"\u{2027}\u{202A}\""), ("tail\"", #""tail\"""#), ("\"", #""\"""#),
        ("é\u{0}ü", #""é\u0000ü""#), ("\u{1F600} 😀", "\"\u{1F600} 😀\""),
    ]

    @Test(arguments: quoted)
    func quotedText(_ s: String, _ json: String) {
        var bytes: [UInt8] = []
        JSONBytes.appendQuoted(s, to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == json)
        var text = "x"
        JSONText.appendQuoted(s, to: &text)
        #expect(text == "x" + json)
    }

    @Test(arguments: [0, 7, 10, 99, 100, 2_800_866, -5, -1_000, Int.max, Int.min])
    func intMatchesString(_ v: Int) {
        var bytes: [UInt8] = []
        JSONBytes.appendInt(v, to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == String(v))
    }

    @Test(arguments: [
        Timestamp(year: 2016, month: 7, day: 18), Timestamp(year: 7, month: 1, day: 2),
        Timestamp(year: 12_345, month: 12, day: 31), Timestamp(seconds: -86_401, precision: .second),
        Timestamp(seconds: 1_468_852_200, precision: .minute, utcOffset: 6 * 3600),
        Timestamp(seconds: 1_468_852_205, precision: .second, utcOffset: -(5 * 3600 + 30 * 60)),
        Timestamp(seconds: 0, precision: .second),
    ])
    func isoMatchesTimestamp(_ t: Timestamp) {
        var bytes: [UInt8] = []
        JSONBytes.appendISO(t, to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == t.iso)
    }

    @Test(arguments: [0.0, 0.05, 0.1, 0.69, 0.9, 1.0, 0.123, 0.999, 12.5])
    func confidenceMatchesTwoDecimals(_ c: Double) {
        var bytes: [UInt8] = []
        TransitionRecord.appendTwoDecimals(c, to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == TransitionRecord.twoDecimals(c))
    }
}
