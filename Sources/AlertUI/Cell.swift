/// One screen cell: a grapheme, its width, and what it means.
///
/// A wide character is a lead cell (width 2) followed by a continuation cell (width 0,
/// empty grapheme) that backends skip.
public struct Cell: Sendable, Hashable {
    public var grapheme: String
    /// 0 = continuation of the wide cell to the left, 1 or 2 = a lead cell.
    public var width: UInt8
    public var role: Role

    public init(grapheme: String, width: UInt8, role: Role) {
        self.grapheme = grapheme
        self.width = width
        self.role = role
    }

    /// A blank cell with a role.
    public static func blank(_ role: Role = .text) -> Cell {
        Cell(grapheme: " ", width: 1, role: role)
    }

    /// The continuation half of a wide cell.
    public static func continuation(_ role: Role) -> Cell { Cell(grapheme: "", width: 0, role: role) }

    public var isContinuation: Bool { width == 0 }
}
