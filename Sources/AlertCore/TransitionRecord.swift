import Foundation

/// Why a JSON Lines record was refused.
public struct RecordError: Error, Sendable, Equatable, CustomStringConvertible {
    public var reason: String
    public init(_ reason: String) { self.reason = reason }
    public var description: String { reason }
}

/// The JSON Lines record of EVENTS.md: decoding with validation, encoding in a stable field order.
public enum TransitionRecord {
    static let known: Set<String> = [
        "city", "place_id", "place_text", "country", "scope", "level", "scheme", "scheme_level",
        "kind", "effective", "until", "reported", "source", "evidence", "confidence",
    ]

    /// Decodes one line. `requireSource` is for `parse` output; `import` accepts records without one.
    public static func decode(line: some StringProtocol, ordinal: Int = 0, defaultSource: String = "")
        throws(RecordError) -> Transition
    {
        let data = Data(line.utf8)
        let any: Any
        do {
            any = try JSONSerialization.jsonObject(with: data, options: [])
        } catch {
            throw RecordError("not valid JSON")
        }
        guard let obj = any as? [String: Any] else { throw RecordError("not a JSON object") }
        return try decode(object: obj, ordinal: ordinal, defaultSource: defaultSource)
    }

    /// Decodes a parsed JSON object.
    public static func decode(object obj: [String: Any], ordinal: Int = 0, defaultSource: String = "")
        throws(RecordError) -> Transition
    {
        func string(_ k: String) throws(RecordError) -> String? {
            guard let v = obj[k], !(v is NSNull) else { return nil }
            guard let s = v as? String else { throw RecordError("\"\(k)\" must be a string") }
            return s
        }
        func time(_ k: String) throws(RecordError) -> Timestamp? {
            guard let s = try string(k) else { return nil }
            guard let t = Timestamp(iso: s) else {
                throw RecordError("\"\(k)\" is not an ISO 8601 date or date-time: \(s)")
            }
            return t
        }
        guard let city = try string("city"), !city.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw RecordError("missing \"city\"")
        }
        guard let levelText = try string("level") else { throw RecordError("missing \"level\"") }
        guard let level = Level(name: levelText) else {
            throw RecordError("\"level\" must be normal, yellow, orange or red, not \(levelText)")
        }
        guard let effective = try time("effective") else { throw RecordError("missing \"effective\"") }
        var scope = Scope.city
        if let s = try string("scope") {
            guard let v = Scope(rawValue: s) else {
                throw RecordError("\"scope\" must be city, region or country, not \(s)")
            }
            scope = v
        }
        var kind: TransitionKind?
        if let s = try string("kind") {
            guard let v = TransitionKind(rawValue: s) else {
                throw RecordError("\"kind\" must be declared, raised, lowered, lifted or extended, not \(s)")
            }
            kind = v
        }
        var placeID: Int?
        if let v = obj["place_id"], !(v is NSNull) {
            if let n = v as? NSNumber, let i = integer(n) {
                placeID = i
            } else if let s = v as? String, let n = Int(s) {
                placeID = n
            } else {
                throw RecordError("\"place_id\" must be an integer")
            }
        }
        var confidence: Double?
        if let v = obj["confidence"], !(v is NSNull) {
            guard let n = v as? NSNumber, n.objCType.pointee != 0x63, (0...1).contains(n.doubleValue) else {
                throw RecordError("\"confidence\" must be a number from 0 to 1")
            }
            confidence = n.doubleValue
        }
        let until = try time("until")
        if let until, until < effective { throw RecordError("\"until\" is before \"effective\"") }
        var extra: [String: JSONValue] = [:]
        for (k, v) in obj where !known.contains(k) { extra[k] = JSONValue(any: v) }
        return Transition(
            city: city, placeID: placeID, placeText: try string("place_text"),
            country: try string("country")?.uppercased(),
            scope: scope, level: level, scheme: try string("scheme"), schemeLevel: try string("scheme_level"),
            kind: kind, effective: effective, until: until, reported: try time("reported"),
            source: try string("source") ?? defaultSource, evidence: try string("evidence"),
            confidence: confidence, extra: extra, ordinal: ordinal)
    }

    /// An NSNumber from JSONSerialization as an Int: not a boolean, integral and in range (no silent wrapping).
    static func integer(_ n: NSNumber) -> Int? {
        switch n.objCType.pointee {
        case 0x63: return nil  // "c": a JSON true or false
        case 0x51: return n.uint64Value <= UInt64(Int.max) ? Int(n.uint64Value) : nil  // "Q"
        case 0x64, 0x66: return Int(exactly: n.doubleValue)  // "d", "f" (NSDecimalNumber too)
        default: return n.intValue
        }
    }

    /// `String(format: "%.2f", c)` without Foundation's formatter for the usual confidences
    /// (a whole number of hundredths, give or take rounding noise); anything else goes to it.
    static func twoDecimals(_ c: Double) -> String {
        let x = c * 100
        let r = x.rounded()
        guard c >= 0, c < 1e6, abs(x - r) < 1e-6 else { return String(format: "%.2f", c) }
        let n = Int(r)
        let frac = n % 100
        return String(n / 100) + (frac < 10 ? ".0" : ".") + String(frac)
    }

    /// One JSON line (no newline), as `encode(_:into:)` writes it.
    public static func encode(_ t: Transition) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(512)
        encode(t, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends one JSON line (no newline) in the EVENTS.md field order; absent fields are left out.
    public static func encode(_ t: Transition, into out: inout [UInt8]) {
        out.append(0x7B)
        var first = true
        func key(_ k: StaticString) {
            if !first { out.append(0x2C) }
            first = false
            out.append(0x22)
            out.append(contentsOf: UnsafeBufferPointer(start: k.utf8Start, count: k.utf8CodeUnitCount))
            out.append(contentsOf: [0x22, 0x3A])
        }
        func str(_ k: StaticString, _ v: String?) {
            guard let v else { return }
            key(k)
            JSONBytes.appendQuoted(v, to: &out)
        }
        func time(_ k: StaticString, _ v: Timestamp?) {
            guard let v else { return }
            key(k)
            out.append(0x22)
            JSONBytes.appendISO(v, to: &out)
            out.append(0x22)
        }
        str("city", t.city)
        if let id = t.placeID {
            key("place_id")
            JSONBytes.appendInt(id, to: &out)
        }
        str("place_text", t.placeText)
        str("country", t.country)
        if t.scope != .city { str("scope", t.scope.rawValue) }
        str("level", t.level.name)
        str("scheme", t.scheme)
        str("scheme_level", t.schemeLevel)
        str("kind", t.kind?.rawValue)
        time("effective", t.effective)
        time("until", t.until)
        time("reported", t.reported)
        str("source", t.source)
        str("evidence", t.evidence)
        if let c = t.confidence {
            key("confidence")
            appendTwoDecimals(c, to: &out)
        }
        if !t.extra.isEmpty {
            for k in t.extra.keys.sorted() {
                if !first { out.append(0x2C) }
                first = false
                JSONBytes.appendQuoted(k, to: &out)
                out.append(0x3A)
                var text = ""
                t.extra[k]!.write(to: &text)
                JSONBytes.appendRaw(text, to: &out)
            }
        }
        out.append(0x7D)
    }

    /// `twoDecimals` written straight into the buffer for the usual confidences.
    static func appendTwoDecimals(_ c: Double, to out: inout [UInt8]) {
        let x = c * 100
        let r = x.rounded()
        guard c >= 0, c < 1e6, abs(x - r) < 1e-6 else { return JSONBytes.appendRaw(twoDecimals(c), to: &out) }
        let n = Int(r)
        JSONBytes.appendInt(n / 100, to: &out)
        out.append(0x2E)
        JSONBytes.append2(n % 100, to: &out)
    }
}
