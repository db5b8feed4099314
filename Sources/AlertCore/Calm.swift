/// An instant after which a place's fold is as good as a fresh one: every step at or before it has
/// ended at normal, no `until` is pending, and the sources of a normal level never matter again.
public struct CalmPoint: Sendable, Hashable {
    /// The instant, in seconds.
    public var time: Int64
    /// The caller's tag of the transition that made the place normal (an expiry: the one whose until passed).
    public var tag: Int64
    /// `.lifted`, `.expired` or `.conflict` (a conflict whose winner lifted).
    public var kind: ChangeKind

    public init(time: Int64, tag: Int64, kind: ChangeKind) {
        self.time = time
        self.tag = tag
        self.kind = kind
    }
}

/// Follows one place's fold an instant at a time, forgetting everything at each calm instant, so it holds
/// only the open level period however long the history (the store's calm table is computed with it).
public struct CalmTracker: Sendable {
    private var store: [Transition] = []
    private var tags: [Int64] = []
    private var steps: [Step] = []
    private var fold = PlaceFold(steps: [], losers: [:], store: [])

    public init() {}

    /// Feeds every transition of one instant (in fold order, later than all fed before); returns the calm
    /// points that are settled now.
    public mutating func feed(_ group: [Transition], tags groupTags: [Int64]) -> [CalmPoint] {
        guard let instant = group.first?.effective.seconds else { return [] }
        fold.expire(through: instant)
        var out: [CalmPoint] = []
        // Nothing at an earlier instant can follow a normal step older than this one: settle and start afresh.
        if let last = fold.steps.last, last.level == .normal, last.time < instant {
            out = settle()
        }
        let first = Int32(store.count)
        store += group
        tags += groupTags
        fold.apply(group: Array(first..<Int32(store.count))[...], store: store)
        return out
    }

    /// The calm points left once the history has ended (pending expiries applied).
    public mutating func finish() -> [CalmPoint] {
        fold.expire(through: .max)
        return settle()
    }

    private mutating func settle() -> [CalmPoint] {
        let out = Self.calmPoints(fold.steps) { tags[Int($0)] }
        store.removeAll(keepingCapacity: true)
        tags.removeAll(keepingCapacity: true)
        fold = PlaceFold(steps: [], losers: [:], store: [])
        return out
    }

    /// The instants whose last step is at normal, with the step's transition and kind.
    static func calmPoints(_ steps: [Step], tag: (Int32) -> Int64) -> [CalmPoint] {
        var out: [CalmPoint] = []
        for k in steps.indices where steps[k].level == .normal {
            if k + 1 < steps.count && steps[k + 1].time == steps[k].time { continue }
            out.append(CalmPoint(time: steps[k].time, tag: tag(steps[k].item), kind: steps[k].change ?? .lifted))
        }
        return out
    }
}

/// A place's fold resumed at one of its calm instants.
public struct Seed: Sendable {
    /// The transition that made the place normal then (an expiry: the one whose until passed).
    public var transition: Transition
    /// The calm instant, in seconds.
    public var time: Int64
    public var kind: ChangeKind

    public init(transition: Transition, time: Int64, kind: ChangeKind) {
        self.transition = transition
        self.time = time
        self.kind = kind
    }
}

extension StateMachine {
    /// Starts places at calm instants instead of at their first transition: each place then folds only
    /// what is inserted after its seed, and the board and log from the seed's instant on are exactly those
    /// of the whole history. Call before inserting anything of those places; a place inserted later at or
    /// before its seed's instant drops the seed and refolds from its own transitions.
    public mutating func seed(_ seeds: [Seed]) {
        // New places come last: their steps are appended to the seek index, not the whole of it rebuilt per call.
        var appended = true
        for s in seeds {
            let p = Int(place(for: s.transition.placeKey))
            precondition(tracks[p].items.isEmpty && tracks[p].steps.isEmpty, "seeding a place already folded")
            let idx = hold(s.transition, place: Int32(p), late: false)
            // Not in the log index: its `from` is unknown, and it is at or before the window anyway.
            tracks[p].steps = [
                Step(
                    time: s.time, until: Step.noEnd, item: idx, base: 0, untilItem: s.kind == .expired ? idx : -1,
                    level: .normal, change: s.kind)
            ]
            tracks[p].seedTime = s.time
            if appended && p == stepTimes.placeCount {
                stepTimes.update(p, keep: 0, steps: tracks[p].steps)
            } else {
                appended = false
            }
        }
        // A seeded place held no steps: all of its steps are new.
        if !appended { stepTimes.rebuild(tracks, kept: [:]) }
    }

    /// Every place's calm points in the fold as it stands (tags are arrival indices).
    func calmPoints() -> [PlaceKey: [CalmPoint]] {
        var out: [PlaceKey: [CalmPoint]] = [:]
        for t in tracks {
            let c = CalmTracker.calmPoints(t.steps) { Int64($0) }
            if !c.isEmpty { out[t.key] = c }
        }
        return out
    }

    /// The transition behind a calm point's tag from `calmPoints()`.
    func heldTransition(_ tag: Int64) -> Transition { store[Int(tag)] }
}
