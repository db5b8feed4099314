import AlertUI

/// Each role's colour pair and attributes for one terminal, decided without touching ncurses.
public struct StyleTable: Sendable, Equatable {
    /// One colour pair to allocate: `number` gets (`fg`, `bg`), ncurses colours, -1 = default.
    public struct Pair: Sendable, Equatable {
        public var number: Int
        public var fg: Int
        public var bg: Int
    }

    /// The depth actually drawn with.
    public let depth: ColorDepth
    /// Pairs to `init_pair`, one per role (role index + 1); empty in mono.
    public let pairs: [Pair]
    /// Pair number per role index (0 = the terminal's default pair).
    public let pairOfRole: [Int]
    /// Attributes per role index.
    public let attributes: [TextAttributes]

    /// Resolves `theme` for a terminal with `colors` colours (ncurses `COLORS`, 0 when none).
    /// `defaultColors` is whether `use_default_colors` succeeded, so -1 may be used.
    /// `noColor` is the `NO_COLOR` convention: attributes only.
    public init(theme: Theme, colors: Int, colorPairs: Int, defaultColors: Bool, noColor: Bool) {
        let roles = Role.allCases
        let depth =
            noColor || colorPairs <= roles.count ? ColorDepth.mono : theme.depth(terminalColors: colors)
        self.depth = depth
        var pairs: [Pair] = []
        var pairOfRole: [Int] = []
        var attributes: [TextAttributes] = []
        for role in roles {
            let r = theme.resolve(role, depth: depth)
            attributes.append(r.attrs)
            if depth == .mono {
                pairOfRole.append(0)
                continue
            }
            let fg = Self.guarded(r.fg, colors: colors, defaultColors: defaultColors, fallback: 7)
            let bg = Self.guarded(r.bg, colors: colors, defaultColors: defaultColors, fallback: 0)
            let number = role.index + 1
            pairs.append(Pair(number: number, fg: fg, bg: bg))
            pairOfRole.append(number)
        }
        self.pairs = pairs
        self.pairOfRole = pairOfRole
        self.attributes = attributes
    }

    /// A colour the terminal can show: bright colours fold to basic ones on 8-colour terminals,
    /// anything else out of range becomes the default (white on black without default colours).
    static func guarded(_ c: Int, colors: Int, defaultColors: Bool, fallback: Int) -> Int {
        var c = c
        if c >= colors { c = (c >= 8 && c < 16 && colors >= 8) ? c - 8 : -1 }
        if c < 0 && !defaultColors { return fallback }
        return c
    }

    /// The pair number for a role.
    public func pair(_ role: Role) -> Int { pairOfRole[role.index] }

    /// The attributes for a role.
    public func attributes(_ role: Role) -> TextAttributes { attributes[role.index] }
}
