import AlertCore

/// Everything the UI shows, plus caches derived from it so a frame never sorts the board.
public struct Model: Sendable {
    /// The instant the board shows (set by `.tick`).
    public internal(set) var now: Timestamp
    /// The clock's zone as the header prints it ("UTC", "+06").
    public var zoneLabel: String
    /// The clock's UTC offset in seconds; absolute times are shown in it.
    public var zoneOffset: Int32
    public var clock: ClockMode
    public internal(set) var size: Size
    public internal(set) var focus: Pane = .board
    public var title: String = "alertmon"
    /// The status line's message (a theme warning, a failed reload), if any.
    public internal(set) var status: String?

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

    // Derived, rebuilt on data, clock-boundary, filter and order changes.
    /// Places on the board at `boardTime`, in no order.
    public internal(set) var places: [PlaceState] = []
    var placeRefs: [PlaceRef] = []
    /// Folded names per place, computed when data arrives.
    var folds: [PlaceKey: String] = [:]
    /// Index into `machine.log` → its place for filtering.
    var logRefs: [PlaceRef] = []
    /// Indices into `places`, filtered and in board order.
    public internal(set) var boardRows: [Int] = []
    /// Indices into `machine.log`, filtered, up to `now`, in display order.
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
    var selectedLog: Int?

    /// A model showing `machine` at `now`.
    public init(
        machine: StateMachine = StateMachine(), now: Timestamp, zoneLabel: String = "UTC",
        zoneOffset: Int32 = 0,
        clock: ClockMode = .live, size: Size = Size(width: 80, height: 24),
        themeNames: [String] = ["default"],
        matcher: PlaceMatcher = .byName, keyMap: KeyMap = .standard
    ) {
        self.machine = machine
        self.now = now
        self.zoneLabel = zoneLabel
        self.zoneOffset = zoneOffset
        self.clock = clock
        self.size = size
        self.themeNames = themeNames.isEmpty ? ["default"] : themeNames
        self.matcher = matcher
        self.keyMap = keyMap
        self.boardTime = now
        dataChanged()
    }

    /// The key-map mode now in force.
    public var mode: Mode {
        if Layout.isTooSmall(size) { return .tooSmall }
        if filtering { return .filtering }
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
        logRows.indices.contains(logSel) ? machine.log[logRows[logSel]] : nil
    }

    /// The theme `t` selects, by name.
    public var themeName: String { themeNames[themeIndex % themeNames.count] }
}

extension Model {
    /// Data replaced or grew: refold names, then the board.
    mutating func dataChanged() {
        for t in machine.transitions where folds[t.placeKey] == nil {
            folds[t.placeKey] = TextFold.fold(t.city)
        }
        logRefs = machine.log.map { ref(city: $0.city, country: $0.country, id: nil) }
        rebuildBoard()
    }

    func ref(city: String, country: String?, id: Int?) -> PlaceRef {
        let key = PlaceKey(name: city, country: country)
        return PlaceRef(
            name: city, country: country, placeID: id, folded: folds[key] ?? TextFold.fold(city))
    }

    /// The board at `now`, and when it next changes by itself (a transition or an expiry falling due).
    mutating func rebuildBoard() {
        let board = machine.board(at: now)
        places = Array(board.places.values)
        placeRefs = places.map { ref(city: $0.city, country: $0.country, id: $0.placeID) }
        counts = [0, 0, 0, 0]
        var next: Timestamp?
        for p in places {
            counts[p.level.rawValue] += 1
            if let u = p.until, u > now, next.map({ u < $0 }) ?? true { next = u }
        }
        if let t = firstTransition(after: now), next.map({ t < $0 }) ?? true { next = t }
        boardTime = now
        nextChange = next
        refilter()
    }

    /// The effective time of the first transition after `t` (transitions are in fold order).
    func firstTransition(after t: Timestamp) -> Timestamp? {
        let ts = machine.transitions
        var lo = 0
        var hi = ts.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if ts[mid].effective <= t { lo = mid + 1 } else { hi = mid }
        }
        return lo < ts.count ? ts[lo].effective : nil
    }

    /// Filters and orders the cached board and log, keeping the selection on the same place or entry.
    mutating func refilter() {
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

        var logs: [Int] = []
        let log = machine.log
        var end = log.count
        while end > 0, log[end - 1].time > now { end -= 1 }
        for i in 0..<end where max(log[i].from, log[i].to) >= floor && q.admits(logRefs[i], matcher) {
            logs.append(i)
        }
        if clock == .live { logs.reverse() }
        logRows = logs

        if let key = selectedPlace, let i = boardRows.firstIndex(where: { places[$0].key == key }) {
            boardSel = i
        }
        if let e = selectedLog, let i = logRows.firstIndex(of: e) { logSel = i }
        clampSelection()
    }

    mutating func clampSelection() {
        boardSel = max(0, min(boardSel, boardRows.count - 1))
        logSel = max(0, min(logSel, logRows.count - 1))
        selectedPlace = selectedPlaceState?.key
        selectedLog = logRows.indices.contains(logSel) ? logRows[logSel] : nil
        let layout = Layout(size: size)
        boardTop = Layout.scroll(
            top: boardTop, selected: boardSel, count: boardRows.count, visible: layout.boardBody.height)
        logTop = Layout.scroll(
            top: logTop, selected: logSel, count: logRows.count, visible: layout.logBody.height)
    }
}
