/// The four display severities every scheme maps onto, ordered by severity.
public enum Level: Int, Sendable, Hashable, Comparable, CaseIterable, Codable, CustomStringConvertible {
    case normal = 0
    case yellow = 1
    case orange = 2
    case red = 3

    public static func < (a: Level, b: Level) -> Bool { a.rawValue < b.rawValue }

    /// The lower-case name used in records ("red").
    public var name: String {
        switch self {
        case .normal: "normal"
        case .yellow: "yellow"
        case .orange: "orange"
        case .red: "red"
        }
    }

    public var description: String { name }

    /// Parses a record's `level` field.
    public init?(name: String) {
        switch name.lowercased() {
        case "normal": self = .normal
        case "yellow": self = .yellow
        case "orange": self = .orange
        case "red": self = .red
        default: return nil
        }
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        let s = try c.decode(String.self)
        guard let l = Level(name: s) else {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: "unknown level \(s)")
        }
        self = l
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(name)
    }
}

/// What a place is: a city, a region (oblast, province) or a whole country.
public enum Scope: String, Sendable, Hashable, Codable, CaseIterable {
    case city, region, country
}

/// What a report says happened to a level.
public enum TransitionKind: String, Sendable, Hashable, Codable, CaseIterable {
    case declared, raised, lowered, lifted, extended
}
