import Foundation

/// The scanner found text that is not JSON (or a number JSONSerialization would refuse).
struct JSONSyntaxError: Error {}

/// A JSON number, typed the way JSONSerialization types it, so that conversions agree with it bit for bit.
enum JSONNumber: Equatable {
    case int(Int64)
    case uint(UInt64)
    case double(Double)

    /// What `NSNumber.doubleValue` returns for the number JSONSerialization makes.
    var doubleValue: Double {
        switch self {
        case .int(let i): Double(i)
        case .uint(let u): Double(u)
        case .double(let d): d
        }
    }

    /// The number as an Int when it is integral and in range; the rule `TransitionRecord.integer` applies.
    var exactInt: Int? {
        switch self {
        case .int(let i): Int(exactly: i)
        case .uint(let u): u <= UInt64(Int.max) ? Int(u) : nil
        case .double(let d): Int(exactly: d)
        }
    }

    /// Converts number text that already matched the JSON grammar, as Foundation's JSONSerialization does:
    /// plain integers as Int64/UInt64, long mantissas through Decimal, the rest through Double; nil when
    /// JSONSerialization would call it "not representable".
    static func parse(_ b: UnsafeBufferPointer<UInt8>) -> JSONNumber? {
        // Fast path: up to 18 plain digits (with an optional minus) always fit an Int64.
        if b.count <= 18 {
            var k = 0
            var negative = false
            if b[0] == 0x2D {
                negative = true
                k = 1
            }
            var v: Int64 = 0
            var plain = k < b.count
            while k < b.count {
                let c = b[k] &- 0x30
                if c > 9 {
                    plain = false
                    break
                }
                v = v &* 10 &+ Int64(c)
                k += 1
            }
            if plain { return .int(negative ? -v : v) }
        }
        if let d = shortDecimal(b) { return .double(d) }
        return slowParse(String(decoding: b, as: UTF8.self))
    }

    /// Exact powers of ten as doubles, up to the largest `shortDecimal` divides by.
    private static let powersOfTen: [Double] = (0...15).map { k in (0..<k).reduce(1.0) { a, _ in a * 10 } }

    /// "0.82": digits, a point, digits, at most 15 digits in all. The digits make an integer below 2^53 and the
    /// divisor an exact power of ten, so one division rounds correctly, to the double `Double(text)` reads.
    static func shortDecimal(_ b: UnsafeBufferPointer<UInt8>) -> Double? {
        guard b.count <= 17 else { return nil }
        var k = 0
        let negative = b[0] == 0x2D
        if negative { k = 1 }
        var m: Int64 = 0
        var digits = 0
        var point = -1
        while k < b.count {
            let c = b[k]
            if c == 0x2E, point < 0 {
                point = digits
            } else {
                let d = c &- 0x30
                guard d <= 9 else { return nil }
                m = m &* 10 &+ Int64(d)
                digits += 1
            }
            k += 1
        }
        guard point >= 0, digits <= 15 else { return nil }
        let v = Double(m) / powersOfTen[digits - point]
        return negative ? -v : v
    }

    /// The general rule, written the way Foundation's JSONSerialization decides (NSNumber.fromJSONNumber).
    static func slowParse(_ s: String) -> JSONNumber? {
        let u = Array(s.utf8)
        let expIndex = u.firstIndex(of: 0x65)  // only a lower-case "e" counts here, as in Foundation
        let isInteger = !u.contains(0x2E) && expIndex == nil
        let digitCount = expIndex ?? u.count
        if isInteger {
            if u[0] == 0x2D {
                if digitCount <= 19, let v = Int64(s) { return .int(v) }
            } else if digitCount <= 20, let v = UInt64(s) {
                return v <= UInt64(Int64.max) ? .int(Int64(v)) : .uint(v)
            }
        }
        var exp = 0
        if let e = expIndex, let parsed = Int(String(decoding: u[(e + 1)...], as: UTF8.self)) { exp = parsed }
        if digitCount > 17, exp >= -128, exp <= 127, let d = Decimal(string: s), d.isFinite {
            return .double(NSDecimalNumber(decimal: d).doubleValue)
        }
        if let d = Double(s), d.isFinite { return .double(d) }
        return nil
    }
}

/// The keys of an object whose current value holds an unrepresentable number.
struct PoisonedKeys {
    private var keys: Set<String>?

    mutating func set(_ key: String, _ poisoned: Bool) {
        if poisoned {
            if keys == nil { keys = [] }
            keys!.insert(key)
        } else if keys != nil {
            keys!.remove(key)
        }
    }

    var any: Bool { !(keys?.isEmpty ?? true) }
}

/// A JSON string as found in the input: where its content lies and whether it needs unescaping.
struct JSONStringSpan {
    var start: Int
    var end: Int
    /// Backslash escapes, or a byte-order mark Foundation would drop: the bytes are not the value as they stand.
    var needsWork: Bool
}

/// A hand-written scanner over the UTF-8 bytes of one line, accepting exactly what Foundation's
/// JSONSerialization accepts for a top-level object or array (including its tolerance of a trailing comma
/// and of one leading byte-order mark, and its 512-level nesting limit).
///
/// The bytes must be valid UTF-8 without NUL bytes (callers hand NUL-bearing lines to JSONSerialization,
/// which may read them as UTF-16 or UTF-32); a NUL is used as the end sentinel.
struct JSONScanner {
    let base: UnsafePointer<UInt8>
    let end: Int
    var i = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        base = bytes.baseAddress ?? UnsafePointer(bitPattern: 1)!
        end = bytes.count
    }

    static let maxDepth = 512

    @inline(__always) func at(_ k: Int) -> UInt8 { k < end ? base[k] : 0 }

    @inline(__always) mutating func skipSpace() {
        while i < end {
            let c = base[i]
            guard c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 else { return }
            i += 1
        }
    }

    @inline(__always) mutating func expect(_ c: UInt8) throws(JSONSyntaxError) {
        guard at(i) == c else { throw JSONSyntaxError() }
        i += 1
    }

    /// Skips a UTF-8 byte-order mark at the very start, which JSONSerialization tolerates.
    mutating func skipByteOrderMark() {
        if hasByteOrderMark(at: i) { i += 3 }
    }

    @inline(__always) func hasByteOrderMark(at k: Int) -> Bool {
        k + 2 < end && base[k] == 0xEF && base[k + 1] == 0xBB && base[k + 2] == 0xBF
    }

    /// After the last value: only JSON whitespace may follow.
    mutating func finish() throws(JSONSyntaxError) {
        skipSpace()
        guard i == end else { throw JSONSyntaxError() }
    }

    // MARK: strings

    /// Scans a string starting at its opening quote, checking escapes, surrogate pairs and control characters.
    mutating func string() throws(JSONSyntaxError) -> JSONStringSpan {
        try expect(0x22)
        let start = i
        var work = hasByteOrderMark(at: i)
        while true {
            // Eight bytes at a time up to the first quote, backslash or control byte.
            while i &+ 8 <= end {
                let w = UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self))
                let stops =
                    Self.zeroBytes(w ^ 0x2222_2222_2222_2222) | Self.zeroBytes(w ^ 0x5C5C_5C5C_5C5C_5C5C)
                    | Self.bytesBelow0x20(w)
                if stops != 0 {
                    i &+= stops.trailingZeroBitCount >> 3
                    break
                }
                i &+= 8
            }
            guard i < end else { throw JSONSyntaxError() }
            let c = base[i]
            if c == 0x22 {
                i += 1
                return JSONStringSpan(start: start, end: i - 1, needsWork: work)
            }
            if c < 0x20 { throw JSONSyntaxError() }
            if c != 0x5C {
                i += 1
                continue
            }
            work = true
            i += 1
            switch at(i) {
            case 0x22, 0x5C, 0x2F, 0x62, 0x66, 0x6E, 0x72, 0x74: i += 1
            case 0x75:
                i += 1
                let unit = try hex4()
                if unit & 0xFC00 == 0xD800 {
                    guard at(i) == 0x5C, at(i + 1) == 0x75 else { throw JSONSyntaxError() }
                    i += 2
                    guard try hex4() & 0xFC00 == 0xDC00 else { throw JSONSyntaxError() }
                } else if unit & 0xF800 == 0xD800 {
                    throw JSONSyntaxError()  // a low surrogate with no high one before it
                }
            default: throw JSONSyntaxError()
            }
        }
    }

    /// The high bit of each zero byte of `w` is set (and of no byte below the first zero one).
    @inline(__always) static func zeroBytes(_ w: UInt64) -> UInt64 {
        (w &- 0x0101_0101_0101_0101) & ~w & 0x8080_8080_8080_8080
    }

    /// The same for bytes below 0x20.
    @inline(__always) static func bytesBelow0x20(_ w: UInt64) -> UInt64 {
        (w &- 0x2020_2020_2020_2020) & ~w & 0x8080_8080_8080_8080
    }

    @inline(__always) mutating func hex4() throws(JSONSyntaxError) -> UInt32 {
        var v: UInt32 = 0
        for _ in 0..<4 {
            let c = at(i)
            let d: UInt8
            switch c {
            case 0x30...0x39: d = c - 0x30
            case 0x41...0x46: d = c - 0x37
            case 0x61...0x66: d = c - 0x57
            default: throw JSONSyntaxError()
            }
            v = v << 4 | UInt32(d)
            i += 1
        }
        return v
    }

    /// The string's value as UTF-8 bytes appended to `out`. Foundation decodes the text between escapes piece
    /// by piece and drops a byte-order mark that opens a piece; so does this, so values agree exactly.
    func unescape(_ s: JSONStringSpan, into out: inout [UInt8]) {
        var k = s.start
        var pieceStart = true
        while k < s.end {
            if pieceStart {
                pieceStart = false
                if hasByteOrderMark(at: k) && k + 3 <= s.end {
                    k += 3
                    continue
                }
            }
            let c = base[k]
            if c != 0x5C {
                out.append(c)
                k += 1
                continue
            }
            pieceStart = true
            let e = base[k + 1]
            k += 2
            switch e {
            case 0x62: out.append(0x08)
            case 0x66: out.append(0x0C)
            case 0x6E: out.append(0x0A)
            case 0x72: out.append(0x0D)
            case 0x74: out.append(0x09)
            case 0x75:
                var scalar = Self.hexValue(base + k)
                k += 4
                if scalar & 0xFC00 == 0xD800 {
                    let low = Self.hexValue(base + k + 2)
                    k += 6
                    scalar = 0x10000 + (scalar - 0xD800) << 10 + (low - 0xDC00)
                }
                Self.appendUTF8(scalar, to: &out)
            default: out.append(e)  // " \ /
            }
        }
    }

    static func hexValue(_ p: UnsafePointer<UInt8>) -> UInt32 {
        var v: UInt32 = 0
        for k in 0..<4 {
            let c = p[k]
            v = v << 4 | UInt32(c <= 0x39 ? c - 0x30 : (c | 0x20) - 0x57)
        }
        return v
    }

    static func appendUTF8(_ v: UInt32, to out: inout [UInt8]) {
        switch v {
        case 0..<0x80: out.append(UInt8(v))
        case 0x80..<0x800:
            out.append(UInt8(0xC0 | v >> 6))
            out.append(UInt8(0x80 | v & 0x3F))
        case 0x800..<0x10000:
            out.append(UInt8(0xE0 | v >> 12))
            out.append(UInt8(0x80 | v >> 6 & 0x3F))
            out.append(UInt8(0x80 | v & 0x3F))
        default:
            out.append(UInt8(0xF0 | v >> 18))
            out.append(UInt8(0x80 | v >> 12 & 0x3F))
            out.append(UInt8(0x80 | v >> 6 & 0x3F))
            out.append(UInt8(0x80 | v & 0x3F))
        }
    }

    /// A string's value, using `scratch` for unescaping.
    func text(_ s: JSONStringSpan, scratch: inout [UInt8]) -> String {
        if !s.needsWork {
            return String(decoding: UnsafeBufferPointer(start: base + s.start, count: s.end - s.start), as: UTF8.self)
        }
        scratch.removeAll(keepingCapacity: true)
        unescape(s, into: &scratch)
        return String(decoding: scratch, as: UTF8.self)
    }

    // MARK: numbers and literals

    /// Scans a number with JSON's grammar and converts it as JSONSerialization does; nil when it is not
    /// representable, which JSONSerialization only holds against the value if it survives a repeated key.
    mutating func number() throws(JSONSyntaxError) -> JSONNumber? {
        let start = i
        if at(i) == 0x2D { i += 1 }
        if at(i) == 0x30 {
            i += 1
        } else {
            guard isDigit(at(i)) else { throw JSONSyntaxError() }
            while isDigit(at(i)) { i += 1 }
        }
        if at(i) == 0x2E {
            i += 1
            guard isDigit(at(i)) else { throw JSONSyntaxError() }
            while isDigit(at(i)) { i += 1 }
        }
        if at(i) | 0x20 == 0x65 {
            i += 1
            if at(i) == 0x2B || at(i) == 0x2D { i += 1 }
            guard isDigit(at(i)) else { throw JSONSyntaxError() }
            while isDigit(at(i)) { i += 1 }
        }
        // Foundation reads a number up to a delimiter; anything else right after it is an error there.
        switch at(i) {
        case 0x20, 0x0A, 0x0D, 0x09, 0x2C, 0x5D, 0x7D: break
        default: throw JSONSyntaxError()
        }
        return JSONNumber.parse(UnsafeBufferPointer(start: base + start, count: i - start))
    }

    @inline(__always) func isDigit(_ c: UInt8) -> Bool { c &- 0x30 < 10 }

    @inline(__always) mutating func literal(_ word: StaticString) throws(JSONSyntaxError) {
        let n = word.utf8CodeUnitCount
        guard i + n <= end, memcmp(base + i, word.utf8Start, n) == 0 else { throw JSONSyntaxError() }
        i += n
    }

    // MARK: values

    /// Any value, built; `depth` counts the containers already open. `poisoned` is set when the value holds
    /// a number JSONSerialization cannot represent (it parses first and converts numbers afterwards, so such
    /// a number is an error only where a repeated key does not replace it).
    mutating func value(depth: Int, scratch: inout [UInt8], poisoned: inout Bool) throws(JSONSyntaxError)
        -> JSONValue
    {
        skipSpace()
        switch at(i) {
        case 0x22: return .string(text(try string(), scratch: &scratch))
        case 0x7B: return .object(try object(depth: depth, scratch: &scratch, poisoned: &poisoned))
        case 0x5B: return .array(try array(depth: depth, scratch: &scratch, poisoned: &poisoned))
        case 0x74:
            try literal("true")
            return .bool(true)
        case 0x66:
            try literal("false")
            return .bool(false)
        case 0x6E:
            try literal("null")
            return .null
        case 0x2D, 0x30...0x39:
            guard let n = try number() else {
                poisoned = true
                return .null
            }
            return .number(n.doubleValue)
        default: throw JSONSyntaxError()
        }
    }

    /// An array from its opening bracket.
    mutating func array(depth: Int, scratch: inout [UInt8], poisoned: inout Bool) throws(JSONSyntaxError)
        -> [JSONValue]
    {
        try expect(0x5B)
        guard depth < Self.maxDepth else { throw JSONSyntaxError() }
        var out: [JSONValue] = []
        skipSpace()
        if at(i) == 0x5D {
            i += 1
            return out
        }
        while true {
            out.append(try value(depth: depth + 1, scratch: &scratch, poisoned: &poisoned))
            skipSpace()
            switch at(i) {
            case 0x5D:
                i += 1
                return out
            case 0x2C:
                i += 1
                skipSpace()
                if at(i) == 0x5D {  // Foundation accepts a trailing comma
                    i += 1
                    return out
                }
            default: throw JSONSyntaxError()
            }
        }
    }

    /// An object from its opening brace; a repeated key keeps its last value, as in Foundation.
    mutating func object(depth: Int, scratch: inout [UInt8], poisoned: inout Bool) throws(JSONSyntaxError)
        -> [String: JSONValue]
    {
        var out: [String: JSONValue] = [:]
        var bad = PoisonedKeys()
        try members(depth: depth) { (s: inout JSONScanner, key: JSONStringSpan) throws(JSONSyntaxError) in
            let k = s.text(key, scratch: &scratch)
            var p = false
            out[k] = try s.value(depth: depth + 1, scratch: &scratch, poisoned: &p)
            bad.set(k, p)
        }
        if bad.any { poisoned = true }
        return out
    }

    /// Walks an object's members from its opening brace; `member` must consume each value.
    mutating func members(
        depth: Int, _ member: (inout JSONScanner, JSONStringSpan) throws(JSONSyntaxError) -> Void
    ) throws(JSONSyntaxError) {
        try expect(0x7B)
        guard depth < Self.maxDepth else { throw JSONSyntaxError() }
        skipSpace()
        if at(i) == 0x7D {
            i += 1
            return
        }
        while true {
            let key = try string()
            skipSpace()
            try expect(0x3A)
            try member(&self, key)
            skipSpace()
            switch at(i) {
            case 0x7D:
                i += 1
                return
            case 0x2C:
                i += 1
                skipSpace()
                if at(i) == 0x7D {  // Foundation accepts a trailing comma
                    i += 1
                    return
                }
            default: throw JSONSyntaxError()
            }
        }
    }
}
