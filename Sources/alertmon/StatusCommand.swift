import AlertCore
import ArgumentParser

/// `alertmon status`.
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show the board: each place's level at a time, most severe first.")

    @Option(
        help: ArgumentHelp("The instant to show (default: now).", valueName: "time"),
        transform: TimeParsing.timestamp)
    var at: Timestamp?

    @OptionGroup var cityOptions: CityOptions

    @Option(help: "Output format: table or json.")
    var format: OutputFormat = .table

    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let store = try storeOptions.open()
        let t = at ?? TimeParsing.now()
        let board = StateMachine(try store.transitions(in: .through(t), places: cityOptions.places))
            .board(at: t)
        var out = OutputBuffer()
        switch format {
        case .table: out.write(BoardText.table(board, at: t))
        case .json: out.write(BoardText.json(board, at: t))
        }
        out.flush()
    }
}
