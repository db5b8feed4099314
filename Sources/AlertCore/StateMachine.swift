/// Folds transitions, in effective order, into a board and an event log.
///
/// The board at T is the fold of every transition with effective ≤ T. Places fold independently,
/// so each place keeps its own sorted list of steps (its segment list): `board(at:)` is one binary
/// search per place, never a refold from the start, and a late transition refolds only its own
/// place from its effective instant on. Nothing is dropped.
public struct StateMachine: Sendable {
    /// Every transition, in arrival order; everything else refers to them by index.
    var store: [Transition] = []
    /// Per arrival: something later for the same place was already held when it arrived.
    var lateFlags: [Bool] = []
    /// Per arrival: its place's number (so range queries never rebuild a `PlaceKey`).
    var placeOf: [Int32] = []
    /// Arrival indices in fold order.
    var order: [Int32] = []
    var tracks: [PlaceTrack] = []
    var placeIndex: [PlaceKey: Int32] = [:]
    /// Every step that makes a log entry, in log order: time, then place, then step.
    var logIndex: [LogRef] = []
    /// Every place's step times in one array, for seeks; kept in step with `tracks` by `refold`.
    var stepTimes = StepTimes()

    struct LogRef: Sendable, Equatable {
        var time: Int64
        var place: Int32
        var step: Int32
    }

    public init(_ transitions: [Transition] = []) {
        insert(transitions)
    }

    /// All transitions in fold order (built on each call: O(n)).
    public var transitions: [Transition] { order.map { store[Int($0)] } }

    /// Every applied change, in time order (built on each call: O(n); prefer `changes(from:to:)`).
    public var log: [LogEntry] { entries(logIndex[...]) }

    /// How many transitions are held.
    public var transitionCount: Int { store.count }

    /// How many log entries the fold made.
    public var logCount: Int { logIndex.count }

    /// Makes room for `n` transitions in all, so a large load never copies what it holds to grow.
    public mutating func reserveCapacity(_ n: Int) {
        store.reserveCapacity(n)
        lateFlags.reserveCapacity(n)
        placeOf.reserveCapacity(n)
        order.reserveCapacity(n)
        logIndex.reserveCapacity(n)
    }

    /// Adds transitions (any order, duplicates by natural key ignored); returns how many were new.
    ///
    /// Each affected place is refolded from the earliest effective instant it received; appending
    /// in order touches only the end of one place's steps.
    @discardableResult
    public mutating func insert(_ new: [Transition]) -> Int {
        var dirty: [Int32: Int64] = [:]
        var added: [Int32] = []
        for t in new {
            let p = place(for: t.placeKey)
            guard let pos = insertionPoint(of: t, in: tracks[Int(p)].items) else { continue }
            let e = t.effective.seconds
            let late = tracks[Int(p)].items.last.map { store[Int($0)].effective.seconds > e } ?? false
            let idx = hold(t, place: p, late: late)
            tracks[Int(p)].items.insert(idx, at: pos)
            // A seed stands for everything up to its instant: anything at or before it refolds the place
            // from its own transitions (the caller hands over the place's whole history with it).
            var from = e
            if let seeded = tracks[Int(p)].seedTime, e <= seeded {
                tracks[Int(p)].seedTime = nil
                from = .min
            }
            dirty[p] = min(dirty[p] ?? from, from)
            added.append(idx)
        }
        guard !added.isEmpty else { return 0 }
        mergeIntoOrder(added)
        refold(dirty)
        return added.count
    }

    /// The number of the place with `key`, a new empty track when it is new.
    mutating func place(for key: PlaceKey) -> Int32 {
        if let found = placeIndex[key] { return found }
        let p = Int32(tracks.count)
        tracks.append(PlaceTrack(key: key))
        placeIndex[key] = p
        return p
    }

    /// Keeps `t` (arrived for place `p`); returns its arrival index.
    mutating func hold(_ t: Transition, place p: Int32, late: Bool) -> Int32 {
        let idx = Int32(store.count)
        store.append(t)
        lateFlags.append(late)
        placeOf.append(p)
        return idx
    }

    /// Where `t` goes among a place's items, or nil when the same statement is already held.
    private func insertionPoint(of t: Transition, in items: [Int32]) -> Int? {
        let pos = items.partitionPoint { Transition.foldOrder(store[Int($0)], t) }
        let e = t.effective.seconds
        var lo = pos
        while lo > 0 && store[Int(items[lo - 1])].effective.seconds == e { lo -= 1 }
        var hi = pos
        while hi < items.count && store[Int(items[hi])].effective.seconds == e { hi += 1 }
        for k in lo..<hi where store[Int(items[k])].isSameStatement(as: t) { return nil }
        return pos
    }

    private mutating func mergeIntoOrder(_ added: [Int32]) {
        let s = store
        let sorted = added.sorted { Transition.foldOrder(s[Int($0)], s[Int($1)]) }
        if let last = order.last, let first = sorted.first,
            !Transition.foldOrder(s[Int(last)], s[Int(first)])
        {
            if sorted.count < 64 {
                for i in sorted {
                    let pos = order.partitionPoint { Transition.foldOrder(s[Int($0)], s[Int(i)]) }
                    order.insert(i, at: pos)
                }
            } else {
                var merged: [Int32] = []
                merged.reserveCapacity(order.count + sorted.count)
                var a = 0
                var b = 0
                while a < order.count && b < sorted.count {
                    if Transition.foldOrder(s[Int(sorted[b])], s[Int(order[a])]) {
                        merged.append(sorted[b])
                        b += 1
                    } else {
                        merged.append(order[a])
                        a += 1
                    }
                }
                merged.append(contentsOf: order[a...])
                merged.append(contentsOf: sorted[b...])
                order = merged
            }
        } else {
            order.append(contentsOf: sorted)
        }
    }

    private mutating func refold(_ dirty: [Int32: Int64]) {
        var removed: [LogRef] = []
        var added: [LogRef] = []
        var keepOf: [Int32: Int32] = [:]
        let s = store
        for (p, e) in dirty {
            let old = tracks[Int(p)].steps
            let keep = tracks[Int(p)].refold(from: e, store: s)
            keepOf[p] = Int32(keep)
            let new = tracks[Int(p)].steps
            for k in keep..<old.count where old[k].change != nil {
                removed.append(LogRef(time: old[k].time, place: p, step: Int32(k)))
            }
            for k in keep..<new.count where new[k].change != nil {
                added.append(LogRef(time: new[k].time, place: p, step: Int32(k)))
            }
        }
        if dirty.count <= 4 {
            for (p, keep) in keepOf { stepTimes.update(Int(p), keep: Int(keep), steps: tracks[Int(p)].steps) }
        } else {
            stepTimes.rebuild(tracks, kept: keepOf)
        }
        added.sort(by: logBefore)
        if removed.count + added.count < 64 {
            for r in removed {
                let i = logIndex.partitionPoint { logBefore($0, r) }
                if i < logIndex.count && logIndex[i] == r { logIndex.remove(at: i) }
            }
            for a in added {
                let i = logIndex.partitionPoint { logBefore($0, a) }
                logIndex.insert(a, at: i)
            }
        } else {
            let kept = logIndex.filter { r in keepOf[r.place].map { r.step < $0 } ?? true }
            var merged: [LogRef] = []
            merged.reserveCapacity(kept.count + added.count)
            var a = 0
            var b = 0
            while a < kept.count && b < added.count {
                if logBefore(added[b], kept[a]) {
                    merged.append(added[b])
                    b += 1
                } else {
                    merged.append(kept[a])
                    a += 1
                }
            }
            merged.append(contentsOf: kept[a...])
            merged.append(contentsOf: added[b...])
            logIndex = merged
        }
    }

    /// Log order: time, then place, then the place's own step order. Independent of arrival order.
    func logBefore(_ a: LogRef, _ b: LogRef) -> Bool {
        if a.time != b.time { return a.time < b.time }
        if a.place == b.place { return a.step < b.step }
        return tracks[Int(a.place)].key < tracks[Int(b.place)].key
    }

    func entries(_ refs: ArraySlice<LogRef>) -> [LogEntry] {
        store.withUnsafeBufferPointer { s in
            tracks.withUnsafeBufferPointer { tr in
                refs.map { tr[Int($0.place)].entry(at: Int($0.step), store: s, late: lateFlags) }
            }
        }
    }

    /// The board at instant `t` (expiries with until ≤ t applied).
    public func board(at t: Timestamp) -> Board {
        var places: [PlaceKey: PlaceState] = [:]
        places.reserveCapacity(tracks.count)
        store.withUnsafeBufferPointer { s in
            tracks.withUnsafeBufferPointer { tr in
                for k in tr.indices {
                    if let i = tr[k].stepIndex(atOrBefore: t.seconds) {
                        places[tr[k].key] = tr[k].state(at: i, store: s)
                    }
                }
            }
        }
        return Board(places: places)
    }

    /// The board at instant `t` restricted to `places` (unknown places are left out).
    public func board(at t: Timestamp, places keys: some Sequence<PlaceKey>) -> Board {
        var places: [PlaceKey: PlaceState] = [:]
        for key in keys {
            if let st = state(of: key, at: t) { places[key] = st }
        }
        return Board(places: places)
    }

    /// One place's state at `t`, nil when nothing had happened to it yet.
    public func state(of key: PlaceKey, at t: Timestamp) -> PlaceState? {
        guard let p = placeIndex[key], let i = tracks[Int(p)].stepIndex(atOrBefore: t.seconds) else { return nil }
        return store.withUnsafeBufferPointer { tracks[Int(p)].state(at: i, store: $0) }
    }

    /// Applied changes with from ≤ time ≤ to, in time order.
    public func changes(from: Timestamp, to: Timestamp) -> [LogEntry] {
        guard from <= to else { return [] }
        let lo = logIndex.partitionPoint { $0.time < from.seconds }
        let hi = logIndex.partitionPoint { $0.time <= to.seconds }
        return entries(logIndex[lo..<hi])
    }

    /// How many log entries have from ≤ time ≤ to (no entries are built).
    public func changeCount(from: Timestamp, to: Timestamp) -> Int {
        guard from <= to else { return 0 }
        return logIndex.partitionPoint { $0.time <= to.seconds }
            - logIndex.partitionPoint { $0.time < from.seconds }
    }

    /// UTC days that have at least one log entry, ascending.
    public var eventDays: [CivilDate] {
        var days: [CivilDate] = []
        var last: Int64?
        for r in logIndex {
            let d = Timestamp(seconds: r.time).utcDay
            if d != last {
                days.append(CivilDate(day: d))
                last = d
            }
        }
        return days
    }

    /// A place's level at `from`, then each instant in (from, to] at which its level changed.
    public func levelHistory(of key: PlaceKey, from: Timestamp, to: Timestamp) -> [LevelChange] {
        var out = [LevelChange(time: from, level: state(of: key, at: from)?.level ?? .normal)]
        guard let p = placeIndex[key], from < to else { return out }
        let steps = tracks[Int(p)].steps
        var k = steps.partitionPoint { $0.time <= from.seconds }
        while k < steps.count && steps[k].time <= to.seconds {
            let step = steps[k]
            if step.level != out[out.count - 1].level {
                if out[out.count - 1].time.seconds == step.time {
                    out[out.count - 1].level = step.level
                } else {
                    out.append(LevelChange(time: Timestamp(seconds: step.time), level: step.level))
                }
            }
            k += 1
        }
        return out
    }

    /// The full-refold baseline: folds every transition with effective ≤ t from scratch, using no index.
    public func refold(upTo t: Timestamp) -> Board {
        let folded = Self.foldFromScratch(store, upTo: t.seconds)
        var places: [PlaceKey: PlaceState] = [:]
        store.withUnsafeBufferPointer { s in
            for track in folded {
                if let i = track.stepIndex(atOrBefore: t.seconds) { places[track.key] = track.state(at: i, store: s) }
            }
        }
        return Board(places: places)
    }

    /// The log a from-scratch fold of everything makes (late flags as recorded at arrival).
    func refoldLog() -> [LogEntry] {
        let folded = Self.foldFromScratch(store, upTo: .max)
        var refs: [(Int64, PlaceKey, Int, Int)] = []
        for (p, track) in folded.enumerated() {
            for (k, st) in track.steps.enumerated() where st.change != nil { refs.append((st.time, track.key, k, p)) }
        }
        refs.sort { a, b in a.0 != b.0 ? a.0 < b.0 : a.1 != b.1 ? a.1 < b.1 : a.2 < b.2 }
        return store.withUnsafeBufferPointer { s in
            refs.map { folded[$0.3].entry(at: $0.2, store: s, late: lateFlags) }
        }
    }

    private static func foldFromScratch(_ store: [Transition], upTo t: Int64) -> [PlaceTrack] {
        var byPlace: [PlaceKey: [Int32]] = [:]
        for (i, tr) in store.enumerated() where tr.effective.seconds <= t {
            byPlace[tr.placeKey, default: []].append(Int32(i))
        }
        return byPlace.map { key, items in
            var track = PlaceTrack(key: key)
            track.items = items.sorted { Transition.foldOrder(store[Int($0)], store[Int($1)]) }
            track.refold(from: .min, store: store)
            return track
        }
    }
}

/// A place's level from an instant on.
public struct LevelChange: Sendable, Hashable {
    public var time: Timestamp
    public var level: Level

    public init(time: Timestamp, level: Level) {
        self.time = time
        self.level = level
    }
}
