/// Identifies a place on the board: its canonical name and country, case-folded.
public struct PlaceKey: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let name: String
    public let country: String

    public init(name: String, country: String?) {
        self.name = name.lowercased()
        self.country = (country ?? "").uppercased()
    }

    public static func < (a: PlaceKey, b: PlaceKey) -> Bool {
        a.name != b.name ? a.name < b.name : a.country < b.country
    }

    public var description: String { country.isEmpty ? name : "\(name)|\(country)" }
}

/// One level change for one place, as a report states it (the JSON Lines record of EVENTS.md).
public struct Transition: Sendable, Hashable {
    /// Canonical place name as the gazetteer spells it ("Almaty").
    public var city: String
    public var placeID: Int?
    /// The place as the report wrote it ("в Алматы", "the capital").
    public var placeText: String?
    /// ISO 3166-1 alpha-2.
    public var country: String?
    public var scope: Scope
    public var level: Level
    public var scheme: String?
    public var schemeLevel: String?
    public var kind: TransitionKind?
    public var effective: Timestamp
    public var until: Timestamp?
    public var reported: Timestamp?
    public var source: String
    public var evidence: String?
    public var confidence: Double?
    /// Fields this version does not know, kept so a record survives import → export unchanged.
    public var extra: [String: JSONValue]
    /// Position of the record within its source (text order or line number); breaks ties at one instant.
    public var ordinal: Int

    public init(
        city: String, placeID: Int? = nil, placeText: String? = nil, country: String? = nil,
        scope: Scope = .city, level: Level, scheme: String? = nil, schemeLevel: String? = nil,
        kind: TransitionKind? = nil, effective: Timestamp, until: Timestamp? = nil,
        reported: Timestamp? = nil, source: String, evidence: String? = nil,
        confidence: Double? = nil, extra: [String: JSONValue] = [:], ordinal: Int = 0
    ) {
        self.city = city
        self.placeID = placeID
        self.placeText = placeText
        self.country = country
        self.scope = scope
        self.level = level
        self.scheme = scheme
        self.schemeLevel = schemeLevel
        self.kind = kind
        self.effective = effective
        self.until = until
        self.reported = reported
        self.source = source
        self.evidence = evidence
        self.confidence = confidence
        self.extra = extra
        self.ordinal = ordinal
    }

    public var placeKey: PlaceKey { PlaceKey(name: city, country: country) }

    /// Identity of the statement: the same record imported or ingested twice has the same key.
    public var naturalKey: String {
        var k = source + "\u{1F}" + placeKey.description + "\u{1F}" + level.name + "\u{1F}" + String(effective.seconds)
        k += "\u{1F}" + (kind?.rawValue ?? "") + "\u{1F}" + (until.map { String($0.seconds) } ?? "")
        return k
    }

    /// Whether `other` has the same natural key, compared field by field (no key string is built).
    public func isSameStatement(as other: Transition) -> Bool {
        effective.seconds == other.effective.seconds && level == other.level && kind == other.kind
            && until?.seconds == other.until?.seconds && source == other.source && placeKey == other.placeKey
    }

    /// The deterministic fold order: effective time, then report time, then source, then position.
    public static func foldOrder(_ a: Transition, _ b: Transition) -> Bool {
        if a.effective.seconds != b.effective.seconds { return a.effective.seconds < b.effective.seconds }
        let ra = a.reported?.seconds ?? a.effective.seconds
        let rb = b.reported?.seconds ?? b.effective.seconds
        if ra != rb { return ra < rb }
        if a.source != b.source { return a.source < b.source }
        if a.ordinal != b.ordinal { return a.ordinal < b.ordinal }
        return a.naturalKey < b.naturalKey
    }
}
