/// One applied effect in a place's history: a level change, an extension, a corroboration or an expiry.
///
/// Kept compact (32 bytes) because a million-transition history holds about a million of them.
struct Step: Sendable, Equatable {
    static let noEnd = Int64.min

    var time: Int64
    /// End of the current level in seconds, `noEnd` when none.
    var until: Int64
    /// Arrival index of the transition applied (for an expiry: of the one whose `until` passed).
    var item: Int32
    /// Index of the step that began the current level period.
    var base: Int32
    /// Arrival index of the transition whose `until` is in force, -1 when none.
    var untilItem: Int32
    var level: Level
    /// The log entry this step makes; nil for a silent corroboration.
    var change: ChangeKind?
}

/// The rules of the fold for one place. Places never influence one another, so the board is the
/// union of per-place folds, and a late transition only refolds its own place from its instant on.
struct PlaceFold {
    var steps: [Step]
    /// Conflict step index → arrival indices of the losing transitions.
    var losers: [Int32: [Int32]]
    /// Distinct sources supporting the current level period.
    private var sources = SourceSet()

    /// Resumes a fold whose steps (all before the instant to refold from) are already known.
    init(steps: [Step], losers: [Int32: [Int32]], store: [Transition]) {
        self.steps = steps
        self.losers = losers
        if let last = steps.last, last.change != .expired {
            for s in steps[Int(last.base)...] where s.change != .expired {
                sources.insert(store[Int(s.item)].source)
            }
        }
    }

    static func target(_ t: Transition) -> Level { t.kind == .lifted ? .normal : t.level }

    /// Applies the expiry of the current level if its end is at or before `instant`.
    mutating func expire(through instant: Int64) {
        guard let cur = steps.last, cur.level != .normal, cur.until != Step.noEnd, cur.until <= instant
        else { return }
        let at = max(cur.until, cur.time)
        steps.append(
            Step(
                time: at, until: Step.noEnd, item: cur.untilItem, base: Int32(steps.count),
                untilItem: cur.untilItem,
                level: .normal, change: .expired))
        sources.removeAll()
    }

    /// Applies every transition of one place at one instant (`group`, in fold order).
    mutating func apply(group: ArraySlice<Int32>, store: [Transition]) {
        guard group.count > 1 else {
            if let i = group.first { apply(i, store: store) }
            return
        }
        // A source's last statement at an instant is what it says the level is; the same source may
        // pass through several levels in text order ("declared red … later lowered to yellow").
        var finals: [String: Level] = [:]
        for i in group {
            let t = store[Int(i)]
            finals[t.source] = Self.target(t)
        }
        if Set(finals.values).count <= 1 {
            for i in group { apply(i, store: store) }
            return
        }
        // Fold order puts the later report (then the greater source name) last: it wins.
        let last = group[group.index(before: group.endIndex)]
        let winner = store[Int(last)].source
        var losing: [Int32] = []
        for i in group {
            let t = store[Int(i)]
            if t.source != winner {
                losing.append(i)
            } else if i != last {
                apply(i, store: store)
            }
        }
        let t = store[Int(last)]
        let to = Self.target(t)
        let index = Int32(steps.count)
        let until = to == .normal ? nil : t.until
        steps.append(
            Step(
                time: t.effective.seconds, until: until?.seconds ?? Step.noEnd, item: last, base: index,
                untilItem: until == nil ? -1 : last, level: to, change: .conflict))
        losers[index] = losing
        sources.reset(to: winner)
    }

    private mutating func apply(_ i: Int32, store: [Transition]) {
        let t = store[Int(i)]
        let to = Self.target(t)
        let e = t.effective.seconds
        let from = steps.last?.level ?? .normal
        if to == .normal {
            guard from != .normal else { return }  // lifting what is not raised says nothing
            begin(
                Step(
                    time: e, until: Step.noEnd, item: i, base: 0, untilItem: -1, level: .normal,
                    change: .lifted), t.source)
        } else if to == from, let cur = steps.last {
            if t.kind == .extended, let u = t.until?.seconds, u != cur.until {
                sources.insert(t.source)
                steps.append(
                    Step(
                        time: e, until: u, item: i, base: cur.base, untilItem: i, level: to, change: .extended))
            } else if cur.until == Step.noEnd, let u = t.until?.seconds {
                // A corroboration that states an end the level lacked: the end is adopted silently.
                sources.insert(t.source)
                steps.append(
                    Step(time: e, until: u, item: i, base: cur.base, untilItem: i, level: to, change: nil))
            } else if sources.insert(t.source).inserted {
                steps.append(
                    Step(
                        time: e, until: cur.until, item: i, base: cur.base, untilItem: cur.untilItem, level: to,
                        change: nil))
            }
        } else {
            let kind: ChangeKind = from == .normal ? .declared : (to > from ? .raised : .lowered)
            let u = t.until?.seconds ?? Step.noEnd
            begin(
                Step(
                    time: e, until: u, item: i, base: 0, untilItem: u == Step.noEnd ? -1 : i, level: to,
                    change: kind),
                t.source)
        }
    }

    private mutating func begin(_ step: Step, _ source: String) {
        var s = step
        s.base = Int32(steps.count)
        steps.append(s)
        sources.reset(to: source)
    }
}

/// The distinct sources of one level period: usually a handful, so a reused array beats a hash
/// set; a period with many sources switches to one.
struct SourceSet {
    private var items: [String] = []
    private var large: Set<String>?

    /// Adds `s`; `inserted` is false when it was already there.
    @discardableResult
    mutating func insert(_ s: String) -> (inserted: Bool, memberAfterInsert: String) {
        if large != nil { return large!.insert(s) }
        if items.contains(s) { return (false, s) }
        items.append(s)
        if items.count > 32 { large = Set(items) }
        return (true, s)
    }

    mutating func removeAll() {
        items.removeAll(keepingCapacity: true)
        large = nil
    }

    mutating func reset(to s: String) {
        removeAll()
        items.append(s)
    }
}
