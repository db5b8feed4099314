import ArgumentParser

@main
struct Alertmon: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "alertmon",
        abstract: "Follow per-city terror alert levels from news reports.",
        version: "0.1.0",
        subcommands: [ParseCommand.self]
    )
}
