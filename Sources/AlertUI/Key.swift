/// A key press as the terminal backend decodes it.
public enum Key: Sendable, Hashable, CustomStringConvertible {
    /// A printable character (Cyrillic and other scripts arrive whole).
    case char(Character)
    /// Ctrl plus a letter, lower case ("c" for Ctrl-C).
    case ctrl(Character)
    case up, down, left, right
    case pageUp, pageDown, home, end
    case enter, escape, tab, backTab, backspace, delete
    /// A function key, 1-based.
    case function(Int)

    /// How the key is written in the footer and help.
    public var description: String {
        switch self {
        case .char(" "): "Space"
        case .char(let c): String(c)
        case .ctrl(let c): "^" + c.uppercased()
        case .up: "↑"
        case .down: "↓"
        case .left: "←"
        case .right: "→"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .home: "Home"
        case .end: "End"
        case .enter: "Enter"
        case .escape: "Esc"
        case .tab: "Tab"
        case .backTab: "S-Tab"
        case .backspace: "Bksp"
        case .delete: "Del"
        case .function(let n): "F\(n)"
        }
    }
}

/// A mouse event at a cell.
public struct MouseEvent: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// A button press (1 = left, 2 = middle, 3 = right).
        case press(button: Int)
        case wheelUp
        case wheelDown
    }

    public var kind: Kind
    public var at: Point

    public init(_ kind: Kind, at: Point) {
        self.kind = kind
        self.at = at
    }
}
