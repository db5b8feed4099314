/// The replay position within one UTC day: a true replay clock, the current event, play/pause and speed.
///
/// A pure value: it never reads wall time; the caller passes elapsed real seconds to `advance(byReal:)`.
/// Stepping is an index move over the day's events, equally cheap in both directions.
public struct ReplayCursor: Sendable, Hashable {
    public static let minSpeed = 1
    public static let maxSpeed = 3600

    /// The day being replayed.
    public let day: CivilDate
    /// The day's log entries in time order.
    public let events: [LogEntry]
    /// Index of the current event (the last one at or before the clock after a seek), nil before the first.
    public private(set) var eventIndex: Int?
    public var playing: Bool
    /// Replay seconds per real second.
    public private(set) var speed: Int
    /// The longest real wait between two events, in seconds, at any speed; 0 turns compression off.
    public var maxGap: Double
    /// Seconds since the start of the day, fractional so slow play accumulates.
    private var offset: Double

    /// A paused cursor at the start of `day` (events outside the day are ignored).
    public init(day: CivilDate, events: [LogEntry], speed: Int = 60, maxGap: Double = 10) {
        self.day = day
        let start = day.dayNumber * 86_400
        self.events = events.filter { $0.time.seconds >= start && $0.time.seconds < start + 86_400 }
            .enumerated().sorted { a, b in
                a.element.time != b.element.time ? a.element.time < b.element.time : a.offset < b.offset
            }.map(\.element)
        self.playing = false
        self.speed = min(max(speed, Self.minSpeed), Self.maxSpeed)
        self.maxGap = max(0, maxGap)
        self.offset = 0
        self.eventIndex = nil
        sync()
    }

    /// Midnight UTC, seconds.
    public var dayStart: Int64 { day.dayNumber * 86_400 }
    /// The last second of the day.
    public var dayLast: Int64 { dayStart + 86_399 }

    /// The true replay clock (whole seconds).
    public var time: Timestamp { Timestamp(seconds: dayStart + Int64(offset.rounded(.down))) }

    /// The current event, if any.
    public var currentEvent: LogEntry? { eventIndex.map { events[$0] } }

    public mutating func togglePlay() { playing.toggle() }

    /// Doubles the speed, up to 3600×.
    public mutating func faster() { speed = min(speed * 2, Self.maxSpeed) }

    /// Halves the speed, down to 1×.
    public mutating func slower() { speed = max(speed / 2, Self.minSpeed) }

    /// Sets the speed, clamped to 1…3600.
    public mutating func setSpeed(_ s: Int) { speed = min(max(s, Self.minSpeed), Self.maxSpeed) }

    /// Moves to the next event (events at one instant are visited one by one).
    public mutating func stepForward() {
        let next = (eventIndex ?? -1) + 1
        guard next < events.count else { return }
        eventIndex = next
        offset = Double(events[next].time.seconds - dayStart)
    }

    /// Moves to the previous event; before the first, to the start of the day.
    public mutating func stepBack() {
        guard let i = eventIndex else {
            offset = 0
            return
        }
        if i == 0 {
            eventIndex = nil
            offset = 0
        } else {
            eventIndex = i - 1
            offset = Double(events[i - 1].time.seconds - dayStart)
        }
    }

    /// Moves the clock to `t`, clamped to the day; the current event becomes the last one at or before it.
    public mutating func seek(to t: Timestamp) {
        offset = Double(min(max(t.seconds, dayStart), dayLast) - dayStart)
        sync()
    }

    /// Moves the clock by whole hours (negative goes back), within the day.
    public mutating func moveHours(_ n: Int) { seek(to: time.adding(seconds: Int64(n) * 3600)) }

    public mutating func toStartOfDay() { seek(to: Timestamp(seconds: dayStart)) }

    public mutating func toEndOfDay() { seek(to: Timestamp(seconds: dayLast)) }

    /// Lets `seconds` of real time pass: the clock moves by elapsed × speed, but no real wait
    /// between two events lasts longer than `maxGap`. Stops at the end of the day.
    public mutating func advance(byReal seconds: Double) {
        guard playing, seconds > 0 else { return }
        var left = seconds
        let end = Double(dayLast - dayStart)
        while left > 0 {
            if offset >= end {
                offset = end
                playing = false
                break
            }
            let (gapStart, gapEnd) = gap()
            var rate = Double(speed)
            if maxGap > 0 { rate = max(rate, (gapEnd - gapStart) / maxGap) }
            let need = (gapEnd - offset) / rate
            if left < need {
                offset += left * rate
                break
            }
            offset = gapEnd
            left -= need
        }
        sync()
    }

    /// The stretch of the day around the clock that holds no event: from the last event at or
    /// before it (or midnight) to the next event after it (or the day's last second).
    private func gap() -> (Double, Double) {
        let now = dayStart + Int64(offset.rounded(.down))
        let next = events.partitionPoint { $0.time.seconds <= now }
        let lo = next > 0 ? Double(events[next - 1].time.seconds - dayStart) : 0
        let hi = next < events.count ? Double(events[next].time.seconds - dayStart) : Double(dayLast - dayStart)
        return (lo, max(hi, offset))
    }

    private mutating func sync() {
        let now = dayStart + Int64(offset.rounded(.down))
        let n = events.partitionPoint { $0.time.seconds <= now }
        eventIndex = n == 0 ? nil : n - 1
    }

    /// The nearest day with events after (or before) `day` in `days`, nil when there is none.
    public static func neighbour(of day: CivilDate, in days: [CivilDate], forward: Bool) -> CivilDate? {
        forward ? days.filter { $0 > day }.min() : days.filter { $0 < day }.max()
    }

    /// A cursor over another day that keeps this one's speed, play state and gap setting.
    public func moved(to day: CivilDate, events: [LogEntry]) -> ReplayCursor {
        var c = ReplayCursor(day: day, events: events, speed: speed, maxGap: maxGap)
        c.playing = playing
        return c
    }
}
