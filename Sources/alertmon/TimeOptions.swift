import AlertCore
import AlertStore
import ArgumentParser
import Foundation

/// Parsing of the time options every command shares.
enum TimeParsing {
    static let hint =
        "expected a date (2016-07-18) or an ISO 8601 date-time (2016-07-18T11:00:00+06:00)"

    /// A `Timestamp` from option text, or an error the parser prints with the option's name.
    static func timestamp(_ text: String) throws -> Timestamp {
        guard let t = Timestamp(iso: text) else { throw ValidationError(hint) }
        return t
    }

    static func day(_ text: String) throws -> CivilDate {
        guard let t = Timestamp(iso: text), t.precision == .day else {
            throw ValidationError("expected a date such as 2016-07-18")
        }
        return CivilDate(day: t.utcDay)
    }

    /// The current instant, for defaults; the only wall-clock read in the commands.
    static func now() -> Timestamp { Timestamp(seconds: Int64(Date().timeIntervalSince1970)) }
}

/// `--day D` or `--from T --to T`: the span of effective times a command looks at.
struct RangeOptions: ParsableArguments {
    @Option(help: ArgumentHelp("One UTC day.", valueName: "date"), transform: TimeParsing.day)
    var day: CivilDate?

    @Option(
        help: ArgumentHelp("Start (a date means its first second).", valueName: "time"),
        transform: TimeParsing.timestamp)
    var from: Timestamp?

    @Option(
        help: ArgumentHelp("End, inclusive (a date means the whole day).", valueName: "time"),
        transform: TimeParsing.timestamp)
    var to: Timestamp?

    func validate() throws {
        if day != nil && (from != nil || to != nil) {
            throw ValidationError("--day cannot be combined with --from or --to")
        }
        if let from, let to, to < from { throw ValidationError("--to is before --from") }
    }

    /// The half-open range the options select.
    var range: TimeRange {
        if let day { return .day(day) }
        return TimeRange(from: from, to: to.map(Self.exclusiveEnd))
    }

    /// The first instant after an inclusive end: the next midnight for a date, the next second otherwise.
    static func exclusiveEnd(_ t: Timestamp) -> Timestamp {
        t.precision == .day ? Timestamp(seconds: t.seconds + 86_400) : Timestamp(seconds: t.seconds + 1)
    }
}

/// `--city NAME`, repeatable: which places a command looks at.
struct CityOptions: ParsableArguments {
    @Option(
        name: .customLong("city"),
        help: ArgumentHelp("Only this place (any case; repeat for more).", valueName: "name"))
    var cities: [String] = []

    /// The store filter: nil when no `--city` was given.
    var places: [PlaceKey]? {
        cities.isEmpty
            ? nil : cities.map { PlaceKey(name: $0.trimmingCharacters(in: .whitespaces), country: nil) }
    }
}

/// `--format table|json`.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json
}
