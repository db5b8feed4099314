/// One place on the board at an instant: the place's number in the machine and the step of its
/// history in force then. A few bytes; a place's full `PlaceState` is built only when asked for.
public struct BoardEntry: Sendable, Hashable {
    /// The place's number in its machine (`StateMachine.placeKey(_:)`).
    public let place: Int32
    let step: Int32
    public let level: Level
    /// When the level ends by itself (seconds; `Int64.min` when it does not), kept so the screen can find
    /// the board's next change without looking into every place's history.
    public let untilSeconds: Int64
}

/// The board at an instant as the screen needs it: an entry per place that has a state, and the
/// count per level. Built with one binary search per place and no per-place allocation.
public struct BoardSnapshot: Sendable, Hashable {
    public internal(set) var time: Timestamp
    /// In place order.
    public internal(set) var entries: [BoardEntry]
    /// Places per level, indexed by `Level.rawValue`.
    public internal(set) var counts: [Int]
}

/// What a board row shows of one place. The strings are the machine's own (shared, not copied).
public struct BoardRow: Sendable, Hashable {
    public var city: String
    public var country: String?
    public var placeID: Int?
    public var level: Level
    public var since: Timestamp
    public var until: Timestamp?
    public var lastChange: Timestamp
    /// Distinct reports supporting the current level.
    public var sourceCount: Int
}

extension BoardSnapshot {
    /// Brings this snapshot of `machine` (unchanged since it was taken) to `t`: only the places that
    /// changed in between are looked up again, so a replay step costs what it changes, either way; the
    /// whole board is taken again when many changed.
    public mutating func move(to t: Timestamp, in machine: StateMachine) {
        guard t != time else { return }
        let lo = min(time, t).seconds
        let hi = max(time, t).seconds
        let moved =
            machine.transitionCount(after: lo, through: hi)
            + machine.changeCount(from: Timestamp(seconds: lo + 1), to: Timestamp(seconds: hi))
        // An entry that appears or goes moves the entries after it: beyond a few, one whole snapshot is cheaper.
        guard moved <= 64 else {
            self = machine.snapshot(at: t)
            return
        }
        time = t
        for p in machine.placesChanged(after: lo, through: hi) {
            let i = entries.partitionPoint { $0.place < p }
            let old = i < entries.count && entries[i].place == p ? entries[i] : nil
            let new = machine.boardEntry(of: p, at: t)
            if let old { counts[old.level.rawValue] -= 1 }
            if let new { counts[new.level.rawValue] += 1 }
            switch (old, new) {
            case (.some, .some(let e)): entries[i] = e
            case (.some, nil): entries.remove(at: i)
            case (nil, .some(let e)): entries.insert(e, at: i)
            case (nil, nil): break
            }
        }
    }
}

extension StateMachine {
    /// How many places the machine knows; places are numbered 0..<placeCount in arrival order.
    public var placeCount: Int { tracks.count }

    /// The key of place number `p`.
    public func placeKey(_ p: Int32) -> PlaceKey { tracks[Int(p)].key }

    /// The number of the place with `key`, nil when it never appeared.
    public func placeNumber(_ key: PlaceKey) -> Int32? { placeIndex[key] }

    /// The place's name, country and gazetteer id as its first transition gave them.
    public func placeIdentity(_ p: Int32) -> (city: String, country: String?, placeID: Int?) {
        let track = tracks[Int(p)]
        let items = track.items
        let seed = track.seedTime != nil ? track.steps.first?.item : nil
        guard let first = seed ?? items.first else { return (track.key.name, nil, nil) }
        let t = store[Int(first)]
        var id = t.placeID
        if id == nil {
            for i in items.dropFirst() where store[Int(i)].placeID != nil {
                id = store[Int(i)].placeID
                break
            }
        }
        return (t.city, t.country, id)
    }

    /// The board at `t` as entries and counts (no place's full state is built).
    public func snapshot(at t: Timestamp) -> BoardSnapshot {
        let sec = t.seconds
        var counts = [0, 0, 0, 0]
        let entries = tracks.withUnsafeBufferPointer { tr in
            [BoardEntry](unsafeUninitializedCapacity: tr.count) { out, made in
                guard StepTimes.isExact(sec) else {
                    for k in tr.indices {
                        guard let i = tr[k].stepIndex(atOrBefore: sec) else { continue }
                        let step = tr[k].steps[i]
                        counts[step.level.rawValue] += 1
                        out.initializeElement(
                            at: made,
                            to: BoardEntry(place: Int32(k), step: Int32(i), level: step.level, untilSeconds: step.until)
                        )
                        made += 1
                    }
                    return
                }
                let c = StepTimes.searchKey(sec)
                var n = (0, 0, 0, 0)
                stepTimes.keys.withUnsafeBufferPointer { keys in
                    stepTimes.ends.withUnsafeBufferPointer { ends in
                        stepTimes.starts.withUnsafeBufferPointer { st in
                            for k in tr.indices {
                                let lo = Int(st[k])
                                guard let j = StepTimes.last(keys, from: lo, to: Int(st[k + 1]), atOrBelow: c)
                                else { continue }
                                let level: Level
                                let until: Int64
                                if StepTimes.isCalm(keys[j]) {
                                    (level, until) = (.normal, Step.noEnd)
                                } else if let held = StepTimes.levelAndEnd(ends[j]) {
                                    (level, until) = held
                                } else {
                                    let step = tr[k].steps[j - lo]
                                    (level, until) = (step.level, step.until)
                                }
                                switch level {
                                case .normal: n.0 += 1
                                case .yellow: n.1 += 1
                                case .orange: n.2 += 1
                                case .red: n.3 += 1
                                }
                                out.initializeElement(
                                    at: made,
                                    to: BoardEntry(
                                        place: Int32(k), step: Int32(j - lo), level: level, untilSeconds: until))
                                made += 1
                            }
                        }
                    }
                }
                counts = [n.0, n.1, n.2, n.3]
            }
        }
        return BoardSnapshot(time: t, entries: entries, counts: counts)
    }

    /// Whether the seek index holds exactly every place's step times (for tests).
    func stepTimesMatchTracks() -> Bool {
        guard stepTimes.placeCount == tracks.count else { return false }
        for (p, track) in tracks.enumerated() {
            let run = Int(stepTimes.starts[p])..<Int(stepTimes.starts[p + 1])
            guard stepTimes.keys[run].elementsEqual(track.steps.lazy.map(StepTimes.key)),
                stepTimes.ends[run].elementsEqual(track.steps.lazy.map(StepTimes.end))
            else { return false }
        }
        return true
    }

    /// Place `p`'s entry at `t`, nil when nothing had happened to it yet.
    public func boardEntry(of p: Int32, at t: Timestamp) -> BoardEntry? {
        let track = tracks[Int(p)]
        guard let i = track.stepIndex(atOrBefore: t.seconds) else { return nil }
        let step = track.steps[i]
        return BoardEntry(place: p, step: Int32(i), level: step.level, untilSeconds: step.until)
    }

    /// The full state behind an entry (sources and evidence included).
    public func placeState(_ e: BoardEntry) -> PlaceState {
        store.withUnsafeBufferPointer { tracks[Int(e.place)].state(at: Int(e.step), store: $0) }
    }

    /// What a board row shows of an entry, built without allocating.
    public func row(_ e: BoardEntry) -> BoardRow {
        let track = tracks[Int(e.place)]
        let s = Int(e.step)
        let step = track.steps[s]
        let b = Int(step.base)
        let begin = track.steps[b]
        return store.withUnsafeBufferPointer { st in
            let first = st[Int(begin.item)]
            if begin.change == .expired {
                let at = track.time(of: begin, store: st)
                return BoardRow(
                    city: first.city, country: first.country, placeID: first.placeID, level: .normal, since: at,
                    until: nil, lastChange: at, sourceCount: 0)
            }
            var sources = 1
            var lastChange = first.effective
            track.forEachLaterStep(upTo: s, store: st) { k, newSource in
                if newSource { sources += 1 }
                if track.steps[k].change != nil { lastChange = st[Int(track.steps[k].item)].effective }
            }
            return BoardRow(
                city: first.city, country: first.country, placeID: first.placeID, level: step.level,
                since: first.effective, until: track.until(of: step, store: st), lastChange: lastChange,
                sourceCount: sources)
        }
    }

    /// When an entry's level ends by itself, if it does.
    public func until(_ e: BoardEntry) -> Timestamp? {
        let track = tracks[Int(e.place)]
        return store.withUnsafeBufferPointer { track.until(of: track.steps[Int(e.step)], store: $0) }
    }

    /// How many transitions took effect in (`lo`, `hi`] (seconds).
    public func transitionCount(after lo: Int64, through hi: Int64) -> Int {
        guard lo < hi else { return 0 }
        return firstTransition(after: hi) - firstTransition(after: lo)
    }

    /// The effective second of the first transition after `t`, nil when none is.
    public func nextTransitionTime(after t: Int64) -> Int64? {
        let i = firstTransition(after: t)
        return i < order.count ? store[Int(order[i])].effective.seconds : nil
    }

    /// Places with a transition or a log entry in (`lo`, `hi`] (seconds), ascending.
    public func placesChanged(after lo: Int64, through hi: Int64) -> [Int32] {
        guard lo < hi else { return [] }
        var out = Set<Int32>()
        for k in firstTransition(after: lo)..<firstTransition(after: hi) {
            out.insert(placeOf[Int(order[k])])
        }
        let a = logIndex.partitionPoint { $0.time <= lo }
        let b = logIndex.partitionPoint { $0.time <= hi }
        for r in logIndex[a..<b] { out.insert(r.place) }
        return out.sorted()
    }

    /// Index into fold order of the first transition with effective > `t`.
    private func firstTransition(after t: Int64) -> Int {
        store.withUnsafeBufferPointer { s in order.partitionPoint { s[Int($0)].effective.seconds <= t } }
    }
}
