import AlertCore

extension Model {
    /// The clock moved: live time, or `--at` standing still. A replay of a day keeps its own clock.
    mutating func tick(_ t: Timestamp) -> [Effect] {
        guard replay == nil else { return [] }
        if frozen {
            frozenNow = t
            return []
        }
        now = t
        if !arrivedPlaces.isEmpty || !arrivedEntries.isEmpty {
            arrivedPlaces = arrivedPlaces.filter { isFresh($0.value) }
            arrivedEntries = arrivedEntries.filter { isFresh($0.value) }
        }
        syncBoard()
        return []
    }

    /// Whether an arrival at `t` is still highlighted.
    func isFresh(_ t: Timestamp) -> Bool { now.seconds - t.seconds < Model.highlightSeconds }

    /// Shows the replay at a new cursor: board, counts and the log's current row follow it.
    mutating func moveReplay(to r: ReplayCursor) {
        replay = r
        now = r.time
        if !syncBoard() { clampSelection() }
        logSel = currentLogRow ?? 0
        clampSelection()
    }

    /// Replays another day (its events become the log), at `t` or its start.
    mutating func showDay(_ day: CivilDate, at t: Timestamp? = nil) {
        guard let old = replay else { return }
        var c = old.moved(to: day, events: dayEvents(day))
        if let t { c.seek(to: t) }
        replay = c
        indexReplayEvents()
        now = c.time
        syncBoard()
        refilter()
    }

    /// The replay keys; each rings the bell when it has nothing to do.
    mutating func replayAction(_ action: Action) -> [Effect] {
        guard var r = replay else { return [.bell] }
        switch action {
        case .playPause:
            if !r.playing && r.time.seconds >= r.dayLast { r.toStartOfDay() }
            r.togglePlay()
        case .stepForward:
            guard (r.eventIndex ?? -1) + 1 < r.events.count else { return [.bell] }
            r.stepForward()
        case .stepBack:
            guard r.eventIndex != nil || r.time.seconds > r.dayStart else { return [.bell] }
            r.stepBack()
        case .faster:
            guard r.speed < ReplayCursor.maxSpeed else { return [.bell] }
            r.faster()
        case .slower:
            guard r.speed > ReplayCursor.minSpeed else { return [.bell] }
            r.slower()
        case .hourForward:
            guard r.time.seconds < r.dayLast else { return [.bell] }
            r.moveHours(1)
        case .hourBack:
            guard r.time.seconds > r.dayStart else { return [.bell] }
            r.moveHours(-1)
        case .startOfDay: r.toStartOfDay()
        case .endOfDay: r.toEndOfDay()
        case .nextDay, .previousDay:
            guard let d = ReplayCursor.neighbour(of: r.day, in: days, forward: action == .nextDay) else {
                status = action == .nextDay ? "no later day with events" : "no earlier day with events"
                return [.bell]
            }
            status = nil
            showDay(d)
            return []
        case .openJump:
            jumping = true
            jumpText = ""
            return []
        case .cancelJump:
            jumping = false
            jumpText = ""
            return []
        case .deleteJumpChar:
            guard !jumpText.isEmpty else { return [.bell] }
            jumpText.removeLast()
            return []
        case .acceptJump:
            switch jumpTarget(jumpText, clock: r.time) {
            case .failure(let e):
                status = Sanitizer.clean(e.message)
                return [.bell]
            case .success(let t):
                jumping = false
                jumpText = ""
                status = nil
                let day = CivilDate(day: t.utcDay)
                if day != r.day {
                    showDay(day, at: t)
                    return []
                }
                r.seek(to: t)
            }
        default:
            return []
        }
        moveReplay(to: r)
        return []
    }

    /// A `:` entry as an instant, read in the screen's zone.
    func jumpTarget(_ text: String, clock: Timestamp) -> Result<Timestamp, JumpError> {
        JumpInput.resolve(text, clock: clock, zoneOffset: zoneOffset)
    }
}

/// Jump text as the user means it: times and dates without a zone are in the screen's zone.
public enum JumpInput {
    /// The instant `text` names (see `JumpTarget`), with zone-less times read at `zoneOffset`.
    public static func resolve(_ text: String, clock: Timestamp, zoneOffset: Int32) -> Result<Timestamp, JumpError> {
        let s = text.trimmingCharacters(in: " \t")
        let zoned = s.count > 10 && s.dropFirst(10).contains { "Zz+-".contains($0) }
        let dateOnly = s.count == 10 && Timestamp(iso: s)?.precision == .day
        if s.hasPrefix("+") || s.hasPrefix("-") || zoned || dateOnly || zoneOffset == 0 {
            return JumpTarget.parse(s, clock: clock)
        }
        let off = Int64(zoneOffset)
        return JumpTarget.parse(s, clock: clock.adding(seconds: off)).map { $0.adding(seconds: -off) }
    }
}

extension String {
    func trimmingCharacters(in set: String) -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s.removeFirst() }
        while let l = s.last, set.contains(l) { s.removeLast() }
        return String(s)
    }
}
