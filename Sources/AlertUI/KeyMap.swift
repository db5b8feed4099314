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

    /// The keys as the footer writes them (the first one).
    public var footerKeys: String { keys.first.map { $0.description } ?? "" }

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
        bindings.filter { $0.inFooter && $0.modes.contains(mode) }
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
                [.char("G")], .bottom, label: "bottom", help: "Go to the last row",
                modes: browse.union(overlays), inFooter: false),
            Binding(
                [.char("r")], .reload, label: "reload", help: "Reload transitions from the store",
                modes: browse, inFooter: false),
            Binding(
                [.ctrl("l")], .redraw, label: "redraw", help: "Repaint the whole screen", modes: browse,
                inFooter: false),
        ])
    }()
}
