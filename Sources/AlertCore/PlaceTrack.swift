/// One place's history: its transitions in fold order and the steps the fold derived from them.
///
/// The steps are the place's segment list: sorted by time, so the state at any instant is one
/// binary search away, and a late transition refolds only the steps from its instant on.
struct PlaceTrack: Sendable {
    let key: PlaceKey
    /// Arrival indices into the machine's store, in fold order.
    var items: [Int32] = []
    var steps: [Step] = []
    /// Conflict step index → arrival indices of the losing transitions.
    var losers: [Int32: [Int32]] = [:]
    /// When the fold resumes from a seed (steps[0], not in the log), the seed's instant in seconds.
    var seedTime: Int64?

    init(key: PlaceKey) { self.key = key }

    /// Recomputes the steps from instant `e` on; returns how many leading steps were kept unchanged.
    @discardableResult
    mutating func refold(from e: Int64, store: [Transition]) -> Int {
        let keep = steps.partitionPoint { $0.time < e }
        var fold = PlaceFold(
            steps: Array(steps[..<keep]), losers: losers.filter { Int($0.key) < keep }, store: store)
        var i = items.partitionPoint { store[Int($0)].effective.seconds < e }
        while i < items.count {
            let instant = store[Int(items[i])].effective.seconds
            var j = i + 1
            while j < items.count && store[Int(items[j])].effective.seconds == instant { j += 1 }
            fold.expire(through: instant)
            fold.apply(group: items[i..<j], store: store)
            i = j
        }
        fold.expire(through: .max)
        steps = fold.steps
        losers = fold.losers
        return keep
    }

    /// Index of the last step at or before `t` (seconds), nil when the place has no state yet.
    func stepIndex(atOrBefore t: Int64) -> Int? {
        let n = steps.partitionPoint { $0.time <= t }
        return n == 0 ? nil : n - 1
    }

    /// The place's state as of step `s`.
    func state(at s: Int, store: UnsafeBufferPointer<Transition>) -> PlaceState {
        let step = steps[s]
        let b = Int(step.base)
        let begin = steps[b]
        let i = Int(begin.item)
        if begin.change == .expired {
            let at = time(of: begin, store: store)
            return PlaceState(
                city: store[i].city, country: store[i].country, scope: store[i].scope, placeID: store[i].placeID,
                level: .normal, scheme: store[i].scheme, schemeLevel: nil, since: at, until: nil, sources: [],
                evidence: [], lastChange: at)
        }
        var sources = [store[i].source]
        var evidence = store[i].evidence.map { [$0] } ?? []
        var lastChange = store[i].effective
        forEachLaterStep(upTo: s, store: store) { k, newSource in
            let st = steps[k]
            let j = Int(st.item)
            if newSource {
                sources.append(store[j].source)
                if let e = store[j].evidence { evidence.append(e) }
            } else if st.change == .extended, let e = store[j].evidence {
                evidence.append(e)
            }
            if st.change != nil { lastChange = store[j].effective }
        }
        return PlaceState(
            city: store[i].city, country: store[i].country, scope: store[i].scope, placeID: store[i].placeID,
            level: step.level, scheme: store[i].scheme, schemeLevel: step.level == .normal ? nil : store[i].schemeLevel,
            since: store[i].effective, until: until(of: step, store: store), sources: sources, evidence: evidence,
            lastChange: lastChange)
    }

    /// Walks the steps of step `s`'s level period after its first, up to `s`: each step's index, and whether
    /// its report is one the period had not heard from before (what a place's sources are counted by).
    func forEachLaterStep(upTo s: Int, store: UnsafeBufferPointer<Transition>, _ body: (Int, Bool) -> Void) {
        let b = Int(steps[s].base)
        guard s > b else { return }
        for k in (b + 1)...s {
            let source = store[Int(steps[k].item)].source
            var heard = false
            for j in b..<k where store[Int(steps[j].item)].source == source {
                heard = true
                break
            }
            body(k, !heard)
        }
    }

    /// The log entry of step `s` (which must have a change).
    func entry(at s: Int, store: UnsafeBufferPointer<Transition>, late: [Bool]) -> LogEntry {
        let step = steps[s]
        let t = store[Int(step.item)]
        let from = s > 0 ? steps[s - 1].level : .normal
        let kind = step.change ?? .declared
        if kind == .expired {
            let expiredBegin = Int(steps[s - 1].base)
            var sources: [String] = []
            for k in expiredBegin..<s {
                let src = store[Int(steps[k].item)].source
                if !sources.contains(src) { sources.append(src) }
            }
            return LogEntry(
                time: time(of: step, store: store), city: t.city, country: t.country, scope: t.scope,
                from: from,
                to: .normal, kind: .expired, sources: sources, evidence: [])
        }
        var sources = [t.source]
        var evidence = t.evidence.map { [$0] } ?? []
        if kind == .conflict, let lost = losers[Int32(s)] {
            for i in lost {
                let l = store[Int(i)]
                if !sources.contains(l.source) { sources.append(l.source) }
                if let e = l.evidence { evidence.append(e) }
            }
        }
        return LogEntry(
            time: t.effective, city: t.city, country: t.country, scope: t.scope, from: from,
            to: step.level, kind: kind,
            sources: sources, evidence: evidence, until: until(of: step, store: store),
            late: late[Int(step.item)],
            transitionKey: t.naturalKey)
    }

    /// The instant a step took effect, with the precision it was written in.
    func time(of step: Step, store: UnsafeBufferPointer<Transition>) -> Timestamp {
        if step.change == .expired, step.untilItem >= 0, let u = store[Int(step.untilItem)].until,
            u.seconds == step.time
        {
            return u
        }
        if step.change != .expired {
            let e = store[Int(step.item)].effective
            if e.seconds == step.time { return e }
        }
        return Timestamp(seconds: step.time)
    }

    func until(of step: Step, store: UnsafeBufferPointer<Transition>) -> Timestamp? {
        guard step.until != Step.noEnd, step.untilItem >= 0 else { return nil }
        return store[Int(step.untilItem)].until
    }
}

extension RandomAccessCollection {
    /// The first index whose element fails `belongs`, given that every element that passes comes first.
    func partitionPoint(_ belongs: (Element) throws -> Bool) rethrows -> Index {
        var lo = startIndex
        var n = count
        while n > 0 {
            let half = n / 2
            let mid = index(lo, offsetBy: half)
            if try belongs(self[mid]) {
                lo = index(after: mid)
                n -= half + 1
            } else {
                n = half
            }
        }
        return lo
    }
}
