import AlertCore

extension Model {
    /// New transitions: inserted; live, they are highlighted, counted while the reader is scrolled
    /// away, held back while frozen, and ring the bell on a raise when asked to.
    mutating func arrive(_ ts: [Transition]) -> [Effect] {
        guard !ts.isEmpty else { return [] }
        let added = machine.insert(ts)
        guard added > 0 else { return [] }
        days = Array(Set(days + ts.map { CivilDate(day: $0.effective.utcDay) })).sorted()
        guard clock == .live else {
            dataChanged()
            return []
        }
        if frozen {
            frozenArrivals += ts
            arrivedWhileFrozen += added
            return []
        }
        return showArrivals(ts)
    }

    /// Refreshes the screen with transitions already inserted, marking what they changed.
    mutating func showArrivals(_ ts: [Transition]) -> [Effect] {
        let keys = Set(ts.map(\.placeKey))
        var before: [PlaceKey: Level] = [:]
        for k in keys { before[k] = boardLevel(k) }
        let oldRows = logRows.count
        dataChanged()
        for k in keys { arrivedPlaces[k] = now }
        for t in ts { arrivedEntries[t.naturalKey] = now }
        let grown = logRows.count - oldRows
        if !following && grown > 0 { unseen += grown }
        let raised = keys.contains { k in
            boardLevel(k) > (before[k] ?? .normal)
        }
        return bellOnRaise && raised ? [.bell] : []
    }

    /// `p`: freeze the screen, or show everything that arrived meanwhile.
    mutating func toggleFreeze() -> [Effect] {
        guard frozen else {
            frozen = true
            return []
        }
        frozen = false
        let held = frozenArrivals
        frozenArrivals = []
        arrivedWhileFrozen = 0
        if let t = frozenNow {
            frozenNow = nil
            _ = tick(t)
        }
        return held.isEmpty ? [] : showArrivals(held)
    }

    /// End / G: the log sticks to the newest entry again.
    mutating func resumeFollowing() {
        following = true
        unseen = 0
        logSel = logRows.count - 1
        clampSelection()
    }

    /// Whether a board row's place received data a moment ago (live).
    func placeArrived(_ key: PlaceKey) -> Bool { arrivedPlaces[key].map(isFresh) ?? false }

    /// Whether place number `p` received data a moment ago (live).
    func placeArrived(_ p: Int32) -> Bool { !arrivedPlaces.isEmpty && placeArrived(machine.placeKey(p)) }

    /// Whether the live log's entry at position `i` came with data a moment ago.
    func lineArrived(_ i: Int) -> Bool {
        guard replay == nil, !arrivedEntries.isEmpty, let k = machine.logTransitionKey(at: i),
            let t = arrivedEntries[k]
        else { return false }
        return isFresh(t)
    }
}
