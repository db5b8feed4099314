import AlertCore

/// The store as the rest of alertmon sees it; engines (SQLite today) live behind it.
public protocol AlertStoring: Sendable {
    /// Appends transitions, and the report they came from, in one transaction; known natural keys are skipped.
    @discardableResult
    func append(_ transitions: [Transition], report: ReportRow?) throws -> AppendResult
    /// Appends the batches `next` hands out until it returns nil (an import); known natural keys are skipped.
    func appendAll(_ next: () throws -> [Transition]?) throws -> AppendResult
    /// The same for records encoded ahead, on other threads (see `StoreRecord`); `expected` is a guess at how many.
    func appendAll(records next: () throws -> [StoreRecord]?, expected: Int?) throws -> AppendResult
    /// Transitions with `range` containing their effective time, at the given places (nil: all), in effective order.
    func transitions(in range: TimeRange, places: [PlaceKey]?) throws -> [Transition]
    /// UTC days on which a transition takes effect or a stated `until` falls, ascending.
    func daysWithEvents() throws -> [CivilDate]
    /// Transitions appended after `marker`, in append order, and the marker to pass next time.
    func changes(since marker: StoreMarker) throws -> (transitions: [Transition], marker: StoreMarker)
    /// Whether a report with this content hash has been stored.
    func reportExists(_ hash: ContentHash) throws -> Bool
    /// How many transitions the store holds.
    func count() throws -> Int
    /// The marker after everything stored now (where live mode starts after loading the history).
    func marker() throws -> StoreMarker
    /// Transitions appended after `marker`, in append order, handed over `batch` at a time; returns the
    /// marker after the last one.
    func appended(since marker: StoreMarker, batch: Int, _ body: ([Transition]) throws -> Void) throws -> StoreMarker
    /// The history from `start` on (see `WindowedHistory`).
    func loadWindow(from start: Timestamp) throws -> WindowedHistory
    /// The effective second of the `n`-th newest transition at or before `t`, or of the oldest when fewer
    /// are stored; nil when none is.
    func effective(newest n: Int, atOrBefore t: Timestamp) throws -> Int64?
}

extension AlertStoring {
    /// Appends transitions that came from no particular report row (an import).
    @discardableResult
    public func append(_ transitions: [Transition]) throws -> AppendResult {
        try append(transitions, report: nil)
    }

    /// One transaction per batch.
    public func appendAll(_ next: () throws -> [Transition]?) throws -> AppendResult {
        var result = AppendResult()
        while let batch = try next() { result = result + (try append(batch)) }
        return result
    }

    /// The records' transitions, batch by batch.
    public func appendAll(records next: () throws -> [StoreRecord]?, expected: Int?) throws -> AppendResult {
        try appendAll { try next()?.map(\.transition) }
    }

    /// Every stored transition, in effective order.
    public func allTransitions() throws -> [Transition] { try transitions(in: .all, places: nil) }

    /// The whole history folded into a machine, read in append order (so `late` flags are those of
    /// arrival) and in batches (so the rows are not held twice while folding).
    public func loadHistory() throws -> StateMachine {
        var machine = StateMachine()
        machine.reserveCapacity(Int(clamping: try marker().value))  // the last row id: at least the row count
        _ = try appended(since: .start, batch: 65_536) { machine.insert($0) }
        return machine
    }
}

/// A report as ingested: its content hash, where it came from and when it was published.
public struct ReportRow: Sendable, Hashable {
    public var hash: ContentHash
    public var source: String
    public var reported: Timestamp?

    public init(hash: ContentHash, source: String, reported: Timestamp? = nil) {
        self.hash = hash
        self.source = source
        self.reported = reported
    }
}

/// What one append did.
public struct AppendResult: Sendable, Hashable {
    /// Transitions that were new.
    public var added: Int
    /// Transitions whose natural key was already stored (or repeated within the batch).
    public var present: Int

    public init(added: Int = 0, present: Int = 0) {
        self.added = added
        self.present = present
    }

    public static func + (a: AppendResult, b: AppendResult) -> AppendResult {
        AppendResult(added: a.added + b.added, present: a.present + b.present)
    }
}

/// A position in the store's append order, for live mode ("what arrived since").
public struct StoreMarker: Sendable, Hashable, Comparable {
    public var value: Int64
    public init(_ value: Int64) { self.value = value }
    /// Before everything.
    public static let start = StoreMarker(0)
    public static func < (a: StoreMarker, b: StoreMarker) -> Bool { a.value < b.value }
}

/// A half-open span of effective times: from ≤ t < to; a nil end is unbounded.
public struct TimeRange: Sendable, Hashable {
    public var from: Timestamp?
    public var to: Timestamp?

    public init(from: Timestamp? = nil, to: Timestamp? = nil) {
        self.from = from
        self.to = to
    }

    /// Everything.
    public static let all = TimeRange()

    /// One UTC day.
    public static func day(_ d: CivilDate) -> TimeRange {
        TimeRange(
            from: Timestamp(seconds: d.dayNumber * 86_400),
            to: Timestamp(seconds: (d.dayNumber + 1) * 86_400))
    }

    /// Everything up to and including `t` (what the board at `t` folds).
    public static func through(_ t: Timestamp) -> TimeRange {
        TimeRange(to: Timestamp(seconds: t.seconds + 1))
    }

    public func contains(_ t: Timestamp) -> Bool {
        (from.map { t >= $0 } ?? true) && (to.map { t < $0 } ?? true)
    }
}

extension PlaceKey {
    /// Whether a filter key selects `other`: same name, and same country unless the filter has none.
    public func selects(_ other: PlaceKey) -> Bool {
        name == other.name && (country.isEmpty || country == other.country)
    }
}
