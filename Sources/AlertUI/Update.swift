import AlertCore

extension Model {
    /// Applies one message; returns the work the run loop must do.
    public static func update(_ m: inout Model, _ msg: Msg) -> [Effect] {
        switch msg {
        case .key(let k):
            return m.handle(key: k)
        case .mouse(let e):
            return m.handle(mouse: e)
        case .resize(let s):
            m.size = s
            m.clampSelection()
            return [.redraw]
        case .tick(let t):
            let old = m.now
            m.now = t
            if t < m.boardTime || (m.nextChange.map { t >= $0 } ?? false) || t < old {
                m.rebuildBoard()
            }
            return []
        case .loaded(let machine):
            m.machine = machine
            m.folds = [:]
            m.dataChanged()
            return []
        case .transitions(let ts):
            if m.machine.insert(ts) > 0 { m.dataChanged() }
            return []
        case .status(let s):
            m.status = s.isEmpty ? nil : Sanitizer.clean(s)
            return []
        case .themeSwitched(let i):
            m.themeIndex = max(0, min(i, m.themeNames.count - 1))
            return [.redraw]
        }
    }

    mutating func handle(key: Key) -> [Effect] {
        let mode = self.mode
        if let b = keyMap.binding(for: key, in: mode) { return perform(b.action) }
        if mode == .filtering, case .char(let c) = key {
            filterText.append(c)
            refilter()
            return []
        }
        return mode == .tooSmall ? [] : [.bell]
    }

    mutating func handle(mouse e: MouseEvent) -> [Effect] {
        let layout = Layout(size: size)
        let target = layout.target(at: e.at, in: self)
        switch e.kind {
        case .wheelUp, .wheelDown:
            let pane: Pane =
                switch target {
                case .boardRow, .pane(.board): .board
                case .logRow, .pane(.log): .log
                default: focus
                }
            if showingHelp || showingDetails {
                return perform(e.kind == .wheelUp ? .up : .down)
            }
            let saved = focus
            focus = pane
            let fx = perform(e.kind == .wheelUp ? .up : .down)
            focus = saved
            return fx
        case .press:
            switch target {
            case .nothing: return []
            case .action(let a): return perform(a)
            case .pane(let p): focus = p
            case .boardRow(let r):
                focus = .board
                boardSel = r
            case .logRow(let r):
                focus = .log
                logSel = r
            }
            clampSelection()
            return []
        }
    }

    /// Carries out an action; the single place keys, clicks and hints end up.
    mutating func perform(_ action: Action) -> [Effect] {
        switch action {
        case .quit:
            return [.quit]
        case .help:
            showingHelp = true
            helpTop = 0
        case .closeHelp:
            showingHelp = false
        case .nextPane:
            focus = focus == .board ? .log : .board
        case .focusBoard:
            focus = .board
        case .focusLog:
            focus = .log
        case .up: move(by: -1)
        case .down: move(by: 1)
        case .pageUp: move(by: -max(1, pageSize - 1))
        case .pageDown: move(by: max(1, pageSize - 1))
        case .top: move(by: Int.min / 2)
        case .bottom: move(by: Int.max / 2)
        case .details:
            guard focus == .board ? selectedPlaceState != nil : selectedLogEntry != nil else {
                return [.bell]
            }
            showingDetails = true
            detailsTop = 0
        case .closeDetails:
            showingDetails = false
        case .clear:
            guard !filterText.isEmpty || levelFilter != .all else { return [] }
            filterText = ""
            levelFilter = .all
            refilter()
        case .openFilter:
            filtering = true
        case .acceptFilter:
            filtering = false
        case .cancelFilter:
            filtering = false
            filterText = ""
            refilter()
        case .deleteFilterChar:
            guard !filterText.isEmpty else { return [.bell] }
            filterText.removeLast()
            refilter()
        case .cycleLevel:
            levelFilter = levelFilter.next
            refilter()
        case .cycleOrder:
            order = order.next
            refilter()
        case .cycleTheme:
            themeIndex = (themeIndex + 1) % themeNames.count
            return [.switchTheme(name: themeName)]
        case .reload:
            return [.reloadData]
        case .redraw:
            return [.redraw]
        }
        return []
    }

    /// Rows one page moves in the focused list or overlay.
    var pageSize: Int {
        let l = Layout(size: size)
        if showingHelp || showingDetails { return max(1, l.overlay.height - 2) }
        return max(1, (focus == .board ? l.boardBody : l.logBody).height)
    }

    mutating func move(by delta: Int) {
        if showingHelp {
            helpTop = max(0, min(helpTop.addingClamped(delta), HelpOverlay.lineCount(keyMap) - 1))
            return
        }
        if showingDetails {
            detailsTop = max(0, detailsTop.addingClamped(delta))
            return
        }
        switch focus {
        case .board: boardSel = boardSel.addingClamped(delta)
        case .log: logSel = logSel.addingClamped(delta)
        }
        clampSelection()
    }
}

extension Int {
    func addingClamped(_ d: Int) -> Int {
        let (r, o) = addingReportingOverflow(d)
        return o ? (d > 0 ? .max : .min) : r
    }
}
