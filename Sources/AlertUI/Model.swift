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
    /// Places on the board at `boardTime`, in no order.
    public internal(set) var places: [PlaceState] = []
    var placeRefs: [PlaceRef] = []
    var placeSlot: [PlaceKey: Int] = [:]
    /// Folded names per place, computed when data arrives.
    var folds: [PlaceKey: String] = [:]
    /// What the log pane lists, oldest first: every change (live) or the replayed day's events.
    public internal(set) var log: [LogEntry] = []
    /// `log` index → its place for filtering.
    var logRefs: [PlaceRef] = []
    /// Effective seconds of every transition, ascending, with the place of each (for board updates).
    var transitionTimes: [Int64] = []
    var transitionPlaces: [PlaceKey] = []
    /// Indices into `places`, filtered and in board order.
    public internal(set) var boardRows: [Int] = []
    /// Indices into `log`, filtered, oldest first (live: up to `now`).
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
        boardRows.indices.contains(boardSel) ? places[boardRows[boardSel]] : nil
    }

    /// The log entry on the selected log row.
    public var selectedLogEntry: LogEntry? {
        logRows.indices.contains(logSel) ? log[logRows[logSel]] : nil
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
    /// Data replaced or grew: refold names, the log, then the board.
    mutating func dataChanged() {
        for key in machine.placeKeys where folds[key] == nil {
            folds[key] = TextFold.fold(key.name)
        }
        let ts = machine.transitions
        transitionTimes = ts.map(\.effective.seconds)
        transitionPlaces = ts.map(\.placeKey)
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
            log = c.events
        } else {
            log = machine.log
        }
        logRefs = log.map { ref(city: $0.city, country: $0.country, id: nil) }
        rebuildBoard()
        if replay != nil { refilter() }
    }

    /// The log entries of one UTC day.
    func dayEvents(_ day: CivilDate) -> [LogEntry] {
        let start = Timestamp(seconds: day.dayNumber * 86_400)
        return machine.changes(from: start, to: start.adding(seconds: 86_399))
    }

    func ref(city: String, country: String?, id: Int?) -> PlaceRef {
        let key = PlaceKey(name: city, country: country)
        return PlaceRef(
            name: city, country: country, placeID: id, folded: folds[key] ?? TextFold.fold(city))
    }

    /// The board at `now` from scratch (one binary search per place), and when it next changes by itself.
    mutating func rebuildBoard() {
        let board = machine.board(at: now)
        places = Array(board.places.values)
        placeRefs = places.map { ref(city: $0.city, country: $0.country, id: $0.placeID) }
        placeSlot = [:]
        for (i, p) in places.enumerated() { placeSlot[p.key] = i }
        boardMoved()
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
        let a = Search.firstAbove(transitionTimes, lo)
        let b = Search.firstAbove(transitionTimes, hi)
        let expiries = machine.changeCount(from: Timestamp(seconds: lo + 1), to: Timestamp(seconds: hi))
        guard (b - a) + expiries <= max(64, places.count / 8) else {
            rebuildBoard()
            return true
        }
        var keys = Set(transitionPlaces[a..<b])
        if expiries > 0 {
            for e in machine.changes(from: Timestamp(seconds: lo + 1), to: Timestamp(seconds: hi)) {
                keys.insert(e.placeKey)
            }
        }
        for key in keys.sorted() { updatePlace(key) }
        boardMoved()
        return true
    }

    /// Replaces one place's cached state with its state at `now` (adding or removing it).
    mutating func updatePlace(_ key: PlaceKey) {
        let state = machine.state(of: key, at: now)
        if let i = placeSlot[key] {
            if let state {
                places[i] = state
            } else {
                let last = places.count - 1
                if i != last {
                    places[i] = places[last]
                    placeRefs[i] = placeRefs[last]
                    placeSlot[places[i].key] = i
                }
                places.removeLast()
                placeRefs.removeLast()
                placeSlot[key] = nil
            }
        } else if let state {
            placeSlot[key] = places.count
            places.append(state)
            placeRefs.append(ref(city: state.city, country: state.country, id: state.placeID))
        }
    }

    /// Counts, the next instant the board changes by itself, then the filtered rows.
    mutating func boardMoved() {
        counts = [0, 0, 0, 0]
        var next: Timestamp?
        for p in places {
            counts[p.level.rawValue] += 1
            if let u = p.until, u > now, next.map({ u < $0 }) ?? true { next = u }
        }
        let i = Search.firstAbove(transitionTimes, now.seconds)
        if i < transitionTimes.count {
            let t = Timestamp(seconds: transitionTimes[i])
            if next.map({ t < $0 }) ?? true { next = t }
        }
        boardTime = now
        nextChange = next
        // A replay's log is the whole day whatever the clock; live, the log grows with it.
        refilter(log: replay == nil)
    }

    /// Filters and orders the cached board and (unless told not to) the log, keeping the selection
    /// on the same place or entry.
    mutating func refilter(log withLog: Bool = true) {
        let q = query
        let floor = levelFilter.floor
        var rows: [Int] = []
        rows.reserveCapacity(places.count)
        for i in places.indices where places[i].level >= floor && q.admits(placeRefs[i], matcher) {
            rows.append(i)
        }
        let ps = places
        switch order {
        case .severity:
            rows.sort { a, b in
                let x = ps[a]
                let y = ps[b]
                return x.level != y.level ? x.level > y.level : x.key < y.key
            }
        case .name:
            rows.sort { ps[$0].key < ps[$1].key }
        case .recent:
            rows.sort { a, b in
                let x = ps[a]
                let y = ps[b]
                return x.lastChange != y.lastChange ? x.lastChange > y.lastChange : x.key < y.key
            }
        }
        boardRows = rows

        if withLog {
            var logs: [Int] = []
            var end = log.count
            if replay == nil {
                while end > 0, log[end - 1].time > now { end -= 1 }
            }
            for i in 0..<end where max(log[i].from, log[i].to) >= floor && q.admits(logRefs[i], matcher) {
                logs.append(i)
            }
            logRows = logs
        }

        if let key = selectedPlace, let i = boardRows.firstIndex(where: { places[$0].key == key }) {
            boardSel = i
        }
        if replay != nil {
            logSel = currentLogRow ?? 0
        } else if following {
            logSel = logRows.count - 1
        } else if let e = selectedLog, let i = logRows.lastIndex(where: { log[$0] == e }) {
            logSel = i
        }
        clampSelection()
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
        selectedPlace = selectedPlaceState?.key
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
