import AlertStore
import ArgumentParser
import Foundation

/// `--store PATH` for every command that reads or writes the store.
struct StoreOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The store file (default: $ALERTMON_STORE, else $XDG_DATA_HOME/alertmon/alerts.sqlite, else ~/.local/share/alertmon/alerts.sqlite).",
            valueName: "path"),
        completion: .file(extensions: ["sqlite"]))
    var store: String?

    /// The path to use: the option, then `ALERTMON_STORE`, then the XDG default.
    func path(environment env: [String: String] = ProcessInfo.processInfo.environment) throws
        -> String
    {
        if let store, !store.isEmpty { return store }
        if let s = env["ALERTMON_STORE"], !s.isEmpty { return s }
        guard let p = StoreLocation.defaultPath(environment: env) else {
            throw CLIError(
                "no store path: set HOME, XDG_DATA_HOME or ALERTMON_STORE, or pass --store", code: 2)
        }
        return p
    }

    /// Opens (creating on first use) the chosen store.
    func open() throws -> any AlertStoring {
        try SQLiteStore(path: path())
    }
}
