/// One place's state on the board.
public struct PlaceState: Sendable, Hashable {
    public var city: String
    public var country: String?
    public var scope: Scope
    public var placeID: Int?
    public var level: Level
    public var scheme: String?
    public var schemeLevel: String?
    /// When the current level took effect.
    public var since: Timestamp
    /// When the current level ends, if stated.
    public var until: Timestamp?
    /// Distinct reports that support the current level, in the order they arrived.
    public var sources: [String]
    /// Evidence of the transition that set the current level (and of corroborations).
    public var evidence: [String]
    /// The time of the last applied change (level change, extension or expiry).
    public var lastChange: Timestamp

    public init(
        city: String, country: String?, scope: Scope, placeID: Int?, level: Level, scheme: String?,
        schemeLevel: String?, since: Timestamp, until: Timestamp?, sources: [String], evidence: [String],
        lastChange: Timestamp
    ) {
        self.city = city
        self.country = country
        self.scope = scope
        self.placeID = placeID
        self.level = level
        self.scheme = scheme
        self.schemeLevel = schemeLevel
        self.since = since
        self.until = until
        self.sources = sources
        self.evidence = evidence
        self.lastChange = lastChange
    }

    public var key: PlaceKey { PlaceKey(name: city, country: country) }
}

/// The per-place state at one instant.
public struct Board: Sendable, Hashable {
    public var places: [PlaceKey: PlaceState]

    public init(places: [PlaceKey: PlaceState] = [:]) { self.places = places }

    public subscript(key: PlaceKey) -> PlaceState? { places[key] }

    /// Places most severe first, then by name (the board's default order).
    public var bySeverity: [PlaceState] {
        places.values.sorted { a, b in
            a.level != b.level ? a.level > b.level : (a.key < b.key)
        }
    }

    /// How many places are at each level.
    public var counts: [Level: Int] {
        var c: [Level: Int] = [:]
        for p in places.values { c[p.level, default: 0] += 1 }
        return c
    }
}
