import AlertCore

/// A colour as a theme names it: the terminal's own, or a palette index.
public enum ColorSpec: Sendable, Hashable {
    /// The terminal's own foreground or background (ncurses colour -1).
    case terminalDefault
    /// A palette index: 0–7 (8 colours), 0–15 (16), 0–255 (256).
    case index(Int)

    /// The ncurses colour number: -1 for the terminal's default.
    public var ncursesValue: Int {
        switch self {
        case .terminalDefault: -1
        case .index(let i): i
        }
    }
}

/// Text attributes that work on every terminal, colour or not.
public struct TextAttributes: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    public static let bold = TextAttributes(rawValue: 1)
    public static let dim = TextAttributes(rawValue: 2)
    public static let reverse = TextAttributes(rawValue: 4)
    public static let underline = TextAttributes(rawValue: 8)

    /// Names used in theme files, in a stable order.
    public static let names: [(String, TextAttributes)] = [
        ("bold", .bold), ("dim", .dim), ("reverse", .reverse), ("underline", .underline),
    ]
}

/// How many colours a terminal (or a theme's preference) offers.
public enum ColorDepth: Int, Sendable, Hashable, CaseIterable {
    case mono = 0
    case c8 = 8
    case c16 = 16
    case c256 = 256
}

/// One role's look at each colour depth, plus its attributes with and without colour.
public struct RoleStyle: Sendable, Hashable {
    public var fg256: ColorSpec
    public var bg256: ColorSpec
    public var fg16: ColorSpec
    public var bg16: ColorSpec
    public var fg8: ColorSpec
    public var bg8: ColorSpec
    /// Attributes added when colours are used.
    public var attrs: TextAttributes
    /// Attributes alone, used when there is no colour (mono theme, NO_COLOR, a colourless terminal).
    public var mono: TextAttributes

    public init(
        fg256: ColorSpec = .terminalDefault, bg256: ColorSpec = .terminalDefault,
        fg16: ColorSpec = .terminalDefault, bg16: ColorSpec = .terminalDefault,
        fg8: ColorSpec = .terminalDefault, bg8: ColorSpec = .terminalDefault,
        attrs: TextAttributes = [], mono: TextAttributes = []
    ) {
        self.fg256 = fg256
        self.bg256 = bg256
        self.fg16 = fg16
        self.bg16 = bg16
        self.fg8 = fg8
        self.bg8 = bg8
        self.attrs = attrs
        self.mono = mono
    }

    /// The same foreground/background at 16 and 8 colours (and 256 unless given).
    public static func basic(
        fg: ColorSpec = .terminalDefault, bg: ColorSpec = .terminalDefault, fg8: ColorSpec? = nil,
        attrs: TextAttributes = [], mono: TextAttributes = []
    ) -> RoleStyle {
        let f8 = fg8 ?? ColorSpec.clamp8(fg)
        return RoleStyle(
            fg256: fg, bg256: bg, fg16: fg, bg16: bg, fg8: f8, bg8: ColorSpec.clamp8(bg), attrs: attrs,
            mono: mono)
    }
}

extension ColorSpec {
    /// A 16-colour index folded to the 8 basic colours (bright n → n).
    static func clamp8(_ c: ColorSpec) -> ColorSpec {
        if case .index(let i) = c, i >= 8, i < 16 { return .index(i - 8) }
        if case .index(let i) = c, i >= 16 { return .terminalDefault }
        return c
    }
}

/// A role resolved for one terminal: ncurses colour numbers (-1 = default) and attributes.
public struct ResolvedStyle: Sendable, Hashable {
    public var fg: Int
    public var bg: Int
    public var attrs: TextAttributes
    public init(fg: Int, bg: Int, attrs: TextAttributes) {
        self.fg = fg
        self.bg = bg
        self.attrs = attrs
    }
}

/// How a level is named and marked, so no state is shown by colour alone.
public struct LevelLook: Sendable, Hashable {
    /// A single-column glyph (● ▲ ◆ ·); never a VS16 emoji.
    public var glyph: String { didSet { labelled = Self.join(glyph, label) } }
    public var label: String { didSet { labelled = Self.join(glyph, label) } }
    /// "◆ YELLOW": glyph and label as the board and the log write them, joined once rather than per row.
    public private(set) var labelled: String

    public init(glyph: String, label: String) {
        self.glyph = glyph
        self.label = label
        self.labelled = Self.join(glyph, label)
    }

    private static func join(_ glyph: String, _ label: String) -> String { glyph + " " + label }
}

/// A complete theme: a style for every role and a look for every level.
public struct Theme: Sendable, Hashable {
    public var name: String
    /// The depth the theme is designed for; the terminal uses the lesser of this and what it has.
    public var colors: ColorDepth
    /// Styles indexed by `Role.index`.
    public private(set) var styles: [RoleStyle]
    /// Looks indexed by `Level.rawValue`.
    public private(set) var looks: [LevelLook]

    public init(
        name: String, colors: ColorDepth, styles: [Role: RoleStyle], looks: [Level: LevelLook],
        base: Theme? = nil
    ) {
        self.name = name
        self.colors = colors
        let fallback = base ?? Theme.builtInDefault
        self.styles = Role.allCases.map { styles[$0] ?? fallback.styles[$0.index] }
        self.looks = Level.allCases.map { looks[$0] ?? fallback.looks[$0.rawValue] }
    }

    private init(name: String, colors: ColorDepth, styleArray: [RoleStyle], lookArray: [LevelLook]) {
        self.name = name
        self.colors = colors
        self.styles = styleArray
        self.looks = lookArray
    }

    /// The style of a role.
    public func style(_ role: Role) -> RoleStyle { styles[role.index] }

    /// Replaces one role's style.
    public mutating func setStyle(_ s: RoleStyle, for role: Role) { styles[role.index] = s }

    /// The glyph and label of a level.
    public func look(_ level: Level) -> LevelLook { looks[level.rawValue] }

    /// Replaces one level's look.
    public mutating func setLook(_ l: LevelLook, for level: Level) { looks[level.rawValue] = l }

    /// The depth to draw with on a terminal that offers `available` colours (ncurses `COLORS`; 0 = none).
    public func depth(terminalColors available: Int) -> ColorDepth {
        if colors == .mono || available < 8 { return .mono }
        if available >= 256 && colors == .c256 { return .c256 }
        if available >= 16 && colors.rawValue >= 16 { return .c16 }
        return .c8
    }

    /// A role's colours and attributes at a depth.
    public func resolve(_ role: Role, depth: ColorDepth) -> ResolvedStyle {
        let s = style(role)
        switch depth {
        case .mono: return ResolvedStyle(fg: -1, bg: -1, attrs: s.mono)
        case .c8: return ResolvedStyle(fg: s.fg8.ncursesValue, bg: s.bg8.ncursesValue, attrs: s.attrs)
        case .c16:
            return ResolvedStyle(fg: s.fg16.ncursesValue, bg: s.bg16.ncursesValue, attrs: s.attrs)
        case .c256:
            return ResolvedStyle(fg: s.fg256.ncursesValue, bg: s.bg256.ncursesValue, attrs: s.attrs)
        }
    }
}

extension Theme {
    static let defaultLooks: [LevelLook] = [
        LevelLook(glyph: "·", label: "normal"),
        LevelLook(glyph: "◆", label: "YELLOW"),
        LevelLook(glyph: "▲", label: "ORANGE"),
        LevelLook(glyph: "●", label: "RED"),
    ]

    /// The compiled-in default: the terminal's own background and the 16 basic colours.
    public static let builtInDefault: Theme = {
        func s(_ r: Role) -> RoleStyle {
            switch r {
            case .text: .basic()
            case .header: .basic(attrs: [.bold], mono: [.bold])
            case .title: .basic(fg: .index(14), fg8: .index(6), attrs: [.bold], mono: [.bold])
            case .border: .basic(fg: .index(8), fg8: .index(7), mono: [.dim])
            case .dim: .basic(fg: .index(8), fg8: .index(7), attrs: [.dim], mono: [.dim])
            case .selection: .basic(fg: .index(0), bg: .index(6), attrs: [], mono: [.reverse])
            case .filter: .basic(fg: .index(11), fg8: .index(3), attrs: [.bold], mono: [.underline])
            case .warning:
                .basic(fg: .index(9), fg8: .index(1), attrs: [.bold], mono: [.bold, .underline])
            case .keyHint: .basic(fg: .index(14), fg8: .index(6), attrs: [.bold], mono: [.bold])
            case .keyText: .basic(fg: .terminalDefault, mono: [])
            case .logTime: .basic(fg: .index(6), mono: [.dim])
            case .logCity: .basic(fg: .terminalDefault, attrs: [.bold], mono: [.bold])
            case .logKind: .basic(fg: .index(5), mono: [])
            case .highlight:
                .basic(fg: .index(15), bg: .index(4), fg8: .index(7), attrs: [.bold], mono: [.bold, .underline])
            case .levelRed:
                .basic(fg: .index(9), fg8: .index(1), attrs: [.bold], mono: [.bold, .reverse])
            case .levelOrange:
                .basic(fg: .index(3), fg8: .index(3), attrs: [.bold], mono: [.bold, .underline])
            case .levelYellow: .basic(fg: .index(11), fg8: .index(3), mono: [.bold])
            case .levelNormal: .basic(fg: .index(2), fg8: .index(2), mono: [.dim])
            }
        }
        return Theme(
            name: "default", colors: .c16, styleArray: Role.allCases.map(s), lookArray: defaultLooks)
    }()

    /// The compiled-in monochrome theme: attributes only (NO_COLOR, colourless terminals).
    public static let builtInMono: Theme = {
        var t = builtInDefault
        t.name = "mono"
        t.colors = .mono
        return t
    }()
}
