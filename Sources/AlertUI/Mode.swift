import AlertCore

/// Whether the board follows the wall clock or a replay cursor.
public enum ClockMode: String, Sendable, Hashable, CaseIterable {
    case live
    case replay

    /// The header's word for the mode.
    public var label: String { rawValue.uppercased() }
}

/// The key-map mode: which bindings are active and which footer is shown.
///
/// Adding replay keys is data: bindings with `modes: [.replay]` in `KeyMap.standard`.
public enum Mode: String, Sendable, Hashable, CaseIterable {
    /// Browsing board and log with the live clock.
    case live
    /// Browsing at a replay cursor.
    case replay
    /// The `/` prompt is open; printable keys edit the filter.
    case filtering
    /// The replay `:` prompt is open; printable keys edit the time to jump to.
    case jumping
    /// The `?` overlay is open.
    case help
    /// The details overlay (Enter) is open.
    case details
    /// The screen is below the minimum size; only quitting works.
    case tooSmall

    /// The title of the mode's section in the help overlay.
    public var title: String {
        switch self {
        case .live: "Board and log"
        case .replay: "Replay"
        case .filtering: "Filter prompt"
        case .jumping: "Jump prompt (replay)"
        case .help: "Help"
        case .details: "Details"
        case .tooSmall: "Terminal too small"
        }
    }
}

/// The two panes.
public enum Pane: String, Sendable, Hashable, CaseIterable {
    case board
    case log
}

/// The board's row order; `s` cycles it.
public enum BoardOrder: String, Sendable, Hashable, CaseIterable {
    /// Most severe first, then by name.
    case severity
    case name
    /// Most recent change first.
    case recent

    /// The next order in the cycle.
    public var next: BoardOrder {
        let all = BoardOrder.allCases
        return all[(all.firstIndex(of: self)! + 1) % all.count]
    }
}

/// The minimum level shown on board and log; `f` cycles it.
public enum LevelFilter: String, Sendable, Hashable, CaseIterable {
    case all
    case yellowUp = "yellow+"
    case orangeUp = "orange+"
    case red

    /// The least severe level that passes.
    public var floor: Level {
        switch self {
        case .all: .normal
        case .yellowUp: .yellow
        case .orangeUp: .orange
        case .red: .red
        }
    }

    /// The next filter in the cycle.
    public var next: LevelFilter {
        let all = LevelFilter.allCases
        return all[(all.firstIndex(of: self)! + 1) % all.count]
    }
}
