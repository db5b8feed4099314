/// What a log row shows of one entry. The strings are the machine's own (shared, not copied).
public struct LogLine: Sendable, Hashable {
    public var time: Timestamp
    /// The place's number in its machine.
    public var place: Int32
    public var city: String
    public var country: String?
    public var from: Level
    public var to: Level
    public var kind: ChangeKind
    public var late: Bool
    /// The first report behind the change.
    public var source: String
    public var until: Timestamp?
}

extension LogLine {
    /// The row of an entry already built (a replayed day's events).
    public init(_ e: LogEntry, place: Int32) {
        self.init(
            time: e.time, place: place, city: e.city, country: e.country, from: e.from, to: e.to, kind: e.kind,
            late: e.late, source: e.sources.first ?? "", until: e.until)
    }
}

extension StateMachine {
    /// Log positions (0..<logCount, time order) of the entries with from ≤ time ≤ to.
    public func logPositions(from: Timestamp, to: Timestamp) -> Range<Int> {
        guard from <= to else { return 0..<0 }
        let lo = logIndex.partitionPoint { $0.time < from.seconds }
        let hi = logIndex.partitionPoint { $0.time <= to.seconds }
        return lo..<hi
    }

    /// The place and levels of the entry at a log position (for filtering, nothing built).
    public func logSummary(at position: Int) -> (place: Int32, from: Level, to: Level, time: Int64) {
        let r = logIndex[position]
        let steps = tracks[Int(r.place)].steps
        let s = Int(r.step)
        return (r.place, s > 0 ? steps[s - 1].level : .normal, steps[s].level, r.time)
    }

    /// The full entry at a log position.
    public func logEntry(at position: Int) -> LogEntry { entries(logIndex[position...position])[0] }

    /// What a log row shows of the entry at a log position, built without allocating.
    public func logLine(at position: Int) -> LogLine {
        let r = logIndex[position]
        let track = tracks[Int(r.place)]
        let s = Int(r.step)
        let step = track.steps[s]
        let from = s > 0 ? track.steps[s - 1].level : .normal
        return store.withUnsafeBufferPointer { st in
            let t = st[Int(step.item)]
            if step.change == .expired {
                let begin = Int(track.steps[s - 1].base)
                return LogLine(
                    time: track.time(of: step, store: st), place: r.place, city: t.city, country: t.country,
                    from: from, to: .normal, kind: .expired, late: false,
                    source: st[Int(track.steps[begin].item)].source,
                    until: nil)
            }
            return LogLine(
                time: t.effective, place: r.place, city: t.city, country: t.country, from: from, to: step.level,
                kind: step.change ?? .declared, late: lateFlags[Int(step.item)], source: t.source,
                until: track.until(of: step, store: st))
        }
    }

    /// The natural key of the transition behind a log position (nil for an expiry).
    public func logTransitionKey(at position: Int) -> String? {
        let r = logIndex[position]
        let step = tracks[Int(r.place)].steps[Int(r.step)]
        return step.change == .expired ? nil : store[Int(step.item)].naturalKey
    }
}
