import Foundation
import TestSupport
import Testing

@testable import AlertCore

/// Random JSON Lines records, valid and broken, written the many ways JSON allows.
struct RecordGenerator {
    var rng: SeededRandom

    mutating func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &rng) < p }
    mutating func pick<T>(_ xs: [T]) -> T { xs[Int.random(in: 0..<xs.count, using: &rng)] }

    static let pieces: [String] = [
        "a", "Z", "Almaty", " ", "\t", "\n", "\"", "\\", "/", "\u{0}", "\u{1F}", "\u{7F}", "é", "e\u{301}",
        "Ё", "ß", "İ", "\u{3000}", "\u{A0}", "\u{2028}", "\u{FEFF}", "\u{200B}", "日本", "\u{1F600}", "\u{10FFFF}",
        "\u{FFFD}", "0", "-", ":", ",", "{", "}", "[", "]",
    ]

    mutating func text() -> String {
        var s = ""
        for _ in 0..<Int.random(in: 0...5, using: &rng) { s += pick(Self.pieces) }
        return s
    }

    /// `s` as a JSON string literal, choosing freely between raw characters and each escape form.
    mutating func quoted(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            let v = u.value
            let mustEscape = v < 0x20 || u == "\"" || u == "\\"
            if !mustEscape && !chance(0.15) {
                out.unicodeScalars.append(u)
                continue
            }
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n" where chance(0.5): out += "\\n"
            case "\t" where chance(0.5): out += "\\t"
            case "/" where chance(0.5): out += "\\/"
            default:
                var units: [UInt16] = []
                units.append(contentsOf: String(u).utf16)
                for unit in units {
                    var h = String(unit, radix: 16)
                    h = String(repeating: "0", count: 4 - h.count) + h
                    out += "\\u" + (chance(0.5) ? h.uppercased() : h)
                }
            }
        }
        return out + "\""
    }

    mutating func number() -> String {
        switch Int.random(in: 0..<12, using: &rng) {
        case 0: return String(Int.random(in: -1000...1000, using: &rng))
        case 1: return String(Int64.random(in: .min ... .max, using: &rng))
        case 2: return String(UInt64.random(in: 0 ... .max, using: &rng))
        case 3:
            return pick(["0", "-0", "-0.0", "1.0", "0.5", "1", "1E2", "1e-2", "2.5E+1", "1e400", "-1e400", "1e-400"])
        case 4: return String(format: "%.2f", Double.random(in: 0...1, using: &rng))
        case 5: return String(Double.random(in: -1e6...1e6, using: &rng))
        case 6:
            var s = String(Int.random(in: 1...9, using: &rng))
            for _ in 0..<Int.random(in: 10...30, using: &rng) { s += String(Int.random(in: 0...9, using: &rng)) }
            return s
        case 7:
            var s = "0."
            for _ in 0..<Int.random(in: 1...25, using: &rng) { s += String(Int.random(in: 0...9, using: &rng)) }
            return s + (chance(0.5) ? "e" + String(Int.random(in: -200...200, using: &rng)) : "")
        case 8:
            return pick(["9223372036854775807", "9223372036854775808", "-9223372036854775808", "18446744073709551616"])
        case 9: return pick(["1e20", "1.5", "1526384.0", "100000000000000000000.0", "12345678901234567890e-10"])
        case 10: return String(Double.random(in: 0...1, using: &rng))
        default: return String(Int.random(in: 0...3_000_000, using: &rng))
        }
    }

    mutating func timestamp() -> String {
        let y = Int.random(in: 1999...2030, using: &rng)
        let m = Int.random(in: 1...12, using: &rng)
        let d = Int.random(in: 1...31, using: &rng)
        var s = String(format: "%04d-%02d-%02d", y, m, d)
        switch Int.random(in: 0..<6, using: &rng) {
        case 0: break
        case 1:
            s += String(format: "T%02d:%02d", Int.random(in: 0...24, using: &rng), Int.random(in: 0...59, using: &rng))
        case 2:
            s += String(
                format: "T%02d:%02d:%02dZ", Int.random(in: 0...23, using: &rng), Int.random(in: 0...59, using: &rng),
                Int.random(in: 0...60, using: &rng))
        case 3:
            s += String(
                format: " %02d:%02d:%02d.123+%02d:%02d", Int.random(in: 0...23, using: &rng),
                Int.random(in: 0...59, using: &rng), Int.random(in: 0...59, using: &rng),
                Int.random(in: 0...19, using: &rng), pick([0, 30, 45]))
        case 4:
            s += String(
                format: "t%02d:%02d-0%d00  ", Int.random(in: 0...23, using: &rng), Int.random(in: 0...59, using: &rng),
                Int.random(in: 0...9, using: &rng))
        default:
            s = pick([
                "2016-07-18", "2016-7-18", "yesterday", "", "2016-07-18T10:00:00+06:00x", "2016-02-29", "2015-02-29",
            ])
        }
        return s
    }

    /// A value for a known field: usually the right type, sometimes not.
    mutating func value(for key: String) -> String {
        if chance(0.06) { return pick(["null", "true", "false", "[]", "{}", "[1,{\"a\":null}]", "3", "\"\""]) }
        switch key {
        case "city":
            return quoted(chance(0.8) ? pick(["Almaty", "Pānihāti", "Ust’-Kamenogorsk", "ALMATY", "日本"]) : text())
        case "level":
            return quoted(chance(0.85) ? pick(["red", "RED", "Yellow", "orange", "normal", "NORMAL", "rеd"]) : text())
        case "effective", "until", "reported": return quoted(timestamp())
        case "scope": return quoted(pick(["city", "region", "country", "Region", "town"]))
        case "kind": return quoted(pick(["declared", "raised", "lowered", "lifted", "extended", "Raised", "gone"]))
        case "place_id": return chance(0.8) ? number() : quoted(pick(["12", "+12", "-3", " 4", "x", "1e3"]))
        case "confidence": return chance(0.9) ? number() : quoted("0.5")
        case "country": return quoted(pick(["kz", "KZ", "Kz", "ß", "ﬀ", "", "us"]))
        default:
            return quoted(
                chance(0.7) ? pick(["a.txt", "https://x.example/1", "Authorities raised the level."]) : text())
        }
    }

    /// Any value, for unknown fields.
    mutating func anyValue(depth: Int = 0) -> String {
        switch Int.random(in: 0..<(depth > 3 ? 5 : 7), using: &rng) {
        case 0: return "null"
        case 1: return pick(["true", "false"])
        case 2, 3: return number()
        case 4: return quoted(text())
        case 5:
            let items = (0..<Int.random(in: 0...3, using: &rng)).map { _ in anyValue(depth: depth + 1) }
            return "[" + space() + items.joined(separator: space() + "," + space())
                + (chance(0.1) && !items.isEmpty ? "," : "") + "]"
        default:
            let items = (0..<Int.random(in: 0...3, using: &rng)).map { _ in
                quoted(pick(["a", "b", "a", text()])) + space() + ":" + anyValue(depth: depth + 1)
            }
            return "{" + items.joined(separator: ",") + (chance(0.1) && !items.isEmpty ? "," : "") + "}"
        }
    }

    mutating func space() -> String {
        chance(0.8) ? "" : pick([" ", "\t", "\r\n", "  "])
    }

    static let known = [
        "city", "place_id", "place_text", "country", "scope", "level", "scheme", "scheme_level", "kind", "effective",
        "until", "reported", "source", "evidence", "confidence",
    ]

    mutating func record() -> String {
        var keys = ["city", "level", "effective"].filter { _ in !chance(0.05) }
        for k in Self.known where !keys.contains(k) && chance(0.4) { keys.append(k) }
        for _ in 0..<Int.random(in: 0...2, using: &rng) {
            keys.append(pick(["x", "note", "tags", "é", "e\u{301}", text()]))
        }
        if chance(0.1) { keys.append(pick(keys)) }  // a repeated key
        keys.shuffle(using: &rng)
        let members = keys.map { k in
            let v = Self.known.contains(k) ? value(for: k) : anyValue()
            return space() + quoted(k) + space() + ":" + space() + v + space()
        }
        var line = "{" + members.joined(separator: ",") + (chance(0.05) ? "," : "") + "}"
        if chance(0.03) { line = "\u{FEFF}" + line }
        if chance(0.05) { line = space() + line + space() }
        return line
    }

    /// A small random edit of a line (on scalars, so the result stays valid UTF-8).
    mutating func mutate(_ line: String) -> String {
        var u = Array(line.unicodeScalars)
        guard !u.isEmpty else { return "{" }
        let k = Int.random(in: 0..<u.count, using: &rng)
        switch Int.random(in: 0..<5, using: &rng) {
        case 0: u.remove(at: k)
        case 1: u.insert(pick(Array("{}[]\",:\\ 0e.-tn\u{FEFF}".unicodeScalars)), at: k)
        case 2: u = Array(u[..<k])
        case 3: u[k] = pick(Array("\"\\x0,}]u".unicodeScalars))
        default: u.insert(contentsOf: u[k..<min(u.count, k + 5)], at: k)
        }
        var s = ""
        s.unicodeScalars.append(contentsOf: u)
        return s
    }
}

@Suite struct RecordDecoderPropertyTests {
    @Test(arguments: [1, 2, 3, 4] as [UInt64]) func fastAndReferenceAgreeOnRandomLines(seed: UInt64) {
        var g = RecordGenerator(rng: SeededRandom(seed: seed))
        var decoder = RecordDecoder()
        var decoded = 0
        var failed = 0
        for n in 0..<2500 {
            var line = g.record()
            if n % 3 == 1 { line = g.mutate(line) }
            if n % 9 == 2 { line = g.mutate(g.mutate(line)) }
            let r = reference(line, ordinal: n)
            let f: Result<Transition, RecordError>
            do throws(RecordError) {
                f = .success(try decoder.decode(line: line, ordinal: n, defaultSource: "in.jsonl"))
            } catch {
                f = .failure(error)
            }
            if case .success = r { decoded += 1 } else { failed += 1 }
            let same = outcome(f) == outcome(r)
            #expect(same, "seed \(seed) line \(n): \(line.debugDescription)\nfast: \(outcome(f))\nref:  \(outcome(r))")
            if !same { return }
        }
        // Both kinds must be well represented, or the comparison proves little.
        #expect(decoded > 150)
        #expect(failed > 300)
    }

    @Test func numbersConvertAsJSONSerializationDoes() {
        var g = RecordGenerator(rng: SeededRandom(seed: 99))
        for _ in 0..<3000 {
            let n = g.number()
            let line = "{\"x\":\(n)}"
            let ref = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            let expected = (ref?["x"] as? NSNumber).map { String($0.doubleValue.bitPattern, radix: 16) } ?? "refused"
            let got = line.utf8.withContiguousStorageIfAvailable { b -> String in
                var s = JSONScanner(b)
                s.i = 5
                return (try? s.number())?.map { String($0.doubleValue.bitPattern, radix: 16) } ?? "refused"
            }
            #expect(got == expected, "\(n)")
        }
    }

    /// The scanner reads strings eight bytes at a time: a stop byte at every offset of a word must be found.
    @Test func stringStopsAreFoundAtEveryOffset() {
        // The closing quote itself moves through every offset as `before` grows.
        let stops = ["\\n", "\\u00e9", "\u{1}", "\u{1F}", "\u{7F}", "é", "\u{1F600}", " "]
        for stop in stops {
            for before in 0..<20 {
                for after in [0, 1, 7, 8, 9, 16] {
                    let body = String(repeating: "a", count: before) + stop + String(repeating: "b", count: after)
                    let line = "{\"x\":\"" + body + "\",\"y\":1}"
                    let ref = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
                    let got = line.utf8.withContiguousStorageIfAvailable { b -> String? in
                        var s = JSONScanner(b)
                        s.i = 5
                        guard let span = try? s.string() else { return nil }
                        var out: [UInt8] = []
                        s.unescape(span, into: &out)
                        return String(decoding: out, as: UTF8.self)
                    }
                    #expect((got ?? nil) == (ref?["x"] as? String), "\(line.debugDescription)")
                }
            }
        }
    }

    /// Short decimals take a shortcut that must give the double the general rule gives (`Double(text)` for them).
    @Test func shortDecimalsReadAsDoubleDoes() {
        var rng = SeededRandom(seed: 5)
        for _ in 0..<20_000 {
            let whole = Int.random(in: 0...7, using: &rng)
            let fraction = Int.random(in: 1...15, using: &rng)
            var text = Bool.random(using: &rng) ? "-" : ""
            text += whole == 0 ? "0" : String(Int.random(in: 1...9, using: &rng))
            for _ in 1..<max(whole, 1) { text += String(Int.random(in: 0...9, using: &rng)) }
            text += "."
            for _ in 0..<fraction { text += String(Int.random(in: 0...9, using: &rng)) }
            let got = text.utf8.withContiguousStorageIfAvailable { JSONNumber.parse($0) } ?? nil
            let reference = JSONNumber.slowParse(text)
            #expect(got?.doubleValue.bitPattern == reference?.doubleValue.bitPattern, "\(text)")
            if text.count <= 16 { #expect(got?.doubleValue.bitPattern == Double(text)!.bitPattern, "\(text)") }
        }
    }
}
