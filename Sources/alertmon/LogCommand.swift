import AlertCore
import AlertStore
import ArgumentParser

/// `alertmon log`.
struct LogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract:
            "Show the applied changes (declared, raised, lowered, lifted, extended, expired, conflict).")

    @OptionGroup var rangeOptions: RangeOptions
    @OptionGroup var cityOptions: CityOptions

    @Option(help: "Output format: table or json.")
    var format: OutputFormat = .table

    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let store = try storeOptions.open()
        let entries = try Self.entries(store, range: rangeOptions.range, places: cityOptions.places)
        var out = OutputBuffer()
        switch format {
        case .table: out.write(LogText.table(entries))
        case .json: out.write(LogText.json(entries))
        }
        out.flush()
    }

    /// The log entries timed inside `range`: the fold starts at the beginning, so earlier levels and expiries count.
    static func entries(_ store: any AlertStoring, range: TimeRange, places: [PlaceKey]?) throws
        -> [LogEntry]
    {
        let upTo = TimeRange(from: nil, to: range.to)
        let machine = StateMachine(try store.transitions(in: upTo, places: places))
        let from = range.from ?? Timestamp(seconds: .min)
        let to = range.to.map { Timestamp(seconds: $0.seconds - 1) } ?? Timestamp(seconds: .max)
        return machine.changes(from: from, to: to)
    }
}
