import TestSupport
import Testing

@testable import AlertCore

@Suite struct UTF8CheckTests {
    func check(_ bytes: [UInt8]) -> Bool { bytes.withUnsafeBufferPointer { UTF8Check.isValid($0) } }

    @Test func knownCases() {
        #expect(check([]))
        #expect(check(Array("plain ASCII text, longer than eight bytes".utf8)))
        #expect(check(Array("Алматы — 日本 \u{1F600} \u{10FFFF}".utf8)))
        #expect(!check([0x80]))
        #expect(!check([0xC0, 0x80]))  // overlong NUL
        #expect(!check([0xE0, 0x80, 0x80]))  // overlong
        #expect(!check([0xED, 0xA0, 0x80]))  // a surrogate
        #expect(!check([0xF4, 0x90, 0x80, 0x80]))  // past U+10FFFF
        #expect(!check(Array("abcdefgh".utf8) + [0xE2, 0x82]))  // cut short
        #expect(!check([0xFF]))
    }

    @Test func agreesWithTheStandardLibraryOnRandomBytes() {
        var rng = SeededRandom(seed: 5)
        let alphabet: [UInt8] = [
            0x41, 0x7F, 0x80, 0xBF, 0xC0, 0xC2, 0xDF, 0xE0, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xA0, 0x90, 0x8F,
        ]
        var invalid = 0
        for _ in 0..<20000 {
            let n = Int.random(in: 0...12, using: &rng)
            let bytes = (0..<n).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &rng)] }
            let expected = String(validating: bytes, as: UTF8.self) != nil
            if !expected { invalid += 1 }
            #expect(check(bytes) == expected, "\(bytes)")
        }
        #expect(invalid > 1000 && invalid < 19000)
    }
}
