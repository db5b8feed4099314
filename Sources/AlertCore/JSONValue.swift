import Foundation

/// A JSON value, for the record fields alertmon keeps without understanding them.
public enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// Converts a JSONSerialization result.
    public init(any value: Any) {
        switch value {
        case let s as String: self = .string(s)
        case let n as NSNumber:
            // JSONSerialization makes booleans NSNumbers of type "c" on every platform.
            if n.objCType.pointee == 0x63 { self = .bool(n.boolValue) } else { self = .number(n.doubleValue) }
        case let a as [Any]: self = .array(a.map(JSONValue.init(any:)))
        case let o as [String: Any]: self = .object(o.mapValues(JSONValue.init(any:)))
        default: self = .null
        }
    }

    /// Compact JSON text with sorted object keys.
    public var json: String {
        var out = ""
        write(to: &out)
        return out
    }

    func write(to out: inout String) {
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .number(let d):
            if d.rounded() == d && abs(d) < 1e15 { out += String(Int64(d)) } else { out += String(d) }
        case .string(let s): JSONText.appendQuoted(s, to: &out)
        case .array(let a):
            out += "["
            for (i, v) in a.enumerated() {
                if i > 0 { out += "," }
                v.write(to: &out)
            }
            out += "]"
        case .object(let o):
            out += "{"
            for (i, k) in o.keys.sorted().enumerated() {
                if i > 0 { out += "," }
                JSONText.appendQuoted(k, to: &out)
                out += ":"
                o[k]!.write(to: &out)
            }
            out += "}"
        }
    }
}

/// JSON string quoting for writers that build a `String`; the escaping itself is `JSONBytes`'s, so every
/// writer escapes alike.
public enum JSONText {
    /// Appends `s` as a quoted JSON string, escaping quotes, backslashes and control characters.
    public static func appendQuoted(_ s: String, to out: inout String) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(s.utf8.count + 2)
        JSONBytes.appendQuoted(s, to: &bytes)
        out += String(decoding: bytes, as: UTF8.self)
    }
}
