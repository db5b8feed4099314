import AlertCore
import ArgumentParser

/// `alertmon export`.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Print stored records as JSON Lines (re-importable; a day's export is a replay file)."
    )

    @OptionGroup var rangeOptions: RangeOptions
    @OptionGroup var cityOptions: CityOptions
    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let store = try storeOptions.open()
        var out = OutputBuffer()
        for t in try store.transitions(in: rangeOptions.range, places: cityOptions.places) {
            out.line(TransitionRecord.encode(t))
        }
        out.flush()
    }
}
