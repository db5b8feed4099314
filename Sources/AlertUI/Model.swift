import AlertCore

/// Everything the UI shows, plus caches derived from it so a frame never sorts the board.
public struct Model: Sendable {
    /// The instant the board shows (live: set by `.tick`; replay: the cursor's clock).
    public internal(set) var now: Timestamp
    /// The clock's zone as the header prints it ("UTC", "+06").
    public var zoneLabel: String
    /// The clock's UTC offset in seconds; absolute times are shown in it.
    public var zoneOffset: Int32
    public var clock: ClockMode
    public internal(set) var size: Size
    public internal(set) var focus: Pane = .board
    public var title: String = "alertmon"
    /// The status line's message (a theme warning, a failed reload, a bad jump), if any.
    public internal(set) var status: String?
    /// A quiet first hint for the status line ("Space plays…"), gone at the first key.
    public var hint: String?
    /// Live log entries before this instant are not shown: the machine holds a window of the history,
    /// exact from here on (nil: the whole history).
    public var logFloor: Timestamp? {
        didSet { refilter() }
    }

    /// The `/` query text, kept until cleared.
    public internal(set) var filterText: String = ""
    public internal(set) var filtering: Bool = false
    public internal(set) var levelFilter: LevelFilter = .all
    public internal(set) var order: BoardOrder = .severity
    public var matcher: PlaceMatcher

    /// Theme names `t` cycles through; the run loop loads them.
    public var themeNames: [String]
    public internal(set) var themeIndex: Int = 0

    public internal(set) var showingHelp: Bool = false
    public internal(set) var showingDetails: Bool = false
    public internal(set) var helpTop: Int = 0
    public internal(set) var detailsTop: Int = 0

    public let keyMap: KeyMap

    public internal(set) var machine: StateMachine

    // Replay of one day.
    /// The replay position; nil when live, or standing still at `--at`.
    public internal(set) var replay: ReplayCursor?
    /// UTC days with events, ascending, for `d`/`D`.
    public internal(set) var days: [CivilDate]
    /// The `:` prompt is open.
    public internal(set) var jumping: Bool = false
    public internal(set) var jumpText: String = ""

    // Live following.
    /// Ring the bell when arriving transitions raise a place's level (`--bell`).
    public var bellOnRaise: Bool = false
    /// Problems with followed paths; empty when all is well.
    public internal(set) var followStatus: [String] = []
    /// System notes (a failing hook), oldest first, at most `Model.noteLimit`.
    public internal(set) var notes: [Note] = []
    /// The log view sticks to the newest entry (live); scrolling away stops it.
    public internal(set) var following: Bool = true
    /// Log entries that arrived while the view was scrolled away from the newest.
    public internal(set) var unseen: Int = 0
    /// `p`: the screen stands still while data keeps arriving.
    public internal(set) var frozen: Bool = false
    /// Transitions that arrived while frozen, shown when `p` is pressed again.
    public internal(set) var arrivedWhileFrozen: Int = 0
    var frozenArrivals: [Transition] = []
    /// The last tick while frozen, applied on resuming.
    var frozenNow: Timestamp?
    /// When each place last received data (live), for the arrival highlight.
    var arrivedPlaces: [PlaceKey: Timestamp] = [:]
    /// When each transition (by natural key) arrived (live), for the log highlight.
    var arrivedEntries: [String: Timestamp] = [:]

    // Derived, rebuilt on data, clock-boundary, filter and order changes.
    /// Places on the board at `boardTime`, in no order (a few bytes each; rows are built when drawn).
    public internal(set) var board: [BoardEntry] = []
    /// Place number → its index in `board`, -1 when it has no state at `boardTime`.
    var slot: [Int32] = []
    /// Place number → what the filter matches against (folded names computed once per place, on the first query).
    var refs: [PlaceRef] = []
    /// How many of `refs`, from the first, have their names folded (places only ever join at the end).
    var foldedRefs = 0
    /// Place number → its rank in name order (ties in the board's orders).
    var ranks: [Int32] = []
    /// Place numbers in name order.
    var nameOrder: [Int32] = []
    /// Replay: each of the day's events' place number.
    var replayPlaces: [Int32] = []
    /// Indices into `board`, filtered and in board order.
    public internal(set) var boardRows: [Int] = []
    /// Indices into the log (live: the machine's log positions; replay: the day's events), filtered,
    /// oldest first (live: up to `now`).
    public internal(set) var logRows: [Int] = []
    /// Places per level (indexed by `Level.rawValue`), unfiltered.
    public internal(set) var counts: [Int] = [0, 0, 0, 0]
    /// The board cache is valid for `boardTime ≤ now < nextChange`.
    var boardTime: Timestamp
    var nextChange: Timestamp?

    public internal(set) var boardSel: Int = 0
    public internal(set) var boardTop: Int = 0
    public internal(set) var logSel: Int = 0
    public internal(set) var logTop: Int = 0
    var selectedPlace: PlaceKey?
    var selectedLog: LogEntry?

    /// How many system notes are kept.
    public static let noteLimit = 50
    /// Seconds an arrival stays highlighted.
    public static let highlightSeconds: Int64 = 5

    /// A model showing `machine` at `now`; with `replay`, at the replay cursor instead (`days` are
    /// the days `d`/`D` visit, besides those the machine has entries on; `filter` pre-fills `/`).
    public init(
        machine: StateMachine = StateMachine(), now: Timestamp, zoneLabel: String = "UTC",
        zoneOffset: Int32 = 0,
        clock: ClockMode = .live, size: Size = Size(width: 80, height: 24),
        themeNames: [String] = ["default"],
        matcher: PlaceMatcher = .byName, keyMap: KeyMap = .standard,
        replay: ReplayCursor? = nil, days: [CivilDate]? = nil, filter: String = ""
    ) {
        self.machine = machine
        self.now = replay?.time ?? now
        self.zoneLabel = zoneLabel
        self.zoneOffset = zoneOffset
        self.clock = replay == nil ? clock : .replay
        self.size = size
        self.themeNames = themeNames.isEmpty ? ["default"] : themeNames
        self.matcher = matcher
        self.keyMap = keyMap
        self.replay = replay
        self.days = Array(Set((days ?? []) + machine.eventDays)).sorted()
        self.boardTime = self.now
        self.filterText = filter
        dataChanged()
    }

    /// The key-map mode now in force.
    public var mode: Mode {
        if Layout.isTooSmall(size) { return .tooSmall }
        if filtering { return .filtering }
        if jumping { return .jumping }
        if showingHelp { return .help }
        if showingDetails { return .details }
        return clock == .live ? .live : .replay
    }

    /// The parsed `/` query.
    public var query: CityQuery { CityQuery(filterText) }

    /// The place on the selected board row.
    public var selectedPlaceState: PlaceState? {
        boardRows.indices.contains(boardSel) ? machine.placeState(board[boardRows[boardSel]]) : nil
    }

    /// The log entry on the selected log row.
    public var selectedLogEntry: LogEntry? {
        logRows.indices.contains(logSel) ? logEntry(logRows[logSel]) : nil
    }

    /// Every place on the board at `boardTime`, in `board`'s order (built on each call: for tests and tools).
    public var places: [PlaceState] { board.map(machine.placeState) }

    /// What the log pane lists, oldest first: every change (live) or the replayed day's events
    /// (built on each call when live; the screen reads single rows).
    public var log: [LogEntry] { replay?.events ?? machine.log }

    /// How many entries the log pane's list has (see `log`).
    public var logCount: Int { replay?.events.count ?? machine.logCount }

    /// One entry of `log`.
    public func logEntry(_ i: Int) -> LogEntry { replay.map { $0.events[i] } ?? machine.logEntry(at: i) }

    /// What the log pane shows of one entry of `log`.
    public func logLine(_ i: Int) -> LogLine {
        if let r = replay { return LogLine(r.events[i], place: replayPlaces[i]) }
        return machine.logLine(at: i)
    }

    /// The theme `t` selects, by name.
    public var themeName: String { themeNames[themeIndex % themeNames.count] }

    /// Whether the replay clock is running (the run loop then sends `.elapsed` about ten times a second).
    public var isPlaying: Bool { replay?.playing ?? false }

    /// The screen's layout at `size` for this model (the timeline strip only while replaying a day).
    public func layout(_ size: Size) -> Layout { Layout(size: size, timeline: replay != nil) }
}

/// A one-line system note in the log pane.
public struct Note: Sendable, Hashable {
    public var time: Timestamp
    public var text: String

    public init(time: Timestamp, text: String) {
        self.time = time
        self.text = text
    }
}

extension Model {
    /// Data replaced or grew: names of new places, the log, then the board.
    mutating func dataChanged() {
        indexPlaces()
        if let r = replay {
            // Keep the replay where it was: same day, same instant, same event.
            let index = r.eventIndex
            var c = r.moved(to: r.day, events: dayEvents(r.day))
            c.seek(to: r.time)
            if let index, index < c.events.count, c.eventIndex.map({ $0 < index }) ?? true,
                c.events[index].time == r.time
            {
                while c.eventIndex != index { c.stepForward() }
            }
            replay = c
            indexReplayEvents()
        }
        rebuildBoard()
        if replay != nil { refilter() }
    }

    /// Filter names and name ranks for places the machine learnt since the last call.
    mutating func indexPlaces() {
        let n = machine.placeCount
        guard refs.count < n else { return }
        for p in refs.count..<n {
            let (city, country, id) = machine.placeIdentity(Int32(p))
            refs.append(PlaceRef(name: city, country: country, placeID: id, folded: ""))
        }
        let old = nameOrder.count
        if n - old < 64 {
            // A few new places (live arrivals): insert each, no full sort.
            for p in old..<n {
                let key = machine.placeKey(Int32(p))
                let m = machine
                let at = Search.first(in: nameOrder) { !(m.placeKey($0) < key) }
                nameOrder.insert(Int32(p), at: at)
            }
        } else {
            let keys = (0..<n).map { machine.placeKey(Int32($0)) }
            nameOrder = (0..<n).sorted { keys[$0] < keys[$1] }.map(Int32.init)
        }
        var r = [Int32](repeating: 0, count: n)
        for (rank, p) in nameOrder.enumerated() { r[Int(p)] = Int32(rank) }
        ranks = r
        slot += [Int32](repeating: -1, count: n - slot.count)
    }

    /// Folds the names of places no query has seen yet (a 30 000-place board need not fold them to open).
    mutating func foldNames() {
        guard foldedRefs < refs.count else { return }
        for i in foldedRefs..<refs.count { refs[i].folded = TextFold.fold(refs[i].name) }
        foldedRefs = refs.count
    }

    /// The place number of each of the replayed day's events.
    mutating func indexReplayEvents() {
        replayPlaces = (replay?.events ?? []).map { machine.placeNumber($0.placeKey) ?? -1 }
    }

    /// The log entries of one UTC day.
    func dayEvents(_ day: CivilDate) -> [LogEntry] {
        let start = Timestamp(seconds: day.dayNumber * 86_400)
        return machine.changes(from: start, to: start.adding(seconds: 86_399))
    }

    /// The board at `now` from scratch (one binary search per place), and when it next changes by itself.
    mutating func rebuildBoard() {
        let snap = machine.snapshot(at: now)
        board = snap.entries
        for i in slot.indices { slot[i] = -1 }
        for (i, e) in board.enumerated() { slot[Int(e.place)] = Int32(i) }
        boardMoved(counts: snap.counts)
    }

    /// Brings the board to `now`: nothing when still valid, only the places that changed in between
    /// when few did (stepping either way costs the same), else a rebuild. True when rows were refiltered.
    @discardableResult
    mutating func syncBoard() -> Bool {
        if now >= boardTime, nextChange.map({ now < $0 }) ?? true {
            boardTime = now
            return false
        }
        let lo = min(boardTime, now).seconds
        let hi = max(boardTime, now).seconds
        let moved = machine.transitionCount(after: lo, through: hi)
        let expiries = machine.changeCount(from: Timestamp(seconds: lo + 1), to: Timestamp(seconds: hi))
        guard moved + expiries <= max(64, board.count / 8) else {
            rebuildBoard()
            return true
        }
        let kept = updatePlaces(machine.placesChanged(after: lo, through: hi))
        boardMoved(counts: counts, rowsKept: kept)
        return true
    }

    /// The level place `key` has on the board now (normal when it has none).
    func boardLevel(_ key: PlaceKey) -> Level {
        guard let p = machine.placeNumber(key), Int(p) < slot.count, slot[Int(p)] >= 0 else { return .normal }
        return board[Int(slot[Int(p)])].level
    }

    /// Counts, the next instant the board changes by itself, then the filtered rows (unless `rowsKept`:
    /// they were kept in order as the board changed).
    mutating func boardMoved(counts known: [Int]? = nil, rowsKept: Bool = false) {
        if let known {
            counts = known
        } else {
            counts = [0, 0, 0, 0]
            for e in board { counts[e.level.rawValue] += 1 }
        }
        var next: Timestamp?
        var soonest = Int64.max
        for e in board where e.level != .normal && e.untilSeconds > now.seconds && e.untilSeconds < soonest {
            soonest = e.untilSeconds
        }
        if soonest != .max { next = Timestamp(seconds: soonest) }
        if let s = machine.nextTransitionTime(after: now.seconds), next.map({ s < $0.seconds }) ?? true {
            next = Timestamp(seconds: s)
        }
        boardTime = now
        nextChange = next
        // A replay's log is the whole day whatever the clock; live, the log grows with it.
        refilter(log: replay == nil, rows: !rowsKept)
    }

    /// Filters and orders the cached board and the log (each unless told not to), keeping the
    /// selection on the same place or entry.
    mutating func refilter(log withLog: Bool = true, rows withRows: Bool = true) {
        let q = query
        let floor = levelFilter.floor
        // The query is asked once per place, not once per row.
        if !q.terms.isEmpty { foldNames() }
        let admitted: [Bool] = q.terms.isEmpty || !(withRows || withLog) ? [] : refs.map { q.admits($0, matcher) }
        func admits(_ p: Int32) -> Bool { admitted.isEmpty || (p >= 0 && admitted[Int(p)]) }
        if withRows { sortRows(floor: floor, admits: admits) }
        if withLog {
            filterLog(floor: floor, admitted: admitted, admits: admits)
        }
        reselect()
    }

    /// Filters the board and sorts what is shown into `boardRows`, whole.
    mutating func sortRows(floor: Level, admits: (Int32) -> Bool) {
        var rows: [Int] = []
        rows.reserveCapacity(board.count)
        for i in board.indices where board[i].level >= floor && admits(board[i].place) { rows.append(i) }
        let b = board
        let rk = ranks
        // Each row sorts on one packed integer (`rowKey`, then the row itself), so the sort compares
        // plain integers, not closures over the board.
        var keys: [UInt64] = []
        switch order {
        case .severity, .name:
            keys.reserveCapacity(rows.count)
            for i in rows { keys.append(rowKey(b[i])! << 31 | UInt64(i)) }
        case .recent:
            var changed = [Int64](repeating: 0, count: b.count)
            for i in rows { changed[i] = machine.row(b[i]).lastChange.seconds }
            rows.sort { x, y in
                changed[x] != changed[y] ? changed[x] > changed[y] : rk[Int(b[x].place)] < rk[Int(b[y].place)]
            }
        }
        if !keys.isEmpty {
            keys.sort()
            for (k, key) in keys.enumerated() { rows[k] = Int(key & 0x7FFF_FFFF) }
        }
        boardRows = rows
    }

    /// Filters the log pane's entries into `logRows`.
    mutating func filterLog(floor: Level, admitted: [Bool], admits: (Int32) -> Bool) {
        var logs: [Int] = []
        if let r = replay {
            for i in r.events.indices
            where max(r.events[i].from, r.events[i].to) >= floor && admits(replayPlaces[i]) {
                logs.append(i)
            }
        } else {
            let span = machine.logPositions(from: logFloor ?? Timestamp(seconds: .min), to: now)
            if floor == .normal && admitted.isEmpty {
                logs = Array(span)
            } else {
                for i in span {
                    let e = machine.logSummary(at: i)
                    if max(e.from, e.to) >= floor && admits(e.place) { logs.append(i) }
                }
            }
        }
        logRows = logs
    }

    /// Keeps the selection on the same place (board) or entry (log) after the rows changed.
    mutating func reselect() {
        if let key = selectedPlace, let p = machine.placeNumber(key), slot[Int(p)] >= 0,
            let i = rowIndex(ofBoard: Int(slot[Int(p)]))
        {
            boardSel = i
        }
        if replay != nil {
            logSel = currentLogRow ?? 0
        } else if following {
            logSel = logRows.count - 1
        } else if let e = selectedLog, let i = lastRow(of: e) {
            logSel = i
        }
        clampSelection()
    }

    /// The last log row showing `e` (rows are compared by time and place before any entry is built).
    func lastRow(of e: LogEntry) -> Int? {
        let p = machine.placeNumber(e.placeKey) ?? -1
        return logRows.lastIndex { i in
            let line = logLine(i)
            return line.time == e.time && line.place == p && logEntry(i) == e
        }
    }

    /// The log row of the replay's current event, or the last row before it when the filter hides it.
    var currentLogRow: Int? {
        guard let r = replay, let i = r.eventIndex else { return nil }
        let n = Search.firstAbove(logRows, i)
        return n == 0 ? nil : n - 1
    }

    mutating func clampSelection() {
        boardSel = max(0, min(boardSel, boardRows.count - 1))
        logSel = max(0, min(logSel, logRows.count - 1))
        selectedPlace = boardRows.indices.contains(boardSel) ? machine.placeKey(board[boardRows[boardSel]].place) : nil
        selectedLog = selectedLogEntry
        let layout = self.layout(size)
        boardTop = Layout.scroll(
            top: boardTop, selected: boardSel, count: boardRows.count, visible: layout.boardBody.height)
        logTop = Layout.scroll(
            top: logTop, selected: logSel, count: logRows.count, visible: layout.logRowsRect(self).height)
    }
}

/// Binary searches over sorted arrays.
enum Search {
    /// The index of the first element for which `atOrAfter` holds (it must hold for a suffix).
    static func first<T>(in a: [T], where atOrAfter: (T) -> Bool) -> Int {
        var lo = 0
        var hi = a.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if atOrAfter(a[mid]) { hi = mid } else { lo = mid + 1 }
        }
        return lo
    }

    /// The index of the first element greater than `v` (the count when none is).
    static func firstAbove<T: Comparable>(_ a: [T], _ v: T) -> Int {
        var lo = 0
        var hi = a.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if a[mid] <= v { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}
