/// One place's day at a glance: the highest level in each UTC hour, and the level at the cursor.
public struct PlaceTimeline: Sendable, Hashable {
    /// 24 entries, hour 0 first.
    public var hours: [Level]
    public var atCursor: Level

    public init(hours: [Level], atCursor: Level) {
        self.hours = hours
        self.atCursor = atCursor
    }
}

/// Pure bucketing of a day into hours for the replay timeline strip.
public enum Timeline {
    /// The highest level a place held during each hour of `day`, from its level history
    /// (the level at or before midnight first, then each change, as `levelHistory` gives).
    public static func hourlyMax(_ history: [LevelChange], day: CivilDate) -> [Level] {
        let start = day.dayNumber * 86_400
        var hours = [Level](repeating: .normal, count: 24)
        for (i, change) in history.enumerated() {
            // The level holds from its time (or midnight) until the next change (or the day's end).
            let from = max(change.time.seconds, start)
            let to = min(i + 1 < history.count ? history[i + 1].time.seconds : start + 86_400, start + 86_400)
            guard from < to else { continue }
            for h in Int((from - start) / 3600)...Int((to - 1 - start) / 3600) where change.level > hours[h] {
                hours[h] = change.level
            }
        }
        return hours
    }

    /// The level in force at `t` according to a level history.
    public static func level(at t: Timestamp, in history: [LevelChange]) -> Level {
        let n = history.partitionPoint { $0.time <= t }
        return n == 0 ? .normal : history[n - 1].level
    }

    /// How many log entries fall in each hour of `day` (entries outside the day are ignored).
    public static func changesPerHour(_ entries: [LogEntry], day: CivilDate) -> [Int] {
        let start = day.dayNumber * 86_400
        var counts = [Int](repeating: 0, count: 24)
        for e in entries where e.time.seconds >= start && e.time.seconds < start + 86_400 {
            counts[Int((e.time.seconds - start) / 3600)] += 1
        }
        return counts
    }
}

extension StateMachine {
    /// A place's hourly timeline for `day`, with its level at `cursor`.
    public func timeline(of key: PlaceKey, day: CivilDate, cursor: Timestamp) -> PlaceTimeline {
        let start = Timestamp(seconds: day.dayNumber * 86_400)
        let history = levelHistory(of: key, from: start, to: start.adding(seconds: 86_399))
        return PlaceTimeline(
            hours: Timeline.hourlyMax(history, day: day), atCursor: state(of: key, at: cursor)?.level ?? .normal)
    }

    /// Number of log entries in each UTC hour of `day` for the whole board.
    public func changesPerHour(day: CivilDate) -> [Int] {
        let start = Timestamp(seconds: day.dayNumber * 86_400)
        return (0..<24).map { h in
            changeCount(from: start.adding(seconds: Int64(h) * 3600), to: start.adding(seconds: Int64(h) * 3600 + 3599))
        }
    }
}
