/// One row of the key map: keys, what they do, how the footer and help show them, where they work.
public struct Binding: Sendable, Hashable {
    public var keys: [Key]
    public var action: Action
    /// Short footer word ("quit").
    public var label: String
    /// One-line description for the `?` overlay.
    public var help: String
    public var modes: Set<Mode>
    /// Shown in the footer (movement keys are only listed in help).
    public var inFooter: Bool

    public init(
        _ keys: [Key], _ action: Action, label: String, help: String, modes: Set<Mode>,
        inFooter: Bool = true
    ) {
        self.keys = keys
        self.action = action
        self.label = label
        self.help = help
        self.modes = modes
        self.inFooter = inFooter
    }

    /// Whether the footer lists this binding in `mode`.
    public func isInFooter(of mode: Mode) -> Bool { inFooter && modes.contains(mode) }

    /// The keys as the footer writes them (the first one).
    public var footerKeys: String { keys.isEmpty ? "" : keys[0].description }

    /// The keys as help writes them ("q ^C").
    public var helpKeys: String { keys.map(\.description).joined(separator: " ") }
}

/// The one table that drives dispatch, the footer and the help overlay.
public struct KeyMap: Sendable, Hashable {
    public var bindings: [Binding]

    public init(_ bindings: [Binding]) { self.bindings = bindings }

    /// The binding of `key` in `mode`, if any.
    public func binding(for key: Key, in mode: Mode) -> Binding? {
        bindings.first { $0.modes.contains(mode) && $0.keys.contains(key) }
    }

    /// Bindings active in `mode`, in table order.
    public func bindings(in mode: Mode) -> [Binding] { bindings.filter { $0.modes.contains(mode) } }

    /// Bindings the footer lists in `mode`.
    public func footer(in mode: Mode) -> [Binding] {
        bindings.filter { $0.isInFooter(of: mode) }
    }

    /// The standard key map.
    public static let standard: KeyMap = {
        let browse: Set<Mode> = [.live, .replay]
        let overlays: Set<Mode> = [.help, .details]
        return KeyMap([
            Binding(
                [.char("q"), .ctrl("c")], .quit, label: "quit", help: "Quit alertmon",
                modes: browse.union(overlays).union([.tooSmall])),
            Binding(
                [.ctrl("c")], .quit, label: "quit", help: "Quit alertmon", modes: [.filtering],
                inFooter: false),
            Binding(
                [.char("?"), .function(1)], .help, label: "help", help: "Show every key",
                modes: browse.union([.details])),
            Binding(
                [.char("?"), .function(1), .escape], .closeHelp, label: "close", help: "Close this help",
                modes: [.help]),
            Binding(
                [.char(" ")], .playPause, label: "play", help: "Play or pause the replay", modes: [.replay]),
            Binding(
                [.char(".")], .stepForward, label: "next", help: "Step to the next event", modes: [.replay]),
            Binding(
                [.char(",")], .stepBack, label: "prev", help: "Step back to the previous event",
                modes: [.replay]),
            Binding(
                [.char("]")], .faster, label: "faster", help: "Double the replay speed (up to ×3600)",
                modes: [.replay]),
            Binding(
                [.char("[")], .slower, label: "slower", help: "Halve the replay speed (down to ×1)",
                modes: [.replay]),
            Binding(
                [.char(":")], .openJump, label: "jump",
                help: "Jump to a time: 14:05, 2016-07-18 14:05, or -15m / +1h from the replay clock",
                modes: [.replay]),
            Binding(
                [.char("d")], .nextDay, label: "day", help: "Go to the next day that has events",
                modes: [.replay]),
            Binding(
                [.char("D")], .previousDay, label: "prev day", help: "Go to the previous day that has events",
                modes: [.replay], inFooter: false),
            Binding(
                [.char("}")], .hourForward, label: "+1h", help: "Move the replay clock one hour on",
                modes: [.replay], inFooter: false),
            Binding(
                [.char("{")], .hourBack, label: "-1h", help: "Move the replay clock one hour back",
                modes: [.replay], inFooter: false),
            Binding(
                [.home], .startOfDay, label: "start", help: "Go to the start of the day", modes: [.replay],
                inFooter: false),
            Binding(
                [.end], .endOfDay, label: "end", help: "Go to the end of the day", modes: [.replay],
                inFooter: false),
            Binding(
                [.char("p")], .freeze, label: "freeze",
                help: "Freeze the screen while data keeps arriving; again to show what arrived", modes: [.live]),
            Binding(
                [.enter], .acceptJump, label: "jump", help: "Jump to the time typed", modes: [.jumping]),
            Binding(
                [.escape], .cancelJump, label: "cancel", help: "Close the prompt without jumping",
                modes: [.jumping]),
            Binding(
                [.backspace, .delete], .deleteJumpChar, label: "delete", help: "Delete the last character",
                modes: [.jumping]),
            Binding(
                [.ctrl("c")], .quit, label: "quit", help: "Quit alertmon", modes: [.jumping], inFooter: false),
            Binding(
                [.char("/")], .openFilter, label: "filter",
                help: "Filter cities as you type (! inverts, | or)", modes: browse),
            Binding(
                [.char("f")], .cycleLevel, label: "level",
                help: "Cycle level filter: all, yellow+, orange+, red", modes: browse),
            Binding(
                [.char("s")], .cycleOrder, label: "sort", help: "Cycle board order: severity, name, recent",
                modes: browse),
            Binding(
                [.char("t")], .cycleTheme, label: "theme", help: "Switch to the next theme", modes: browse),
            Binding(
                [.tab, .backTab], .nextPane, label: "pane", help: "Switch between board and log",
                modes: browse),
            Binding(
                [.enter], .details, label: "details", help: "Show evidence and sources of the selection",
                modes: browse),
            Binding([.escape], .clear, label: "clear", help: "Clear the filters", modes: browse),
            Binding(
                [.escape, .enter], .closeDetails, label: "close", help: "Close the details",
                modes: [.details]),
            Binding(
                [.enter], .acceptFilter, label: "keep", help: "Keep the filter and return to the board",
                modes: [.filtering]),
            Binding(
                [.escape], .cancelFilter, label: "clear", help: "Clear the filter and close the prompt",
                modes: [.filtering]),
            Binding(
                [.backspace, .delete], .deleteFilterChar, label: "delete",
                help: "Delete the last character", modes: [.filtering]),
            Binding(
                [.up, .char("k")], .up, label: "up", help: "Move up", modes: browse.union(overlays),
                inFooter: false),
            Binding(
                [.down, .char("j")], .down, label: "down", help: "Move down", modes: browse.union(overlays),
                inFooter: false),
            Binding([.up], .up, label: "up", help: "Move up", modes: [.filtering], inFooter: false),
            Binding(
                [.down], .down, label: "down", help: "Move down", modes: [.filtering], inFooter: false),
            Binding(
                [.left, .char("h")], .focusBoard, label: "board", help: "Focus the board", modes: browse,
                inFooter: false),
            Binding(
                [.right, .char("l")], .focusLog, label: "log", help: "Focus the event log", modes: browse,
                inFooter: false),
            Binding(
                [.pageUp], .pageUp, label: "page up", help: "Move one page up",
                modes: browse.union(overlays), inFooter: false),
            Binding(
                [.pageDown], .pageDown, label: "page down", help: "Move one page down",
                modes: browse.union(overlays), inFooter: false),
            Binding(
                [.char("g")], .top, label: "top", help: "Go to the first row",
                modes: browse.union(overlays), inFooter: false),
            Binding(
                [.char("G")], .bottom, label: "bottom",
                help: "Go to the last row (live: follow the newest log entry again)",
                modes: browse.union(overlays), inFooter: false),
            Binding(
                [.home], .top, label: "top", help: "Go to the first row", modes: overlays.union([.live]),
                inFooter: false),
            Binding(
                [.end], .bottom, label: "bottom", help: "Go to the last row and follow the newest log entry",
                modes: overlays.union([.live]), inFooter: false),
            Binding(
                [.char("r")], .reload, label: "reload", help: "Reload transitions from the store",
                modes: browse, inFooter: false),
            Binding(
                [.ctrl("l")], .redraw, label: "redraw", help: "Repaint the whole screen", modes: browse,
                inFooter: false),
        ])
    }()
}
