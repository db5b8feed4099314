import Foundation
import Testing

@testable import AlertCore

/// Everything a decode produced, in one comparable string: the stable encoding plus what it rounds away.
func outcome(_ r: Result<Transition, RecordError>) -> String {
    switch r {
    case .failure(let e): return "error: " + e.reason
    case .success(let t):
        var s = TransitionRecord.encode(t)
        s += " confidence-bits=\(t.confidence.map { String($0.bitPattern, radix: 16) } ?? "-")"
        s += " ordinal=\(t.ordinal)"
        return s
    }
}

func reference(_ line: String, ordinal: Int = 7) -> Result<Transition, RecordError> {
    do throws(RecordError) {
        return .success(try TransitionRecord.decode(line: line, ordinal: ordinal, defaultSource: "in.jsonl"))
    } catch {
        return .failure(error)
    }
}

func fast(_ line: String, ordinal: Int = 7) -> Result<Transition, RecordError> {
    var d = RecordDecoder()
    do throws(RecordError) {
        return .success(try d.decode(line: line, ordinal: ordinal, defaultSource: "in.jsonl"))
    } catch {
        return .failure(error)
    }
}

@Suite struct RecordDecoderTableTests {
    static let base = #""city":"Almaty","level":"red","effective":"2016-07-18T10:00:00+06:00""#

    /// Lines and the outcome expected from both decoders: nil means "decodes", else the reason.
    static let cases: [(String, String?)] = [
        ("{\(base)}", nil),
        ("\u{FEFF}{\(base)}", nil),
        ("\u{FEFF} {\(base)}", nil),
        (" \u{FEFF}{\(base)}", "not valid JSON"),
        (" \t\r\n{\(base)} \t\r\n", nil),
        ("\u{0B}{\(base)}", "not valid JSON"),
        ("\u{A0}{\(base)}", "not valid JSON"),
        ("{\(base),}", nil),
        ("{\(base),,}", "not valid JSON"),
        ("{,\(base)}", "not valid JSON"),
        ("{\(base),\"x\":[1,]}", nil),
        ("{\(base),\"x\":[,]}", "not valid JSON"),
        ("{\(base)} x", "not valid JSON"),
        ("{\(base)}{}", "not valid JSON"),
        ("{\(base)", "not valid JSON"),
        ("", "not valid JSON"),
        ("[]", "not a JSON object"),
        ("[1,2]", "not a JSON object"),
        ("[1,", "not valid JSON"),
        ("\"x\"", "not valid JSON"),
        ("1", "not valid JSON"),
        ("null", "not valid JSON"),
        ("{}", "missing \"city\""),
        ("{\(base),\"x\":\"\\ud800\"}", "not valid JSON"),
        ("{\(base),\"x\":\"\\udc00\"}", "not valid JSON"),
        ("{\(base),\"x\":\"\\ud800\\u0041\"}", "not valid JSON"),
        ("{\(base),\"x\":\"\\ud83d\\ude00\"}", nil),
        ("{\(base),\"x\":\"\\uD83D\\uDE00\"}", nil),
        ("{\(base),\"x\":\"\\x\"}", "not valid JSON"),
        ("{\(base),\"x\":\"\\u12G4\"}", "not valid JSON"),
        ("{\(base),\"x\":\"a\u{1}b\"}", "not valid JSON"),
        ("{\(base),\"x\":\"a\tb\"}", "not valid JSON"),
        ("{\(base),\"x\":\"a\u{7F}\u{2028}b\"}", nil),
        ("{\(base),\"x\":01}", "not valid JSON"),
        ("{\(base),\"x\":-01}", "not valid JSON"),
        ("{\(base),\"x\":1.}", "not valid JSON"),
        ("{\(base),\"x\":.5}", "not valid JSON"),
        ("{\(base),\"x\":1e}", "not valid JSON"),
        ("{\(base),\"x\":+1}", "not valid JSON"),
        ("{\(base),\"x\":1e400}", "not valid JSON"),
        ("{\(base),\"x\":1e-400}", nil),
        ("{\(base),\"x\":1e400,\"x\":1}", nil),  // JSONSerialization converts numbers after dropping repeats
        ("{\(base),\"x\":1,\"x\":[1e400]}", "not valid JSON"),
        ("{\(base),\"x\":{\"y\":-1e400,\"y\":2}}", nil),
        ("{\"level\":1e400,\(base)}", nil),
        ("[1e400]", "not valid JSON"),
        ("{\(base),\"x\":-0.0e5}", nil),
        ("{\(base),\"x\":1E+2}", nil),
        ("{\(base),\"x\":123456789012345678901234567890}", nil),
        ("{\(base),\"x\":0.30000000000000004}", nil),
        ("{\(base),\"x\":tru}", "not valid JSON"),
        ("{\(base),\"x\":truex}", "not valid JSON"),
        ("{\(base),\"x\":NaN}", "not valid JSON"),
        ("{\(base),\"x\":{\"a\":1,\"a\":2}}", nil),
        ("{\(base),\"x\":" + String(repeating: "[", count: 511) + String(repeating: "]", count: 511) + "}", nil),
        (
            "{\(base),\"x\":" + String(repeating: "[", count: 512) + String(repeating: "]", count: 512) + "}",
            "not valid JSON"
        ),
        ("{\(base),\"city\":\"Astana\"}", nil),
        ("{\(base),\"city\":5}", "\"city\" must be a string"),
        ("{\(base),\"city\":\" \u{3000}\\t\"}", "missing \"city\""),
        ("{\(base),\"city\":null}", "missing \"city\""),
        ("{\(base),\"level\":\"ORANGE\"}", nil),
        ("{\(base),\"level\":\"purple\"}", "\"level\" must be normal, yellow, orange or red, not purple"),
        ("{\(base),\"level\":true}", "\"level\" must be a string"),
        ("{\(base),\"effective\":\"2016-02-30\"}", "\"effective\" is not an ISO 8601 date or date-time: 2016-02-30"),
        ("{\(base),\"effective\":\"2016\\u002d07-18 \"}", nil),
        ("{\(base),\"scope\":\"Region\"}", "\"scope\" must be city, region or country, not Region"),
        (
            "{\(base),\"kind\":\"raised\",\"kind\":\"rose\"}",
            "\"kind\" must be declared, raised, lowered, lifted or extended, not rose"
        ),
        ("{\(base),\"place_id\":1526384}", nil),
        ("{\(base),\"place_id\":\"1526384\"}", nil),
        ("{\(base),\"place_id\":5.0}", nil),
        ("{\(base),\"place_id\":1e3}", nil),
        ("{\(base),\"place_id\":5.5}", "\"place_id\" must be an integer"),
        ("{\(base),\"place_id\":true}", "\"place_id\" must be an integer"),
        ("{\(base),\"place_id\":1e20}", "\"place_id\" must be an integer"),
        ("{\(base),\"place_id\":9223372036854775807}", nil),
        ("{\(base),\"place_id\":9223372036854775808}", "\"place_id\" must be an integer"),
        ("{\(base),\"confidence\":0.62}", nil),
        ("{\(base),\"confidence\":1.5}", "\"confidence\" must be a number from 0 to 1"),
        ("{\(base),\"confidence\":\"0.5\"}", "\"confidence\" must be a number from 0 to 1"),
        ("{\(base),\"until\":\"2016-07-01\"}", "\"until\" is before \"effective\""),
        ("{\(base),\"country\":\"kz\"}", nil),
        ("{\(base),\"country\":\"ß\"}", nil),
        ("{\(base),\"source\":[1]}", "\"source\" must be a string"),
        ("{\(base),\"evidence\":{}}", "\"evidence\" must be a string"),
        ("{\(base),\"ci\\u0074y\":\"Taraz\"}", nil),
        ("{\(base),\"\u{FEFF}city\":\"Taraz\"}", nil),
        ("{\(base),\"x\":\"\u{FEFF}a\\n\u{FEFF}\u{FEFF}b\u{FEFF}\"}", nil),
        ("{\(base),\"\u{E9}\":1,\"e\u{301}\":2}", nil),
        ("{\(base)}\u{0}", "not valid JSON"),
        ("{\u{0}}\u{0}", "missing \"city\""),  // JSONSerialization reads this as UTF-16: an empty object
    ]

    @Test(arguments: 0..<cases.count) func bothDecodersGiveTheExpectedOutcome(_ k: Int) {
        let (line, expected) = Self.cases[k]
        let r = reference(line)
        let f = fast(line)
        #expect(outcome(f) == outcome(r), "line \(k): \(line.debugDescription)")
        switch (f, expected) {
        case (.success, nil): break
        case (.failure(let e), let reason?): #expect(e.reason == reason, "line \(k)")
        default: Issue.record("line \(k): expected \(expected ?? "success"), got \(outcome(f))")
        }
    }

    @Test func fieldsComeThroughExactly() throws {
        let line =
            #"{"city":"Ust\u2019-Kamenogorsk","place_id":"#
            + #"1520316,"country":"kz","scope":"region","level":"Yellow","kind":"lowered","#
            + #""effective":"2016-07-18T10:00+0600","until":"2016-08-01","reported":"2016-07-18 12:30:05.25Z","#
            + #""source":"a\/b.txt","evidence":"Line\nbreak \"quoted\" \ud83d\ude00","confidence":0.8,"#
            + #""scheme":"kz","scheme_level":"жёлтый","extra":{"n":[1,true,null,"s",-2.5e-1]}}"#
        var d = RecordDecoder()
        let t = try d.decode(line: line, ordinal: 3)
        #expect(t.city == "Ust\u{2019}-Kamenogorsk")
        #expect(t.placeID == 1_520_316)
        #expect(t.country == "KZ")
        #expect(t.scope == .region)
        #expect(t.level == .yellow)
        #expect(t.kind == .lowered)
        #expect(t.effective.iso == "2016-07-18T10:00:00+06:00")
        #expect(t.effective.precision == .minute)
        #expect(t.until?.iso == "2016-08-01")
        #expect(t.reported?.iso == "2016-07-18T12:30:05Z")
        #expect(t.source == "a/b.txt")
        #expect(t.evidence == "Line\nbreak \"quoted\" \u{1F600}")
        #expect(t.confidence == 0.8)
        #expect(t.schemeLevel == "жёлтый")
        #expect(
            t.extra == [
                "extra": .object(["n": .array([.number(1), .bool(true), .null, .string("s"), .number(-0.25)])])
            ])
        #expect(t.ordinal == 3)
        #expect(outcome(.success(t)) == outcome(reference(line, ordinal: 3)))
    }

    @Test func aMissingSourceTakesTheDefault() throws {
        var d = RecordDecoder()
        #expect(try d.decode(line: "{\(Self.base)}", defaultSource: "feed.jsonl").source == "feed.jsonl")
    }
}
