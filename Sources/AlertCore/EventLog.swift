/// What an applied change did.
public enum ChangeKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// A level set on a place that was at normal.
    case declared
    case raised
    case lowered
    /// Returned to normal by a lift or cancellation.
    case lifted
    /// The same level with a new end.
    case extended
    /// Returned to normal because `until` passed.
    case expired
    /// Two reports gave different levels for the same place and instant; `to` is the winner.
    case conflict
}

/// One applied change in the event log.
public struct LogEntry: Sendable, Hashable {
    public var time: Timestamp
    public var city: String
    public var country: String?
    public var scope: Scope
    public var from: Level
    public var to: Level
    public var kind: ChangeKind
    /// The reports behind the change (for a conflict: winner first, then the losers).
    public var sources: [String]
    public var evidence: [String]
    public var until: Timestamp?
    /// The report arrived after something later had already been applied for this place.
    public var late: Bool
    /// Natural key of the transition that caused the entry (nil for an expiry).
    public var transitionKey: String?

    public init(
        time: Timestamp, city: String, country: String?, scope: Scope, from: Level, to: Level,
        kind: ChangeKind, sources: [String], evidence: [String], until: Timestamp? = nil,
        late: Bool = false, transitionKey: String? = nil
    ) {
        self.time = time
        self.city = city
        self.country = country
        self.scope = scope
        self.from = from
        self.to = to
        self.kind = kind
        self.sources = sources
        self.evidence = evidence
        self.until = until
        self.late = late
        self.transitionKey = transitionKey
    }

    public var placeKey: PlaceKey { PlaceKey(name: city, country: country) }
}
