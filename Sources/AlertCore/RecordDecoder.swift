import Foundation

/// Decodes JSON Lines records straight from UTF-8 bytes: the import path's decoder.
///
/// It returns the same `Transition`, or the same `RecordError` reason, as `TransitionRecord.decode(line:)`
/// (the reference, built on JSONSerialization) for every line, including JSONSerialization's leniencies:
/// a trailing comma before `}` or `]`, one leading byte-order mark, a repeated key keeping its last value,
/// and a byte-order mark dropped where a string or the text after an escape begins. Lines holding a NUL byte
/// go to the reference itself, since JSONSerialization may read those as UTF-16 or UTF-32.
///
/// One decoder per thread: it keeps scratch buffers between records.
public struct RecordDecoder {
    private var scratch: [UInt8] = []
    private var slots = [Slot](repeating: .absent, count: Field.allCases.count)

    public init() {}

    /// A known field's value as found: strings stay byte ranges until a check needs them.
    enum Slot {
        case absent, null, bool, container
        case string(JSONStringSpan)
        case number(JSONNumber)
        /// A number JSONSerialization cannot represent, or a container holding one: fatal if it stays.
        case poisoned
    }

    enum Field: Int, CaseIterable {
        case city, placeID, placeText, country, scope, level, scheme, schemeLevel, kind, effective, until
        case reported, source, evidence, confidence

        var key: String {
            switch self {
            case .city: "city"
            case .placeID: "place_id"
            case .placeText: "place_text"
            case .country: "country"
            case .scope: "scope"
            case .level: "level"
            case .scheme: "scheme"
            case .schemeLevel: "scheme_level"
            case .kind: "kind"
            case .effective: "effective"
            case .until: "until"
            case .reported: "reported"
            case .source: "source"
            case .evidence: "evidence"
            case .confidence: "confidence"
            }
        }

        /// The field a key's UTF-8 names, if any.
        static func named(_ p: UnsafePointer<UInt8>, _ n: Int) -> Field? {
            @inline(__always) func eq(_ s: StaticString) -> Bool {
                s.utf8CodeUnitCount == n && memcmp(p, s.utf8Start, n) == 0
            }
            switch n {
            case 4: return eq("city") ? .city : eq("kind") ? .kind : nil
            case 5: return eq("level") ? .level : eq("scope") ? .scope : eq("until") ? .until : nil
            case 6: return eq("source") ? .source : eq("scheme") ? .scheme : nil
            case 7: return eq("country") ? .country : nil
            case 8: return eq("place_id") ? .placeID : eq("reported") ? .reported : eq("evidence") ? .evidence : nil
            case 9: return eq("effective") ? .effective : nil
            case 10: return eq("place_text") ? .placeText : eq("confidence") ? .confidence : nil
            case 12: return eq("scheme_level") ? .schemeLevel : nil
            default: return nil
            }
        }
    }

    /// Decodes one line (without its newline). `bytes` must be valid UTF-8.
    public mutating func decode(
        _ bytes: UnsafeBufferPointer<UInt8>, ordinal: Int = 0, defaultSource: String = ""
    ) throws(RecordError) -> Transition {
        if let base = bytes.baseAddress, memchr(base, 0, bytes.count) != nil {
            return try TransitionRecord.decode(
                line: String(decoding: bytes, as: UTF8.self), ordinal: ordinal, defaultSource: defaultSource)
        }
        for k in slots.indices { slots[k] = .absent }
        var s = JSONScanner(bytes)
        var extra: [String: JSONValue] = [:]
        var poisonedExtra = PoisonedKeys()
        var isArray = false
        do throws(JSONSyntaxError) {
            s.skipByteOrderMark()
            s.skipSpace()
            switch s.at(s.i) {
            case 0x7B:
                try s.members(depth: 0) { (s: inout JSONScanner, key: JSONStringSpan) throws(JSONSyntaxError) in
                    try member(&s, key, &extra, &poisonedExtra)
                }
                if poisonedExtra.any || slots.contains(where: { if case .poisoned = $0 { true } else { false } }) {
                    throw JSONSyntaxError()
                }
            case 0x5B:
                var poisoned = false
                _ = try s.array(depth: 0, scratch: &scratch, poisoned: &poisoned)
                if poisoned { throw JSONSyntaxError() }
                isArray = true
            default: throw JSONSyntaxError()
            }
            try s.finish()
        } catch {
            throw RecordError("not valid JSON")
        }
        if isArray { throw RecordError("not a JSON object") }
        return try validate(s, extra: extra, ordinal: ordinal, defaultSource: defaultSource)
    }

    /// Decodes one line of text.
    public mutating func decode(line: some StringProtocol, ordinal: Int = 0, defaultSource: String = "")
        throws(RecordError) -> Transition
    {
        var text = String(line)
        let result = text.withUTF8 { b -> Result<Transition, RecordError> in
            do throws(RecordError) {
                return .success(try decode(b, ordinal: ordinal, defaultSource: defaultSource))
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    private mutating func member(
        _ s: inout JSONScanner, _ key: JSONStringSpan, _ extra: inout [String: JSONValue],
        _ poisonedExtra: inout PoisonedKeys
    ) throws(JSONSyntaxError) {
        let field: Field?
        if key.needsWork {
            scratch.removeAll(keepingCapacity: true)
            s.unescape(key, into: &scratch)
            field = scratch.withUnsafeBufferPointer { Field.named($0.baseAddress ?? s.base, $0.count) }
        } else {
            field = Field.named(s.base + key.start, key.end - key.start)
        }
        guard let field else {
            let k = s.text(key, scratch: &scratch)
            var poisoned = false
            extra[k] = try s.value(depth: 1, scratch: &scratch, poisoned: &poisoned)
            poisonedExtra.set(k, poisoned)
            return
        }
        s.skipSpace()
        let slot: Slot
        switch s.at(s.i) {
        case 0x22: slot = .string(try s.string())
        case 0x2D, 0x30...0x39: slot = try s.number().map(Slot.number) ?? .poisoned
        case 0x6E:
            try s.literal("null")
            slot = .null
        case 0x74, 0x66:
            try s.literal(s.at(s.i) == 0x74 ? "true" : "false")
            slot = .bool
        default:
            var poisoned = false
            _ = try s.value(depth: 1, scratch: &scratch, poisoned: &poisoned)
            slot = poisoned ? .poisoned : .container
        }
        slots[field.rawValue] = slot
    }

    // MARK: validation, in the reference's order so the first problem reported is the same

    private mutating func string(_ s: JSONScanner, _ f: Field) throws(RecordError) -> String? {
        switch slots[f.rawValue] {
        case .absent, .null: return nil
        case .string(let span): return s.text(span, scratch: &scratch)
        default: throw RecordError("\"\(f.key)\" must be a string")
        }
    }

    /// The raw bytes of a string field (unescaped when needed), or nil when absent or null.
    private mutating func withBytes<T>(
        _ s: JSONScanner, _ f: Field, _ body: (UnsafeBufferPointer<UInt8>) -> T
    ) throws(RecordError) -> T? {
        switch slots[f.rawValue] {
        case .absent, .null: return nil
        case .string(let span):
            if !span.needsWork {
                return body(UnsafeBufferPointer(start: s.base + span.start, count: span.end - span.start))
            }
            scratch.removeAll(keepingCapacity: true)
            s.unescape(span, into: &scratch)
            return scratch.withUnsafeBufferPointer(body)
        default: throw RecordError("\"\(f.key)\" must be a string")
        }
    }

    private mutating func time(_ s: JSONScanner, _ f: Field) throws(RecordError) -> Timestamp? {
        guard let parsed = try withBytes(s, f, { Timestamp(isoUTF8: $0) }) else { return nil }
        if let t = parsed { return t }
        let text = try string(s, f) ?? ""
        throw RecordError("\"\(f.key)\" is not an ISO 8601 date or date-time: \(text)")
    }

    private mutating func validate(_ s: JSONScanner, extra: [String: JSONValue], ordinal: Int, defaultSource: String)
        throws(RecordError) -> Transition
    {
        guard let city = try string(s, .city), !Self.isBlank(city) else { throw RecordError("missing \"city\"") }
        guard let levelBytes = try withBytes(s, .level, Self.level) else { throw RecordError("missing \"level\"") }
        var parsedLevel = levelBytes
        if parsedLevel == nil { parsedLevel = Level(name: try string(s, .level) ?? "") }
        guard let level = parsedLevel else {
            let text = try string(s, .level) ?? ""
            throw RecordError("\"level\" must be normal, yellow, orange or red, not \(text)")
        }
        guard let effective = try time(s, .effective) else { throw RecordError("missing \"effective\"") }
        var scope = Scope.city
        if let text = try string(s, .scope) {
            guard let v = Scope(rawValue: text) else {
                throw RecordError("\"scope\" must be city, region or country, not \(text)")
            }
            scope = v
        }
        var kind: TransitionKind?
        if let text = try string(s, .kind) {
            guard let v = TransitionKind(rawValue: text) else {
                throw RecordError("\"kind\" must be declared, raised, lowered, lifted or extended, not \(text)")
            }
            kind = v
        }
        var placeID: Int?
        switch slots[Field.placeID.rawValue] {
        case .absent, .null: break
        case .number(let n):
            guard let i = n.exactInt else { throw RecordError("\"place_id\" must be an integer") }
            placeID = i
        case .string:
            guard let i = Int(try string(s, .placeID) ?? "") else {
                throw RecordError("\"place_id\" must be an integer")
            }
            placeID = i
        default: throw RecordError("\"place_id\" must be an integer")
        }
        var confidence: Double?
        switch slots[Field.confidence.rawValue] {
        case .absent, .null: break
        case .number(let n) where (0...1).contains(n.doubleValue): confidence = n.doubleValue
        default: throw RecordError("\"confidence\" must be a number from 0 to 1")
        }
        let until = try time(s, .until)
        if let until, until < effective { throw RecordError("\"until\" is before \"effective\"") }
        let placeText = try string(s, .placeText)
        var country = try withBytes(s, .country, Self.upperASCII) ?? nil
        if country == nil { country = try string(s, .country)?.uppercased() }
        return Transition(
            city: city, placeID: placeID, placeText: placeText, country: country,
            scope: scope, level: level, scheme: try string(s, .scheme), schemeLevel: try string(s, .schemeLevel),
            kind: kind, effective: effective, until: until, reported: try time(s, .reported),
            source: try string(s, .source) ?? defaultSource, evidence: try string(s, .evidence),
            confidence: confidence, extra: extra, ordinal: ordinal)
    }

    /// Whether a city is empty after trimming Foundation's `.whitespaces`, deciding the common case without it.
    static func isBlank(_ city: String) -> Bool {
        if let first = city.utf8.first, first < 0x80, first != 0x20, first != 0x09 { return false }
        return city.trimmingCharacters(in: .whitespaces).isEmpty
    }

    /// An ASCII level name in any case; nil leaves the decision to `Level(name:)` (non-ASCII or unknown).
    static func level(_ b: UnsafeBufferPointer<UInt8>) -> Level? {
        var word: UInt64 = 0
        guard b.count <= 6 else { return nil }
        for c in b {
            guard c < 0x80 else { return nil }
            let lower = c >= 0x41 && c <= 0x5A ? c | 0x20 : c
            word = word << 8 | UInt64(lower)
        }
        switch word {
        case 0x6E6F_726D_616C: return .normal  // "normal"
        case 0x7965_6C6C_6F77: return .yellow  // "yellow"
        case 0x6F72_616E_6765: return .orange  // "orange"
        case 0x72_6564: return .red  // "red"
        default: return nil
        }
    }

    /// An ASCII country code upper-cased without Unicode tables; nil for other text (left to `uppercased()`).
    static func upperASCII(_ b: UnsafeBufferPointer<UInt8>) -> String? {
        guard b.count <= 15, b.allSatisfy({ $0 < 0x80 }) else { return nil }
        var tmp: (UInt64, UInt64) = (0, 0)
        return withUnsafeMutableBytes(of: &tmp) { raw in
            for (k, c) in b.enumerated() { raw[k] = c >= 0x61 && c <= 0x7A ? c - 0x20 : c }
            return String(decoding: UnsafeRawBufferPointer(rebasing: raw[0..<b.count]), as: UTF8.self)
        }
    }
}
