import AlertCore

/// Keeping `boardRows` filtered and sorted while a few places change (a replay step, a live tick):
/// each changed place's row is taken out and put back at its new position by binary search, so a
/// step costs a few searches instead of sorting every row of the board again.
extension Model {
    /// Above this many changed places a step sorts the rows whole: each taken-out or put-back row moves
    /// the rows after it, so many of them cost more than one sort.
    static let rowUpdateLimit = 64

    /// An entry's position in the row order (at most 33 bits: level, then name rank), nil in `.recent`
    /// order (which needs each row's last change, so it is always sorted whole). `sortRows` sorts on
    /// this key followed by the board index; ranks are unique, so that index never decides.
    func rowKey(_ e: BoardEntry) -> UInt64? {
        switch order {
        case .severity: UInt64(3 - e.level.rawValue) << 31 | UInt64(ranks[Int(e.place)])
        case .name: UInt64(ranks[Int(e.place)])
        case .recent: nil
        }
    }

    /// The first position in `boardRows` whose entry sorts at or after key `k`.
    func rowPosition(_ k: UInt64) -> Int {
        Search.first(in: boardRows) { rowKey(board[$0])! >= k }
    }

    /// The position in `boardRows` of board index `i`, nil when the filter hides it.
    func rowIndex(ofBoard i: Int) -> Int? {
        guard let k = rowKey(board[i]) else { return boardRows.firstIndex(of: i) }
        let pos = rowPosition(k)
        return pos < boardRows.count && boardRows[pos] == i ? pos : nil
    }

    /// Brings `places`' entries to `now`, with the counts and (outside `.recent` order, for a few places)
    /// the rows kept in step; false when the rows must be filtered and sorted again.
    mutating func updatePlaces(_ places: [Int32]) -> Bool {
        guard order != .recent, places.count <= Self.rowUpdateLimit else {
            for p in places { updatePlace(p, rows: nil) }
            return false
        }
        let q = query
        if !q.terms.isEmpty { foldNames() }
        for p in places { updatePlace(p, rows: q) }
        return true
    }

    /// Replaces one place's entry with its entry at `now` (adding or removing it); with `rows`, the
    /// query in force, its row is moved too.
    mutating func updatePlace(_ p: Int32, rows q: CityQuery?) {
        let entry = machine.boardEntry(of: p, at: now)
        let i = Int(slot[Int(p)])
        let floor = levelFilter.floor
        func shows(_ e: BoardEntry) -> Bool {
            e.level >= floor && (q!.terms.isEmpty || q!.admits(refs[Int(e.place)], matcher))
        }
        if i >= 0 {
            let old = board[i]
            counts[old.level.rawValue] -= 1
            if q != nil, shows(old) { boardRows.remove(at: rowPosition(rowKey(old)!)) }
            if let entry {
                board[i] = entry
            } else {
                let last = board.count - 1
                if i != last {
                    let moved = board[last]
                    if q != nil, shows(moved) { boardRows[rowPosition(rowKey(moved)!)] = i }
                    board[i] = moved
                    slot[Int(moved.place)] = Int32(i)
                }
                board.removeLast()
                slot[Int(p)] = -1
            }
        } else if let entry {
            slot[Int(p)] = Int32(board.count)
            board.append(entry)
        }
        guard let entry else { return }
        counts[entry.level.rawValue] += 1
        if q != nil, shows(entry) {
            let at = Int(slot[Int(p)])
            boardRows.insert(at, at: rowPosition(rowKey(entry)!))
        }
    }
}
