import AlertCore

/// What a cell means on screen; a theme turns each role into colours and attributes.
///
/// Raw values are the keys of a theme file's `roles` object.
public enum Role: String, Sendable, Hashable, CaseIterable, Codable {
    case text = "text"
    case header = "header"
    case title = "title"
    case border = "border"
    case dim = "dim"
    case selection = "selection"
    case filter = "filter"
    case warning = "warning"
    case keyHint = "key.hint"
    case keyText = "key.text"
    case logTime = "log.time"
    case logCity = "log.city"
    case logKind = "log.kind"
    /// Live: a row whose data just arrived; replay: the current event.
    case highlight = "highlight"
    case levelRed = "level.red"
    case levelOrange = "level.orange"
    case levelYellow = "level.yellow"
    case levelNormal = "level.normal"

    /// The role that shows a level.
    public static func level(_ l: Level) -> Role {
        switch l {
        case .red: .levelRed
        case .orange: .levelOrange
        case .yellow: .levelYellow
        case .normal: .levelNormal
        }
    }

    /// Dense index for table lookups (position in `allCases`).
    public var index: Int {
        switch self {
        case .text: 0
        case .header: 1
        case .title: 2
        case .border: 3
        case .dim: 4
        case .selection: 5
        case .filter: 6
        case .warning: 7
        case .keyHint: 8
        case .keyText: 9
        case .logTime: 10
        case .logCity: 11
        case .logKind: 12
        case .highlight: 13
        case .levelRed: 14
        case .levelOrange: 15
        case .levelYellow: 16
        case .levelNormal: 17
        }
    }

    /// One letter per role, used by role maps in tests and debug dumps.
    public var letter: Character {
        switch self {
        case .text: "."
        case .header: "H"
        case .title: "T"
        case .border: "b"
        case .dim: "d"
        case .selection: "S"
        case .filter: "F"
        case .warning: "W"
        case .keyHint: "K"
        case .keyText: "k"
        case .logTime: "t"
        case .logCity: "c"
        case .logKind: "n"
        case .highlight: "A"
        case .levelRed: "R"
        case .levelOrange: "O"
        case .levelYellow: "Y"
        case .levelNormal: "N"
        }
    }
}
