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
            return m.tick(t)
        case .loaded(let machine):
            m.machine = machine
            m.refs = []
            m.foldedRefs = 0
            m.slot = []
            m.nameOrder = []
            m.days = Array(Set(m.days + machine.eventDays)).sorted()
            m.frozenArrivals = []
            m.arrivedWhileFrozen = 0
            m.dataChanged()
            return []
        case .transitions(let ts):
            return m.arrive(ts)
        case .status(let s):
            m.status = s.isEmpty ? nil : Sanitizer.clean(s)
            return []
        case .themeSwitched(let i):
            m.themeIndex = max(0, min(i, m.themeNames.count - 1))
            return [.redraw]
        case .elapsed(let seconds):
            guard var r = m.replay, r.playing else { return [] }
            r.advance(byReal: seconds)
            m.moveReplay(to: r)
            return []
        case .followStatus(let lines):
            m.followStatus = lines.map(Sanitizer.clean)
            return []
        case .note(let text):
            m.notes.append(Note(time: m.now, text: Sanitizer.clean(text)))
            if m.notes.count > Model.noteLimit { m.notes.removeFirst(m.notes.count - Model.noteLimit) }
            m.clampSelection()
            return []
        }
    }

    mutating func handle(key: Key) -> [Effect] {
        hint = nil
        let mode = self.mode
        if let b = keyMap.binding(for: key, in: mode) { return perform(b.action) }
        if mode == .filtering, case .char(let c) = key {
            filterText.append(c)
            refilter()
            return []
        }
        if mode == .jumping, case .char(let c) = key {
            jumpText.append(c)
            return []
        }
        return mode == .tooSmall ? [] : [.bell]
    }

    mutating func handle(mouse e: MouseEvent) -> [Effect] {
        let layout = self.layout(size)
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
                if clock == .live { following = r >= logRows.count - 1 }
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
        case .bottom:
            move(by: Int.max / 2)
            if clock == .live && !showingHelp && !showingDetails { resumeFollowing() }
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
        case .freeze:
            return toggleFreeze()
        case .playPause, .stepForward, .stepBack, .faster, .slower, .hourForward, .hourBack, .startOfDay,
            .endOfDay, .nextDay, .previousDay, .openJump, .acceptJump, .cancelJump, .deleteJumpChar:
            return replayAction(action)
        }
        return []
    }

    /// Rows one page moves in the focused list or overlay.
    var pageSize: Int {
        let l = layout(size)
        if showingHelp || showingDetails { return max(1, l.overlay.height - 2) }
        return max(1, (focus == .board ? l.boardBody : l.logRowsRect(self)).height)
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
        if focus == .log && clock == .live {
            following = logSel >= logRows.count - 1
            if following { unseen = 0 }
        }
    }
}

extension Int {
    func addingClamped(_ d: Int) -> Int {
        let (r, o) = addingReportingOverflow(d)
        return o ? (d > 0 ? .max : .min) : r
    }
}
