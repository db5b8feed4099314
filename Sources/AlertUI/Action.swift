/// What a key, a click on a footer hint or a menu choice asks for, named by intent.
public enum Action: String, Sendable, Hashable, CaseIterable {
    case quit
    case help
    case closeHelp
    case nextPane
    case focusBoard
    case focusLog
    case up
    case down
    case pageUp
    case pageDown
    case top
    case bottom
    case details
    case closeDetails
    /// Esc while browsing: clears the filter.
    case clear
    case openFilter
    case acceptFilter
    case cancelFilter
    case deleteFilterChar
    case cycleLevel
    case cycleOrder
    case cycleTheme
    case reload
    case redraw
    /// Live: freeze the screen while data keeps arriving, or show what arrived.
    case freeze
    // Replay controls.
    case playPause
    case stepForward
    case stepBack
    case faster
    case slower
    case hourForward
    case hourBack
    case startOfDay
    case endOfDay
    case nextDay
    case previousDay
    case openJump
    case acceptJump
    case cancelJump
    case deleteJumpChar
}
