import AlertCore
import Foundation

/// Why a theme file was rejected, as one line naming the culprit.
public struct ThemeError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// Theme JSON → `Theme`, decoded over a base theme; any unknown key or bad value is an error.
public enum ThemeDecoder {
    static let topKeys: Set<String> = ["$schema", "name", "description", "colors", "levels", "roles"]
    static let roleKeys: Set<String> = ["fg256", "bg256", "fg16", "bg16", "fg8", "bg8", "attrs", "mono"]
    static let levelKeys: Set<String> = ["glyph", "label"]
    static let colorNames = [
        "black", "red", "green", "yellow", "blue", "magenta", "cyan", "white", "bright-black", "bright-red",
        "bright-green", "bright-yellow", "bright-blue", "bright-magenta", "bright-cyan", "bright-white",
    ]

    /// Decodes theme JSON over `base` (the compiled-in default unless given).
    public static func decode(_ data: Data, base: Theme = .builtInDefault) throws(ThemeError) -> Theme {
        let any: Any
        do {
            any = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw ThemeError("not valid JSON")
        }
        guard case .object(let top) = JSONValue(any: any) else { throw ThemeError("a theme must be a JSON object") }
        for k in top.keys.sorted() where !topKeys.contains(k) { throw ThemeError("unknown key \"\(k)\"") }
        var theme = base
        if let v = top["name"] {
            guard case .string(let s) = v, !s.isEmpty else { throw ThemeError("\"name\" must be a non-empty string") }
            theme.name = s
        }
        if let v = top["colors"] { theme.colors = try depth(v) }
        if let v = top["levels"] {
            guard case .object(let levels) = v else { throw ThemeError("\"levels\" must be an object") }
            for (k, lv) in levels.sorted(by: { $0.key < $1.key }) {
                guard let level = Level(name: k), k == level.name else { throw ThemeError("unknown level \"\(k)\"") }
                theme.setLook(try look(lv, base: theme.look(level), at: "levels.\(k)"), for: level)
            }
        }
        if let v = top["roles"] {
            guard case .object(let roles) = v else { throw ThemeError("\"roles\" must be an object") }
            for (k, rv) in roles.sorted(by: { $0.key < $1.key }) {
                guard let role = Role(rawValue: k) else { throw ThemeError("unknown role \"\(k)\"") }
                theme.setStyle(try style(rv, base: theme.style(role), at: "roles.\(k)"), for: role)
            }
        }
        return theme
    }

    static func depth(_ v: JSONValue) throws(ThemeError) -> ColorDepth {
        switch v {
        case .string("mono"): return .mono
        case .number(let n) where n == 8: return .c8
        case .number(let n) where n == 16: return .c16
        case .number(let n) where n == 256: return .c256
        default: throw ThemeError("\"colors\" must be 8, 16, 256 or \"mono\"")
        }
    }

    static func look(_ v: JSONValue, base: LevelLook, at path: String) throws(ThemeError) -> LevelLook {
        guard case .object(let o) = v else { throw ThemeError("\(path) must be an object") }
        for k in o.keys.sorted() where !levelKeys.contains(k) { throw ThemeError("unknown key \"\(k)\" in \(path)") }
        var out = base
        if let g = o["glyph"] {
            guard case .string(let s) = g, s.count == 1, Sanitizer.isClean(s), CharWidth.of(s) == 1,
                !s.unicodeScalars.contains(where: { $0.value == 0xFE0F })
            else { throw ThemeError("\(path).glyph must be one single-column character (no emoji selector)") }
            out.glyph = s
        }
        if let l = o["label"] {
            guard case .string(let s) = l, !s.isEmpty, Sanitizer.isClean(s), TextWidth.of(s) <= 12 else {
                throw ThemeError("\(path).label must be 1 to 12 columns of plain text")
            }
            out.label = s
        }
        return out
    }

    static func style(_ v: JSONValue, base: RoleStyle, at path: String) throws(ThemeError) -> RoleStyle {
        guard case .object(let o) = v else { throw ThemeError("\(path) must be an object") }
        for k in o.keys.sorted() where !roleKeys.contains(k) { throw ThemeError("unknown key \"\(k)\" in \(path)") }
        var s = base
        func c(_ key: String, max: Int) throws(ThemeError) -> ColorSpec? {
            guard let v = o[key] else { return nil }
            return try color(v, max: max, at: "\(path).\(key)")
        }
        if let x = try c("fg256", max: 255) { s.fg256 = x }
        if let x = try c("bg256", max: 255) { s.bg256 = x }
        if let x = try c("fg16", max: 15) { s.fg16 = x }
        if let x = try c("bg16", max: 15) { s.bg16 = x }
        if let x = try c("fg8", max: 7) { s.fg8 = x }
        if let x = try c("bg8", max: 7) { s.bg8 = x }
        if let a = o["attrs"] { s.attrs = try attributes(a, at: "\(path).attrs") }
        if let a = o["mono"] { s.mono = try attributes(a, at: "\(path).mono") }
        return s
    }

    static func color(_ v: JSONValue, max: Int, at path: String) throws(ThemeError) -> ColorSpec {
        switch v {
        case .string("default"): return .terminalDefault
        case .string(let name):
            if let i = colorNames.firstIndex(of: name), i <= max { return .index(i) }
            throw ThemeError("\(path): unknown colour \"\(name)\" (use 0–\(max), a colour name or \"default\")")
        case .number(let n) where n.rounded() == n && n >= 0 && n <= Double(max):
            return .index(Int(n))
        default:
            throw ThemeError("\(path) must be 0–\(max), a colour name or \"default\"")
        }
    }

    static func attributes(_ v: JSONValue, at path: String) throws(ThemeError) -> TextAttributes {
        guard case .array(let items) = v else { throw ThemeError("\(path) must be an array of attribute names") }
        var out: TextAttributes = []
        for item in items {
            guard case .string(let s) = item, let a = TextAttributes.names.first(where: { $0.0 == s }) else {
                throw ThemeError("\(path): unknown attribute \(item.json) (bold, dim, reverse, underline)")
            }
            out.insert(a.1)
        }
        return out
    }
}
